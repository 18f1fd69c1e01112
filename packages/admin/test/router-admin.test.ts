import { link, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encode, toHex, writeRouterInfo2003, type BandwidthLimits2003 } from '@i2cp/data';
import type { Message } from '@i2cp/codec';
import { authenticationKeyFor } from '../src/auth-key.js';
import { AdminDisconnectReason, createRouterAdmin, type RouterAdminOptions } from '../src/router/router-admin.js';
import { STATE_FILE_NAME } from '../src/router/state-file.js';
import type { AdminContext, AdminOutcome, AdminRequest, RouterAdminHandler } from '../src/router/hook-types.js';
import { makeRouterInfo, manualClock, recordingControl, tempDir, type ManualClock, type RecordingControl } from './helpers/fixtures.js';

const PASSPHRASE = 'correct horse battery staple';
const KEY = authenticationKeyFor(PASSPHRASE);
const WRONG = authenticationKeyFor('incorrect');
const ctx: AdminContext = { remoteAddress: '127.0.0.1:40000', dialect: '2003' };

let dir: { path: string; remove: () => Promise<void> };
let clock: ManualClock;
let control: RecordingControl;
const handlers: RouterAdminHandler[] = [];

beforeEach(async () => {
  dir = await tempDir();
  clock = manualClock();
  control = recordingControl();
});
afterEach(async () => {
  for (const h of handlers.splice(0)) await h.close();
  await dir.remove();
});

async function start(options: Partial<RouterAdminOptions> = { passphrase: PASSPHRASE }, c: RecordingControl = control) {
  const handler = createRouterAdmin({ dataDir: dir.path, clock, ...options });
  handlers.push(handler);
  await handler.attach(c);
  return handler;
}

function replyOf(outcome: AdminOutcome): Message {
  if (outcome.kind !== 'reply') throw new Error(`expected a reply, got ${JSON.stringify(outcome)}`);
  return outcome.message;
}

const get = {
  bandwidth: { type: 'GetBandwidthLimits', authenticationKey: KEY },
  trusted: { type: 'GetTrustedRouters', authenticationKey: KEY },
  visibility: { type: 'GetAddressVisibility', authenticationKey: KEY },
  period: { type: 'GetAddressRotationPeriod', authenticationKey: KEY },
  peers: { type: 'GetPeers', authenticationKey: KEY },
} as const satisfies Record<string, AdminRequest>;

const limits: BandwidthLimits2003 = {
  classes: [
    { name: 'default', routers: [], averageDown: 1000, averageUp: 2000, peakDown: 3000, peakUp: 4000 },
    { name: 'friends', routers: [new Uint8Array(32).fill(7)], averageDown: 0, averageUp: 0, peakDown: 0, peakUp: 0 },
  ],
};

/** Every request kind, each with `key`; used to show that auth gates all of them. */
function everyRequest(key: Uint8Array): AdminRequest[] {
  return [
    { type: 'GetBandwidthLimits', authenticationKey: key },
    { type: 'SetBandwidthLimits', authenticationKey: key, limits },
    { type: 'GetTrustedRouters', authenticationKey: key },
    { type: 'SetTrustedRouters', authenticationKey: key, routers: [] },
    { type: 'GetAddressVisibility', authenticationKey: key },
    { type: 'SetAddressVisibility', authenticationKey: key, visible: true },
    { type: 'GetAddressRotationPeriod', authenticationKey: key },
    { type: 'SetAddressRotationPeriod', authenticationKey: key, seconds: 5 },
    { type: 'ForceAddressRotation', authenticationKey: key },
    { type: 'GetPeers', authenticationKey: key },
    { type: 'SetPeers', authenticationKey: key, peers: [] },
    { type: 'SetPassword', authenticationKey: key, newAuthenticationKey: WRONG },
  ];
}

/** Runs a request that fails authentication: waits for its delay timer, checks it, lets it fire. */
async function failing(handler: RouterAdminHandler, request: AdminRequest, expectedDelayMs: number, remoteAddress = ctx.remoteAddress) {
  const outcome = handler.handle(request, { ...ctx, remoteAddress });
  await vi.waitFor(() => {
    expect(clock.waiting()).toContain(expectedDelayMs);
  });
  clock.advance(expectedDelayMs);
  expect(await outcome).toEqual({ kind: 'disconnect', reason: 'authentication failed' });
}

describe('authentication', () => {
  it('refuses every request with a clear reason when no passphrase is configured', async () => {
    const admin = await start({});
    for (const request of everyRequest(KEY)) {
      expect(await admin.handle(request, ctx)).toEqual({ kind: 'disconnect', reason: 'admin is disabled: no passphrase configured' });
    }
  });

  it('answers the right key and refuses a wrong, short or missing one after a delay', async () => {
    const admin = await start();
    expect((await admin.handle(get.visibility, ctx)).kind).toBe('reply');
    await failing(admin, { ...get.visibility, authenticationKey: WRONG }, 100);
    await failing(admin, { ...get.visibility, authenticationKey: KEY.subarray(0, 31) }, 200);
    await failing(admin, { type: 'GetBandwidthLimits' }, 400);
  });

  it('refuses every request kind with a wrong key and changes nothing', async () => {
    const admin = await start();
    let delay = 100;
    for (const request of everyRequest(WRONG)) {
      await failing(admin, request, delay);
      delay = Math.min(delay * 2, 5000);
    }
    expect(replyOf(await admin.handle(get.bandwidth, ctx))).toMatchObject({ limits: { classes: [{ averageDown: 0 }] } });
    expect(replyOf(await admin.handle(get.visibility, ctx))).toEqual({ type: 'AddressVisibility', visible: false });
    expect(replyOf(await admin.handle(get.period, ctx))).toEqual({ type: 'AddressRotationPeriod', seconds: 0 });
  });

  it('doubles the delay per failure from one host up to 5 s, and a success resets it', async () => {
    const admin = await start();
    const bad = { ...get.visibility, authenticationKey: WRONG };
    for (const [i, delay] of [100, 200, 400, 800, 1600, 3200, 5000, 5000].entries()) {
      await failing(admin, bad, delay, `127.0.0.1:${50000 + i}`);
    }
    await failing(admin, bad, 100, '10.0.0.9:1');
    expect((await admin.handle(get.visibility, ctx)).kind).toBe('reply');
    await failing(admin, bad, 100);
  });

  it('does not hold other requests while a failure waits out its delay', async () => {
    const admin = await start();
    const slow = admin.handle({ ...get.visibility, authenticationKey: WRONG }, ctx);
    await vi.waitFor(() => {
      expect(clock.waiting()).toContain(100);
    });
    expect((await admin.handle(get.visibility, { ...ctx, remoteAddress: '127.0.0.2:1' })).kind).toBe('reply');
    clock.advance(100);
    expect((await slow).kind).toBe('disconnect');
  });

  it('SetPassword replaces the key at once', async () => {
    const admin = await start();
    const next = authenticationKeyFor('a new passphrase');
    expect(await admin.handle({ type: 'SetPassword', authenticationKey: KEY, newAuthenticationKey: next }, ctx)).toEqual({ kind: 'none' });
    await failing(admin, get.visibility, 100);
    expect((await admin.handle({ ...get.visibility, authenticationKey: next }, ctx)).kind).toBe('reply');
  });

  it('refuses a request with the old key that was waiting behind the SetPassword that replaced it', async () => {
    const admin = await start();
    const next = authenticationKeyFor('a new passphrase');
    const change = admin.handle({ type: 'SetPassword', authenticationKey: KEY, newAuthenticationKey: next }, ctx);
    // Its key is checked at once (it is the current one), then it waits for SetPassword to finish.
    await failing(admin, get.visibility, 100);
    expect(await change).toEqual({ kind: 'none' });
  });

  it('drops the request of a connection that closed before its key was checked: no delay, no recorded failure', async () => {
    const admin = await start();
    const closed = { ...ctx, signal: AbortSignal.abort() };
    expect(await admin.handle({ ...get.visibility, authenticationKey: WRONG }, closed)).toEqual({ kind: 'disconnect', reason: 'authentication failed' });
    expect(clock.waiting()).toEqual([]);
    await failing(admin, { ...get.visibility, authenticationKey: WRONG }, 100);
  });

  it('ends the failure delay when the connection closes', async () => {
    const admin = await start();
    const connection = new AbortController();
    const outcome = admin.handle({ ...get.visibility, authenticationKey: WRONG }, { ...ctx, signal: connection.signal });
    await vi.waitFor(() => {
      expect(clock.waiting()).toContain(100);
    });
    connection.abort();
    expect(await outcome).toEqual({ kind: 'disconnect', reason: 'authentication failed' });
    expect(clock.waiting()).toEqual([]);
  });

  it('never logs the passphrase, the key or its hash', async () => {
    const admin = await start();
    await admin.handle({ type: 'SetPassword', authenticationKey: KEY, newAuthenticationKey: WRONG }, ctx);
    await failing(admin, get.visibility, 100);
    const stored = await readFile(join(dir.path, STATE_FILE_NAME), 'utf8');
    const hashes = [...stored.matchAll(/"hash": "([0-9a-f]+)"/g)].map((m) => m[1]!);
    const logged = JSON.stringify(control.logs);
    expect(control.logs.some((l) => l.message.includes('authentication failed'))).toBe(true);
    for (const secret of [PASSPHRASE, toHex(KEY), toHex(WRONG), ...hashes]) expect(logged).not.toContain(secret);
  });
});

describe('requests', () => {
  it('starts with one unlimited default class, nothing trusted, not visible, no rotation, no peers', async () => {
    const admin = await start();
    expect(replyOf(await admin.handle(get.bandwidth, ctx))).toEqual({
      type: 'BandwidthLimits',
      dialect: '2003',
      limits: { classes: [{ name: 'default', routers: [], averageDown: 0, averageUp: 0, peakDown: 0, peakUp: 0 }] },
    });
    expect(replyOf(await admin.handle(get.trusted, ctx))).toEqual({ type: 'TrustedRouters', routers: [] });
    expect(replyOf(await admin.handle(get.visibility, ctx))).toEqual({ type: 'AddressVisibility', visible: false });
    expect(replyOf(await admin.handle(get.period, ctx))).toEqual({ type: 'AddressRotationPeriod', seconds: 0 });
    expect(replyOf(await admin.handle(get.peers, ctx))).toEqual({ type: 'Peers', peers: [] });
  });

  it('Set* replace the value and Get* return exactly what was set', async () => {
    const admin = await start();
    const hashes = [new Uint8Array(32).fill(1), new Uint8Array(32).fill(2)];
    const peers = [makeRouterInfo(), makeRouterInfo({ version: 9 })];
    const sets: AdminRequest[] = [
      { type: 'SetBandwidthLimits', authenticationKey: KEY, limits },
      { type: 'SetTrustedRouters', authenticationKey: KEY, routers: hashes },
      { type: 'SetAddressVisibility', authenticationKey: KEY, visible: null },
      { type: 'SetAddressRotationPeriod', authenticationKey: KEY, seconds: 65535 },
      { type: 'SetPeers', authenticationKey: KEY, peers },
    ];
    for (const request of sets) expect(await admin.handle(request, ctx)).toEqual({ kind: 'none' });
    expect(replyOf(await admin.handle(get.bandwidth, ctx))).toEqual({ type: 'BandwidthLimits', dialect: '2003', limits });
    expect(replyOf(await admin.handle(get.trusted, ctx))).toEqual({ type: 'TrustedRouters', routers: hashes });
    expect(replyOf(await admin.handle(get.visibility, ctx))).toEqual({ type: 'AddressVisibility', visible: null });
    expect(replyOf(await admin.handle(get.period, ctx))).toEqual({ type: 'AddressRotationPeriod', seconds: 65535 });
    const got = replyOf(await admin.handle(get.peers, ctx));
    if (got.type !== 'Peers') throw new Error(got.type);
    expect(got.peers.map((p) => encode(writeRouterInfo2003, p))).toEqual(peers.map((p) => encode(writeRouterInfo2003, p)));
  });

  it('keeps its own copy of the bytes it was given', async () => {
    const admin = await start();
    const hash = new Uint8Array(32).fill(5);
    await admin.handle({ type: 'SetTrustedRouters', authenticationKey: KEY, routers: [hash] }, ctx);
    hash.fill(0);
    expect(replyOf(await admin.handle(get.trusted, ctx))).toEqual({ type: 'TrustedRouters', routers: [new Uint8Array(32).fill(5)] });
  });

  it('refuses a SetPeers whose RouterInfo signature does not verify and keeps the old peers', async () => {
    const admin = await start();
    const good = makeRouterInfo();
    await admin.handle({ type: 'SetPeers', authenticationKey: KEY, peers: [good] }, ctx);
    const forged = { ...makeRouterInfo(), version: 2 };
    const outcome = await admin.handle({ type: 'SetPeers', authenticationKey: KEY, peers: [makeRouterInfo(), forged] }, ctx);
    expect(outcome).toEqual({ kind: 'disconnect', reason: 'SetPeers refused: RouterInfo 1: the signature does not verify' });
    const got = replyOf(await admin.handle(get.peers, ctx));
    expect(got).toMatchObject({ type: 'Peers', peers: [{ version: 1 }] });
    expect(control.logs.some((l) => l.level === 'warn' && l.message === 'admin: SetPeers refused')).toBe(true);
  });

  it('ForceAddressRotation records now and answers with that date', async () => {
    const admin = await start();
    clock.advance(12_345);
    expect(replyOf(await admin.handle({ type: 'ForceAddressRotation', authenticationKey: KEY }, ctx))).toEqual({
      type: 'LastAddressRotation',
      date: clock.now(),
    });
  });

  it('a rotation period makes the handler rotate at that interval until close', async () => {
    const admin = await start();
    const force = { type: 'ForceAddressRotation', authenticationKey: KEY } as const;
    await admin.handle({ type: 'SetAddressRotationPeriod', authenticationKey: KEY, seconds: 60 }, ctx);
    expect(clock.waiting()).toEqual([60_000]);
    const t0 = clock.now();
    clock.advance(60_000);
    await vi.waitFor(() => {
      expect(clock.waiting()).toEqual([60_000]);
    });
    clock.advance(60_000);
    await vi.waitFor(() => {
      expect(clock.waiting()).toEqual([60_000]);
    });
    // Forcing reads the state after both scheduled rotations; then shows its own.
    const before = JSON.parse(await readFile(join(dir.path, STATE_FILE_NAME), 'utf8')) as { lastAddressRotation: number };
    expect(before.lastAddressRotation).toBe(t0 + 120_000);
    clock.advance(1);
    expect(replyOf(await admin.handle(force, ctx))).toEqual({ type: 'LastAddressRotation', date: t0 + 120_001 });
    await admin.close();
    expect(clock.waiting()).toEqual([]);
  });

  it('period 0 stops rotating', async () => {
    const admin = await start();
    await admin.handle({ type: 'SetAddressRotationPeriod', authenticationKey: KEY, seconds: 10 }, ctx);
    await admin.handle({ type: 'SetAddressRotationPeriod', authenticationKey: KEY, seconds: 0 }, ctx);
    expect(clock.waiting()).toEqual([]);
  });
});

describe('bandwidth enforcement', () => {
  it('hands the default class to the router on attach and on every SetBandwidthLimits', async () => {
    const admin = await start();
    expect(control.limits).toEqual([undefined]);
    await admin.handle({ type: 'SetBandwidthLimits', authenticationKey: KEY, limits }, ctx);
    expect(control.limits.at(-1)).toEqual({ averageDownBps: 1000, averageUpBps: 2000, peakDownBps: 3000, peakUpBps: 4000 });
    await admin.close();
    const again = recordingControl();
    await start({ passphrase: PASSPHRASE }, again);
    expect(again.limits).toEqual([{ averageDownBps: 1000, averageUpBps: 2000, peakDownBps: 3000, peakUpBps: 4000 }]);
  });
});

describe('persistence', () => {
  it('a new handler on the same directory has the same state', async () => {
    const peers = [makeRouterInfo()];
    const first = await start();
    for (const request of [
      { type: 'SetBandwidthLimits', authenticationKey: KEY, limits },
      { type: 'SetTrustedRouters', authenticationKey: KEY, routers: [new Uint8Array(32).fill(3)] },
      { type: 'SetAddressVisibility', authenticationKey: KEY, visible: true },
      { type: 'SetAddressRotationPeriod', authenticationKey: KEY, seconds: 3600 },
      { type: 'SetPeers', authenticationKey: KEY, peers },
    ] satisfies AdminRequest[]) {
      await first.handle(request, ctx);
    }
    const rotated = replyOf(await first.handle({ type: 'ForceAddressRotation', authenticationKey: KEY }, ctx));
    await first.close();

    const second = await start();
    expect(replyOf(await second.handle(get.bandwidth, ctx))).toEqual({ type: 'BandwidthLimits', dialect: '2003', limits });
    expect(replyOf(await second.handle(get.trusted, ctx))).toEqual({ type: 'TrustedRouters', routers: [new Uint8Array(32).fill(3)] });
    expect(replyOf(await second.handle(get.visibility, ctx))).toEqual({ type: 'AddressVisibility', visible: true });
    expect(replyOf(await second.handle(get.period, ctx))).toEqual({ type: 'AddressRotationPeriod', seconds: 3600 });
    const got = replyOf(await second.handle(get.peers, ctx));
    if (got.type !== 'Peers') throw new Error(got.type);
    expect(got.peers.map((p) => toHex(encode(writeRouterInfo2003, p)))).toEqual(peers.map((p) => toHex(encode(writeRouterInfo2003, p))));
    // The rotation schedule resumes from the last rotation.
    expect(rotated).toMatchObject({ date: clock.now() });
    expect(clock.waiting()).toEqual([3_600_000]);
  });

  it('a SetPassword survives a restart with the same configured passphrase', async () => {
    const next = authenticationKeyFor('changed over the wire');
    const first = await start();
    await first.handle({ type: 'SetPassword', authenticationKey: KEY, newAuthenticationKey: next }, ctx);
    await first.close();
    const second = await start();
    expect((await second.handle({ ...get.visibility, authenticationKey: next }, ctx)).kind).toBe('reply');
    await failing(second, get.visibility, 100);
  });

  it('a differently configured passphrase takes over from one set over the wire', async () => {
    const first = await start();
    await first.handle({ type: 'SetPassword', authenticationKey: KEY, newAuthenticationKey: WRONG }, ctx);
    await first.close();
    const second = await start({ passphrase: 'the operator chose anew' });
    expect((await second.handle({ ...get.visibility, authenticationKey: authenticationKeyFor('the operator chose anew') }, ctx)).kind).toBe(
      'reply',
    );
    await failing(second, { ...get.visibility, authenticationKey: WRONG }, 100);
  });

  it('stores the passphrase only as a salted scrypt hash, in a file only its owner can read', async () => {
    await start();
    const path = join(dir.path, STATE_FILE_NAME);
    const text = await readFile(path, 'utf8');
    const saved = JSON.parse(text) as { passphrase: { current: Record<string, unknown> } };
    expect(saved.passphrase.current).toMatchObject({ algorithm: 'scrypt', N: 16384, r: 8, p: 1 });
    expect(saved.passphrase.current['salt']).toMatch(/^[0-9a-f]{32}$/);
    expect(text).not.toContain(PASSPHRASE);
    expect(text).not.toContain(toHex(KEY));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('a corrupt file stops the handler with STATE_CORRUPT and is left as it was', async () => {
    const path = join(dir.path, STATE_FILE_NAME);
    for (const corrupt of ['{"format": "i2cp-admin-state", "vers', '[]', '{"format":"i2cp-admin-state","version":2}']) {
      await writeFile(path, corrupt);
      const admin = createRouterAdmin({ dataDir: dir.path, passphrase: PASSPHRASE, clock });
      await expect(admin.attach(control)).rejects.toMatchObject({ name: 'I2cpError', code: 'STATE_CORRUPT' });
      expect(await admin.handle(get.visibility, ctx)).toEqual({ kind: 'disconnect', reason: AdminDisconnectReason.StateUnavailable });
      expect(await readFile(path, 'utf8')).toBe(corrupt);
    }
  });

  it('a RouterInfo or hash in the file that does not parse is STATE_CORRUPT', async () => {
    const first = await start();
    await first.handle({ type: 'SetPeers', authenticationKey: KEY, peers: [makeRouterInfo()] }, ctx);
    await first.close();
    const path = join(dir.path, STATE_FILE_NAME);
    const good = await readFile(path, 'utf8');
    const json = JSON.parse(good) as { peers: string[]; trustedRouters: string[] };
    const broken = [
      { ...json, peers: [json.peers[0]!.slice(0, 100)] },
      { ...json, trustedRouters: ['abcd'] },
      { ...json, addressRotationPeriod: 70000 },
    ];
    for (const b of broken) {
      await writeFile(path, JSON.stringify(b));
      await expect(createRouterAdmin({ dataDir: dir.path, passphrase: PASSPHRASE, clock }).attach(control)).rejects.toMatchObject({
        code: 'STATE_CORRUPT',
      });
    }
  });

  it('writes atomically: a new file replaces the old by rename, no temp files stay', async () => {
    const admin = await start();
    const path = join(dir.path, STATE_FILE_NAME);
    const old = join(dir.path, 'old-link.json');
    await link(path, old);
    const before = await readFile(old, 'utf8');
    await admin.handle({ type: 'SetAddressVisibility', authenticationKey: KEY, visible: true }, ctx);
    // An in-place write would show through the hard link; a rename leaves the old inode untouched.
    expect(await readFile(old, 'utf8')).toBe(before);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ addressVisibility: true });
    expect((await readdir(dir.path)).sort()).toEqual([STATE_FILE_NAME, 'old-link.json']);
  });

  it('concurrent Sets from several connections all land, in memory and on disk', async () => {
    const admin = await start();
    const sets: AdminRequest[] = [
      { type: 'SetAddressVisibility', authenticationKey: KEY, visible: true },
      { type: 'SetAddressRotationPeriod', authenticationKey: KEY, seconds: 99 },
      { type: 'SetTrustedRouters', authenticationKey: KEY, routers: [new Uint8Array(32).fill(8)] },
      { type: 'SetBandwidthLimits', authenticationKey: KEY, limits },
    ];
    const outcomes = await Promise.all(sets.map((r, i) => admin.handle(r, { ...ctx, remoteAddress: `127.0.0.${i + 1}:1` })));
    expect(outcomes).toEqual(sets.map(() => ({ kind: 'none' })));
    const expected = {
      addressVisibility: true,
      addressRotationPeriod: 99,
      trustedRouters: ['08'.repeat(32)],
      bandwidthLimits: [expect.objectContaining({ name: 'default', averageDown: 1000 }), expect.objectContaining({ name: 'friends' })],
    };
    expect(JSON.parse(await readFile(join(dir.path, STATE_FILE_NAME), 'utf8'))).toMatchObject(expected);
    expect(replyOf(await admin.handle(get.visibility, ctx))).toEqual({ type: 'AddressVisibility', visible: true });
    expect(replyOf(await admin.handle(get.period, ctx))).toEqual({ type: 'AddressRotationPeriod', seconds: 99 });
  });

  it('a state that cannot be saved is refused and not applied', async () => {
    const admin = await start();
    await dir.remove();
    await writeFile(dir.path, 'not a directory');
    expect(await admin.handle({ type: 'SetAddressVisibility', authenticationKey: KEY, visible: true }, ctx)).toEqual({
      kind: 'disconnect',
      reason: AdminDisconnectReason.SaveFailed,
    });
    expect(replyOf(await admin.handle(get.visibility, ctx))).toEqual({ type: 'AddressVisibility', visible: false });
  });
});

describe('configuration', () => {
  it('reads the passphrase from a file without its trailing line break', async () => {
    const file = join(dir.path, 'passphrase.txt');
    await writeFile(file, `${PASSPHRASE}\n`);
    const admin = await start({ passphraseFile: file });
    expect((await admin.handle(get.visibility, ctx)).kind).toBe('reply');
  });

  it('removes only one line break (CRLF too)', async () => {
    const file = join(dir.path, 'passphrase.txt');
    await writeFile(file, `${PASSPHRASE}\r\n`);
    expect((await (await start({ passphraseFile: file })).handle(get.visibility, ctx)).kind).toBe('reply');
  });

  it('reads the passphrase from an environment variable', async () => {
    vi.stubEnv('I2CP_TEST_ADMIN_PASSPHRASE', PASSPHRASE);
    try {
      const admin = await start({ passphraseEnv: 'I2CP_TEST_ADMIN_PASSPHRASE' });
      expect((await admin.handle(get.visibility, ctx)).kind).toBe('reply');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('rejects two sources, an empty passphrase, a missing file or variable', async () => {
    expect(() => createRouterAdmin({ dataDir: dir.path, passphrase: 'a', passphraseEnv: 'B' })).toThrow(
      expect.objectContaining({ code: 'BAD_ARGUMENT' }),
    );
    expect(() => createRouterAdmin({ dataDir: '' })).toThrow(expect.objectContaining({ code: 'BAD_ARGUMENT' }));
    const empty = join(dir.path, 'empty');
    await writeFile(empty, '\n');
    for (const options of [{ passphraseFile: empty }, { passphraseFile: join(dir.path, 'missing') }, { passphraseEnv: 'I2CP_TEST_UNSET_VAR_XYZ' }, { passphrase: '' }]) {
      await expect(createRouterAdmin({ dataDir: dir.path, clock, ...options }).attach(control)).rejects.toMatchObject({ code: 'BAD_CONFIG' });
    }
  });

  it('a handler that is closed refuses further requests', async () => {
    const admin = await start();
    await admin.close();
    expect(await admin.handle(get.visibility, ctx)).toEqual({ kind: 'disconnect', reason: AdminDisconnectReason.ShuttingDown });
  });
});
