/**
 * Compares dotted version strings numerically, part by part ("2.7.0" > "0.9.7" > "0.9.10" is false).
 * Non-numeric parts count as 0, so a malformed version from a client never throws.
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  const n = Math.max(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = versionPart(pa[i]);
    const y = versionPart(pb[i]);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function versionPart(part: string | undefined): number {
  if (part === undefined) return 0;
  const match = /^\d+/.exec(part);
  return match === null ? 0 : Number(match[0]);
}
