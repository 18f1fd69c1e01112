// Summary of a V8 CPU profile (`node --cpu-prof` output): self time per function and per area
// (which package or Node internals), as shares of the samples, to say where a process spent its time.

/**
 * @typedef {{ id: number, hitCount?: number, callFrame: { functionName: string, url: string, lineNumber: number } }} ProfileNode
 * @typedef {{ nodes: ProfileNode[], startTime?: number, samples?: number[], timeDeltas?: number[] }} CpuProfile
 *   times in microseconds of the monotonic clock
 * @typedef {{ frame: string, area: string, samples: number, share: number }} FrameShare
 */

/**
 * Which part of the code a script URL belongs to: a workspace package (`@i2cp/<name>`), Node's own
 * JavaScript (`node:…`), a dependency, or V8's pseudo-frames ((garbage collector), (idle), …).
 * @param {string} url
 * @param {string} functionName
 */
export function areaOf(url, functionName) {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /\/packages\/([^/]+)\//.exec(url);
  if (pkg) return `@i2cp/${pkg[1]}`;
  if (url.startsWith('node:')) return 'node internals';
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dep) return dep[1] ?? 'dependency';
  return 'other';
}

/**
 * Self samples per node id: all of them (hitCount), or only those taken within a time window
 * (from the sample list), e.g. a benchmark's measured window without start-up and set-up.
 * @param {CpuProfile} profile
 * @param {{ fromUs: number, toUs: number }} [window]
 * @returns {Map<number, number>}
 */
function selfSamples(profile, window) {
  /** @type {Map<number, number>} */
  const hits = new Map();
  if (window === undefined) {
    for (const node of profile.nodes) hits.set(node.id, node.hitCount ?? 0);
    return hits;
  }
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let time = profile.startTime ?? 0;
  for (let i = 0; i < samples.length; i++) {
    time += deltas[i] ?? 0;
    if (time < window.fromUs || time > window.toUs) continue;
    const id = samples[i] ?? -1;
    hits.set(id, (hits.get(id) ?? 0) + 1);
  }
  return hits;
}

/**
 * @param {CpuProfile} profile
 * @param {number} [top] how many functions to list
 * @param {{ fromUs: number, toUs: number }} [window] count only samples taken within it
 * @returns {{ total: number, frames: FrameShare[], areas: { area: string, samples: number, share: number }[] }}
 */
export function summariseProfile(profile, top = 15, window = undefined) {
  const hits = selfSamples(profile, window);
  /** @type {Map<string, FrameShare>} */
  const byFrame = new Map();
  /** @type {Map<string, number>} */
  const byArea = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const samples = hits.get(node.id) ?? 0;
    if (samples === 0) continue;
    total += samples;
    const { functionName, url, lineNumber } = node.callFrame;
    const area = areaOf(url, functionName);
    const file = url === '' ? '' : ` ${url.slice(url.lastIndexOf('/') + 1)}:${lineNumber + 1}`;
    const frame = `${functionName || '(anonymous)'}${file}`;
    const entry = byFrame.get(frame) ?? { frame, area, samples: 0, share: 0 };
    entry.samples += samples;
    byFrame.set(frame, entry);
    byArea.set(area, (byArea.get(area) ?? 0) + samples);
  }
  const share = (/** @type {number} */ n) => (total === 0 ? 0 : n / total);
  const frames = [...byFrame.values()]
    .map((f) => ({ ...f, share: share(f.samples) }))
    .sort((a, b) => b.samples - a.samples)
    .slice(0, top);
  const areas = [...byArea.entries()]
    .map(([area, samples]) => ({ area, samples, share: share(samples) }))
    .sort((a, b) => b.samples - a.samples);
  return { total, frames, areas };
}
