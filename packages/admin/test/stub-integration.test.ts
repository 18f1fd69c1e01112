import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { concatBytes, encode, writeRouterInfo2003, type BandwidthLimits2003 } from '@i2cp/data';
import { encodeFrame, encodeMessage } from '@i2cp/codec';
import { createRouterStub, NO_ADMIN_HANDLER_REASON, type RouterStub } from '@i2cp/router-stub';
import type { AdminOutcome, AdminRequest, RouterAdminHandler } from '../src/router/hook-types.js';
import { authenticationKeyFor } from '../src/auth-key.js';
import { connectAdmin, type AdminClient } from '../src/admin-client.js';
import { getCurrentBandwidthLimits } from '../src/current-bandwidth.js';
import { exchangeRaw, startStub } from './helpers/stub.js';
import { makeRouterInfo, tempDir } from './helpers/fixtures.js';

const PASSPHRASE = 'stub admin passphrase';

let dir: { path: string; remove: () => Promise<void> };
let stub: RouterStub | undefined;
const clients: AdminClient[] = [];

beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close();
  await stub?.close();
  stub = undefined;
  await dir.remove();
});

/** `null`: no admin handler at all. */
async function serve(admin: { passphrase?: string } | null = { passphrase: PASSPHRASE }): Promise<RouterStub> {
  stub = await startStub(admin ?? undefined, dir.path);
  return stub;
}

async function admin(passphrase = PASSPHRASE, s: RouterStub = stub!): Promise<AdminClient> {
  const client = await connectAdmin({ host: '127.0.0.1', port: s.address.port, passphrase, requestTimeoutMs: 15_000 });
  clients.push(client);
  return client;
}

/** One of each of the twelve 2003 admin requests, carrying `key`. */
function everyRequest(key: Uint8Array): AdminRequest[] {
  return [
    { type: 'GetBandwidthLimits', authenticationKey: key },
    { type: 'SetBandwidthLimits', authenticationKey: key, limits },
    { type: 'GetTrustedRouters', authenticationKey: key },
    { type: 'SetTrustedRouters', authenticationKey: key, routers: [new Uint8Array(32)] },
    { type: 'GetAddressVisibility', authenticationKey: key },
    { type: 'SetAddressVisibility', authenticationKey: key, visible: true },
    { type: 'GetAddressRotationPeriod', authenticationKey: key },
    { type: 'SetAddressRotationPeriod', authenticationKey: key, seconds: 1 },
    { type: 'ForceAddressRotation', authenticationKey: key },
    { type: 'GetPeers', authenticationKey: key },
    { type: 'SetPeers', authenticationKey: key, peers: [] },
    { type: 'SetPassword', authenticationKey: key, newAuthenticationKey: key },
  ];
}

const limits: BandwidthLimits2003 = {
  classes: [
    { name: 'friends', routers: [new Uint8Array(32).fill(9)], averageDown: 1, averageUp: 2, peakDown: 3, peakUp: 4 },
    { name: 'everyone', routers: [], averageDown: 20480, averageUp: 10240, peakDown: 40960, peakUp: 30720 },
  ],
};

describe('every admin message over TCP with the right key', () => {
  it('Get* answer the defaults', async () => {
    await serve();
    const client = await admin();
    expect(await client.getBandwidthLimits()).toEqual({
      classes: [{ name: 'default', routers: [], averageDown: 0, averageUp: 0, peakDown: 0, peakUp: 0 }],
    });
    expect(await client.getTrustedRouters()).toEqual([]);
    expect(await client.getAddressVisibility()).toBe(false);
    expect(await client.getAddressRotationPeriod()).toBe(0);
    expect(await client.getPeers()).toEqual([]);
  });

  it('Set* then Get* return exactly what was set; ForceAddressRotation answers LastAddressRotation', async () => {
    await serve();
    const client = await admin();
    const hashes = [new Uint8Array(32).fill(1), new Uint8Array(32).fill(2), new Uint8Array(32).fill(1)];
    const peers = [makeRouterInfo({ sigType: 0 }), makeRouterInfo()];
    await client.setBandwidthLimits(limits);
    await client.setTrustedRouters(hashes);
    await client.setAddressVisibility(null);
    await client.setAddressRotationPeriod(65535);
    await client.setPeers(peers);
    expect(await client.getBandwidthLimits()).toEqual(limits);
    expect(await client.getTrustedRouters()).toEqual(hashes);
    expect(await client.getAddressVisibility()).toBeNull();
    expect(await client.getAddressRotationPeriod()).toBe(65535);
    const got = await client.getPeers();
    expect(got.map((p) => encode(writeRouterInfo2003, p))).toEqual(peers.map((p) => encode(writeRouterInfo2003, p)));
    const before = Date.now();
    const rotated = await client.forceAddressRotation();
    expect(rotated.getTime()).toBeGreaterThanOrEqual(before);
    expect(rotated.getTime()).toBeLessThanOrEqual(Date.now());
    await client.setAddressVisibility(true, { confirm: true });
    expect(await client.getAddressVisibility()).toBe(true);
  });

  it('pipelined requests of every kind are answered in order', async () => {
    await serve();
    const client = await admin();
    const results = await Promise.all([
      client.getAddressRotationPeriod(),
      client.setAddressRotationPeriod(7),
      client.getAddressRotationPeriod(),
      client.getTrustedRouters(),
      client.getAddressVisibility(),
      client.getBandwidthLimits(),
      client.getPeers(),
    ]);
    expect(results.slice(0, 5)).toEqual([0, undefined, 7, [], false]);
  });

  it('an abandoned request does not shift the replies of later ones', async () => {
    await serve();
    const client = await admin();
    const controller = new AbortController();
    const abandoned = client.getTrustedRouters({ signal: controller.signal });
    controller.abort();
    await expect(abandoned).rejects.toMatchObject({ code: 'ABORTED' });
    expect(await client.getAddressRotationPeriod()).toBe(0);
    expect(await client.getAddressVisibility()).toBe(false);
  });

  it('works over the stub in-memory transport too', async () => {
    const s = await serve();
    const client = await connectAdmin({ transport: s.connectMemory(), passphrase: PASSPHRASE });
    clients.push(client);
    await client.setAddressRotationPeriod(42);
    expect(await client.getAddressRotationPeriod()).toBe(42);
  });
});

describe('refusals', () => {
  it('every request kind with a wrong key gets Disconnect("authentication failed"); without a passphrase "admin is disabled"', async () => {
    const s = await serve();
    const good = await admin();
    for (const request of everyRequest(authenticationKeyFor('wrong'))) {
      expect(await exchangeRaw(s.address.port, encodeMessage(request, '2003')), request.type).toEqual([
        { type: 'Disconnect', reason: 'authentication failed' },
      ]);
      // A success from this host resets the growing delay, so each refusal here waits only the first step.
      await good.sync();
    }
    expect(await good.getAddressVisibility()).toBe(false);
    await s.close();
    const disabled = await serve({});
    for (const request of everyRequest(authenticationKeyFor(PASSPHRASE))) {
      expect(await exchangeRaw(disabled.address.port, encodeMessage(request, '2003')), request.type).toEqual([
        { type: 'Disconnect', reason: 'admin is disabled: no passphrase configured' },
      ]);
    }
  });

  it('a wrong key on a Get rejects with AUTH_FAILED and ends the connection', async () => {
    await serve();
    const client = await admin('not the passphrase');
    await expect(client.getAddressVisibility()).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    expect(await client.closed).toMatchObject({ code: 'AUTH_FAILED', message: 'the router disconnected: authentication failed' });
    await expect(client.getPeers()).rejects.toMatchObject({ code: 'AUTH_FAILED' });
  });

  it('a wrong key on a Set: confirm rejects, and without confirm the next call and `closed` report it', async () => {
    await serve();
    const confirmed = await admin('wrong');
    await expect(confirmed.setAddressVisibility(true, { confirm: true })).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    const plain = await admin('wrong again');
    await plain.setBandwidthLimits(limits);
    expect(await plain.closed).toMatchObject({ code: 'AUTH_FAILED' });
    await expect(plain.setAddressVisibility(false)).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    const client = await admin();
    expect(await client.getAddressVisibility()).toBe(false);
    expect((await client.getBandwidthLimits()).classes).toHaveLength(1);
  });

  it('no passphrase configured: every request is refused with the reason', async () => {
    await serve({});
    const client = await admin();
    await expect(client.getBandwidthLimits()).rejects.toMatchObject({
      code: 'DISCONNECTED',
      message: 'the router disconnected: admin is disabled: no passphrase configured',
    });
  });

  it('a stub without an admin handler refuses admin messages', async () => {
    await serve(null);
    const client = await admin();
    await expect(client.getTrustedRouters()).rejects.toMatchObject({
      code: 'DISCONNECTED',
      message: `the router disconnected: ${NO_ADMIN_HANDLER_REASON}`,
    });
  });

  it('SetPeers with a forged RouterInfo is refused and the peers stay', async () => {
    await serve();
    const client = await admin();
    await client.setPeers([makeRouterInfo()]);
    await expect(client.setPeers([{ ...makeRouterInfo(), version: 77 }], { confirm: true })).rejects.toMatchObject({
      code: 'DISCONNECTED',
      message: 'the router disconnected: SetPeers refused: RouterInfo 0: the signature does not verify',
    });
    expect(await (await admin()).getPeers()).toHaveLength(1);
  });

  it('SetPassword invalidates the old passphrase at once; this client goes on with the new one', async () => {
    await serve();
    const client = await admin();
    await client.setPassphrase('the new one', { confirm: true });
    expect(await client.getAddressVisibility()).toBe(false);
    await expect((await admin()).getAddressVisibility()).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    expect(await (await admin('the new one')).getAddressRotationPeriod()).toBe(0);
  });

  it('a malformed body of every admin request ends the connection with a Disconnect', async () => {
    const s = await serve();
    const key = authenticationKeyFor(PASSPHRASE);
    for (let typeId = 8; typeId <= 19; typeId++) {
      for (const body of [key.subarray(0, 31), concatBytes([key, new Uint8Array(300).fill(0xff)])]) {
        const messages = await exchangeRaw(s.address.port, encodeFrame(typeId, body));
        expect(messages, `type ${typeId}, ${body.length} bytes`).toHaveLength(1);
        expect(messages[0]).toMatchObject({ type: 'Disconnect' });
      }
    }
    const client = await admin();
    expect(await client.getAddressRotationPeriod()).toBe(0);
  });

  it('router-to-client admin messages sent to the router end the connection', async () => {
    const s = await serve();
    const replies = [
      encodeMessage({ type: 'TrustedRouters', routers: [] }, '2003'),
      encodeMessage({ type: 'AddressVisibility', visible: true }, '2003'),
      encodeMessage({ type: 'AddressRotationPeriod', seconds: 1 }, '2003'),
      encodeMessage({ type: 'LastAddressRotation', date: 1 }, '2003'),
      encodeMessage({ type: 'Peers', peers: [] }, '2003'),
      encodeMessage({ type: 'BandwidthLimits', dialect: '2003', limits }, '2003'),
    ];
    for (const frame of replies) {
      const messages = await exchangeRaw(s.address.port, frame);
      expect(messages.at(-1)).toMatchObject({ type: 'Disconnect' });
    }
  });
});

describe('persistence across a stub restart', () => {
  it('keeps every setting and the changed passphrase', async () => {
    const first = await serve();
    const client = await admin(PASSPHRASE, first);
    const peers = [makeRouterInfo()];
    await client.setBandwidthLimits(limits);
    await client.setTrustedRouters([new Uint8Array(32).fill(4)]);
    await client.setAddressVisibility(true);
    await client.setAddressRotationPeriod(600);
    await client.setPeers(peers);
    const rotated = await client.forceAddressRotation();
    await client.setPassphrase('after restart', { confirm: true });
    await client.close();
    await first.close();

    const second = await serve();
    const again = await admin('after restart', second);
    expect(await again.getBandwidthLimits()).toEqual(limits);
    expect(await again.getTrustedRouters()).toEqual([new Uint8Array(32).fill(4)]);
    expect(await again.getAddressVisibility()).toBe(true);
    expect(await again.getAddressRotationPeriod()).toBe(600);
    expect((await again.getPeers()).map((p) => encode(writeRouterInfo2003, p))).toEqual(peers.map((p) => encode(writeRouterInfo2003, p)));
    expect((await again.forceAddressRotation()).getTime()).toBeGreaterThanOrEqual(rotated.getTime());
    await expect((await admin(PASSPHRASE, second)).getPeers()).rejects.toMatchObject({ code: 'AUTH_FAILED' });
  });
});

describe('GetBandwidthLimits in the current dialect', () => {
  it('answers 16 integers from the stub, reflecting the admin limits in KBps', async () => {
    const s = await serve();
    expect(await getCurrentBandwidthLimits({ host: '127.0.0.1', port: s.address.port })).toEqual(new Array(16).fill(0));
    const client = await admin();
    await client.setBandwidthLimits(limits, { confirm: true });
    const values = await getCurrentBandwidthLimits({ host: '127.0.0.1', port: s.address.port });
    expect(values).toHaveLength(16);
    expect(values.slice(0, 2)).toEqual([20, 10]);
  });

  it('works over a given transport', async () => {
    const s = await serve(null);
    expect(await getCurrentBandwidthLimits({ transport: s.connectMemory() })).toHaveLength(16);
  });
});

describe('the admin context the stub passes', () => {
  it('carries a signal that aborts when the connection closes, so a handler can drop its work', async () => {
    const signals: AbortSignal[] = [];
    const handler: RouterAdminHandler = {
      attach: () => undefined,
      handle: (_request, context) =>
        new Promise<AdminOutcome>((resolve) => {
          if (context.signal !== undefined) signals.push(context.signal);
          context.signal?.addEventListener('abort', () => {
            resolve({ kind: 'none' });
          });
        }),
      close: () => Promise.resolve(),
    };
    stub = await createRouterStub({ host: '127.0.0.1', port: 0, logLevel: 'silent', admin: handler });
    const socket = connect({ host: '127.0.0.1', port: stub.address.port });
    socket.on('error', () => undefined);
    socket.write(encodeMessage({ type: 'GetAddressVisibility', authenticationKey: authenticationKeyFor(PASSPHRASE) }, '2003'));
    await vi.waitFor(() => {
      expect(signals).toHaveLength(1);
    });
    expect(signals[0]!.aborted).toBe(false);
    socket.destroy();
    await vi.waitFor(
      () => {
        expect(signals[0]!.aborted).toBe(true);
      },
      { timeout: 5000 },
    );
  });
});
