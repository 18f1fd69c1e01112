// Part `router-stub`: local delivery through @i2cp/router-stub (in a process of its own), measured
// three ways on the same matrix as the relay and i2pd: hand-built current-dialect frames (the
// router alone, comparable with i2pd), @i2cp/client in the current dialect, and @i2cp/client in the
// 2003 dialect with its end-to-end ElGamal/AES encryption. Then one case again under
// `node --cpu-prof`, summarised as the functions the stub spent its time in.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { summariseProfile } from './lib/cpu-profile.mjs';
import { runLoadCase } from './lib/load.mjs';
import { runMatrix } from './lib/matrix.mjs';
import { startStubProcess } from './lib/stub-process.mjs';

const RAW_ADAPTER = new URL('./lib/i2cp-raw-adapter.mjs', import.meta.url);
const CLIENT_ADAPTER = new URL('./lib/client-adapter.mjs', import.meta.url);
const PROFILE_TOP = 15;

/** The three ways the stub is driven; `key` names them in context.results. */
const SYSTEMS = [
  { key: 'raw', name: 'stub, hand-built frames', adapter: RAW_ADAPTER, options: {} },
  { key: 'current', name: 'stub, @i2cp/client current', adapter: CLIENT_ADAPTER, options: { dialect: 'current' } },
  { key: '2003', name: 'stub, @i2cp/client 2003 + e2e', adapter: CLIENT_ADAPTER, options: { dialect: '2003' } },
];

/** @type {import('./lib/part.mjs').BenchPart} */
export default {
  name: 'router-stub',
  title: 'Router stub',
  order: 30,
  description: [
    'Local delivery through the built @i2cp/router-stub (packages/router-stub/dist) in a process of its own',
    '(lib/stub-server.mjs, 127.0.0.1, log level warn, default limits, a fresh process per case), with the cases, pacing',
    'and measurements of the raw relay part; each pair is a session in the sender process and one in the receiver',
    'process, one connection each. Three clients: **hand-built frames** (lib/i2cp-raw-adapter.mjs, as for i2pd: current',
    'dialect, Ed25519 + ElGamal, LS1, `i2cp.fastReceive=true`, SendMessage with nonce 0) measure the router alone;',
    '**@i2cp/client current** (lib/client-adapter.mjs: LS2, `reliability: \'none\'`, `compress: false`, 64 sends in',
    'flight per pair) adds the client library on both ends; **@i2cp/client 2003 + e2e** is the 2003 dialect (DSA-SHA1',
    'destinations, MessageStatus/ReceiveMessageBegin/End flow) where the client encrypts every payload end to end',
    '(ElGamal/AES+SessionTag) and each send waits for its BestEffort status (256 in flight per pair) so session tags',
    'get confirmed. The three share the stub; the differences between them are client costs.',
  ].join(' '),
  async run(context) {
    for (const pkg of ['router-stub', 'data', 'client']) {
      if ((await context.loadPackage(pkg)) === undefined) return { skipped: `needs the built @i2cp/${pkg} (pnpm build)` };
    }
    /** @type {import('./lib/part.mjs').BenchRow[]} */
    const rows = [];
    /** @type {Record<string, import('./lib/matrix.mjs').MatrixResults>} */
    const results = {};
    for (const system of SYSTEMS) {
      const measured = await runMatrix(context, {
        name: system.name,
        adapter: system.adapter,
        options: system.options,
        start: () => startStubProcess(),
      });
      rows.push(...measured.rows);
      results[system.key] = measured.results;
    }
    context.results.set('router-stub', results);

    const profileCase = { size: 1024, pairs: context.quick ? 10 : 100 };
    context.log(`router-stub: CPU profile, 1 KiB, ${profileCase.pairs} pairs, hand-built frames`);
    const profile = await profileStub(context, profileCase);
    return {
      tables: [
        { rows },
        {
          heading: 'Where the stub spends its time',
          text: [
            `\`node --cpu-prof\` on the stub process during the saturating case 1 KiB, ${profileCase.pairs} pairs, hand-built frames`,
            `(${profile.msgsPerSec.toFixed(0)} msgs/s in this run), counting ${profile.windowed ? 'only the samples of the measured window' : "the stub's whole life (the measured window could not be placed in the profile)"}`,
            `(${profile.total.toLocaleString('en-US')} samples, about 1 per ms). Self time by area, then the top ${PROFILE_TOP} functions by self time.`,
            '"(idle)" is time the stub waited for input, so 100 % minus it is the share of one core the stub used;',
            '"(program)" is V8/native work not attributed to a JavaScript function; "(native)" are C++ functions called from',
            'JavaScript (socket writes, crypto).',
          ].join(' '),
          rows: profile.areas.map((a) => ({ area: a.area, 'self %': Number((a.share * 100).toFixed(1)) })),
        },
        {
          rows: profile.frames.map((f) => ({ function: f.frame, area: f.area, 'self %': Number((f.share * 100).toFixed(1)) })),
        },
      ],
    };
  },
};

/**
 * Runs one saturating case against a stub started with --cpu-prof and summarises the profile.
 * @param {import('./lib/part.mjs').BenchContext} context
 * @param {{ size: number, pairs: number }} profileCase
 */
async function profileStub(context, profileCase) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'i2cp-bench-prof-'));
  try {
    const stub = await startStubProcess({ cpuProfileDir: dir });
    let result;
    try {
      const options = { port: stub.port };
      result = await runLoadCase({
        adapter: RAW_ADAPTER,
        receiverOptions: options,
        senderOptions: options,
        ...profileCase,
        rate: 0,
        warmupMs: context.warmupMs,
        durationMs: context.durationMs,
      });
    } finally {
      await stub.stop();
    }
    const file = (await readdir(dir)).find((f) => f.endsWith('.cpuprofile'));
    if (file === undefined) throw new Error('the stub process wrote no CPU profile');
    /** @type {import('./lib/cpu-profile.mjs').CpuProfile & { endTime?: number }} */
    const profile = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
    // V8 stamps samples with the monotonic clock process.hrtime reads: keep the measured window.
    const window = { fromUs: result.measuredFromNs / 1e3, toUs: result.measuredToNs / 1e3 };
    const inside = (profile.startTime ?? 0) <= window.fromUs && window.toUs <= (profile.endTime ?? 0);
    const summary = summariseProfile(profile, PROFILE_TOP, inside ? window : undefined);
    return { ...summary, windowed: inside, msgsPerSec: result.msgsPerSec };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
