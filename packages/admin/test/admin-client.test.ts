import { createServer } from 'node:net';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, isI2cpError, toHex } from '@i2cp/data';
import { encodeMessage } from '@i2cp/codec';
import { authenticationKeyFor } from '../src/auth-key.js';
import { connectAdmin } from '../src/admin-client.js';
import { getCurrentBandwidthLimits } from '../src/current-bandwidth.js';
import { scriptedRouter } from './helpers/scripted-router.js';

const PASSPHRASE = 'scripted';
const KEY = authenticationKeyFor(PASSPHRASE);

describe('authenticationKeyFor', () => {
  it('is SHA-256 of the UTF-8 passphrase (vector: sha256("abc") from FIPS 180-2)', () => {
    expect(toHex(authenticationKeyFor('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes the UTF-8 bytes (vector: sha256 of c3 a9, computed with `printf \'\\xc3\\xa9\' | sha256sum`)', () => {
    expect(toHex(authenticationKeyFor('\u00e9'))).toBe('4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c');
  });

  it('refuses an empty passphrase', () => {
    expect(() => authenticationKeyFor('')).toThrow(expect.objectContaining({ code: 'BAD_ARGUMENT' }));
  });
});

describe('admin client on the wire', () => {
  it('sends 2003 frames with no protocol byte, carrying the AuthenticationKey', async () => {
    const router = scriptedRouter();
    const client = await connectAdmin({ transport: router.transport, passphrase: PASSPHRASE });
    const visibility = client.getAddressVisibility();
    await router.waitForBytes(37);
    // length 32 | type 12 (GetAddressVisibility) | AuthenticationKey — computed by hand from the 2003 layout.
    expect(toHex(router.written())).toBe(`000000200c${toHex(KEY)}`);
    router.send(fromHex('00000001 19 01')); // AddressVisibility(true)
    expect(await visibility).toBe(true);
    await client.close();
  });

  it('encodes each Set with its fields after the key', async () => {
    const router = scriptedRouter();
    const client = await connectAdmin({ transport: router.transport, authenticationKey: KEY });
    await client.setAddressRotationPeriod(0x1234);
    await client.setAddressVisibility(null);
    await client.setTrustedRouters([new Uint8Array(32).fill(0xab)]);
    // 15: key | u16 seconds; 13: key | Boolean 2 (unknown); 11: key | u16 count | hashes — by hand from the 2003 layout.
    expect(toHex(router.written())).toBe(
      ['00000022', '0f', toHex(KEY), '1234', '00000021', '0d', toHex(KEY), '02', '00000042', '0b', toHex(KEY), '0001', 'ab'.repeat(32)].join(''),
    );
    await client.close();
  });

  it('uses the new key for every request after setPassphrase', async () => {
    const router = scriptedRouter();
    const client = await connectAdmin({ transport: router.transport, passphrase: PASSPHRASE });
    const next = authenticationKeyFor('next');
    await client.setPassphrase('next');
    const period = client.getAddressRotationPeriod();
    await router.waitForBytes(69 + 37);
    expect(toHex(router.written())).toBe(['00000040', '13', toHex(KEY), toHex(next), '00000020', '0e', toHex(next)].join(''));
    router.send(fromHex('00000002 1a 0e10'));
    expect(await period).toBe(3600);
  });

  it('a reply of the wrong type is a PROTOCOL error that ends the connection', async () => {
    const router = scriptedRouter();
    const client = await connectAdmin({ transport: router.transport, passphrase: PASSPHRASE });
    const peers = client.getPeers();
    router.send(encodeMessage({ type: 'AddressRotationPeriod', seconds: 1 }, '2003'));
    await expect(peers).rejects.toMatchObject({ code: 'PROTOCOL' });
    expect(await client.closed).toMatchObject({ code: 'PROTOCOL' });
    expect(router.closedByClient()).toBe(true);
  });

  it('a reply nobody asked for is a PROTOCOL error', async () => {
    const router = scriptedRouter();
    const client = await connectAdmin({ transport: router.transport, passphrase: PASSPHRASE });
    router.send(encodeMessage({ type: 'AddressVisibility', visible: false }, '2003'));
    expect(await client.closed).toMatchObject({ code: 'PROTOCOL' });
  });

  it('undecodable bytes end the connection with the decode error', async () => {
    const router = scriptedRouter();
    const client = await connectAdmin({ transport: router.transport, passphrase: PASSPHRASE });
    const visibility = client.getAddressVisibility();
    router.send(fromHex('00000001 19 07')); // Boolean 7 is not 0, 1 or 2
    await expect(visibility).rejects.toMatchObject({ code: 'DECODE_INVALID' });
  });

  it('a Disconnect with another reason rejects with DISCONNECTED quoting it; the router closing is DISCONNECTED too', async () => {
    const router = scriptedRouter();
    const client = await connectAdmin({ transport: router.transport, passphrase: PASSPHRASE });
    const pending = [client.getPeers(), client.getTrustedRouters()];
    router.send(encodeMessage({ type: 'Disconnect', reason: 'router shutting down' }, '2003'));
    for (const p of pending) await expect(p).rejects.toMatchObject({ code: 'DISCONNECTED', message: 'the router disconnected: router shutting down' });

    const other = scriptedRouter();
    const second = await connectAdmin({ transport: other.transport, passphrase: PASSPHRASE });
    const waiting = second.getPeers();
    other.end();
    await expect(waiting).rejects.toMatchObject({ code: 'DISCONNECTED' });
  });

  it('times out a request the router never answers, and the connection stays usable', async () => {
    const router = scriptedRouter();
    const client = await connectAdmin({ transport: router.transport, passphrase: PASSPHRASE, requestTimeoutMs: 50 });
    await expect(client.getPeers()).rejects.toMatchObject({ code: 'TIMEOUT' });
    const period = client.getAddressRotationPeriod();
    router.send(encodeMessage({ type: 'Peers', peers: [] }, '2003'));
    router.send(encodeMessage({ type: 'AddressRotationPeriod', seconds: 5 }, '2003'));
    expect(await period).toBe(5);
  });

  it('close() rejects what waits with CLOSED, resolves `closed` with undefined, and refuses later calls', async () => {
    const router = scriptedRouter();
    const client = await connectAdmin({ transport: router.transport, passphrase: PASSPHRASE });
    const waiting = client.getTrustedRouters();
    await client.close();
    await expect(waiting).rejects.toMatchObject({ code: 'CLOSED' });
    expect(await client.closed).toBeUndefined();
    await expect(client.getPeers()).rejects.toMatchObject({ code: 'CLOSED' });
    await expect(client.setAddressVisibility(true)).rejects.toMatchObject({ code: 'CLOSED' });
  });

  it('rejects bad arguments with BAD_ARGUMENT and sends nothing', async () => {
    await expect(connectAdmin({ transport: scriptedRouter().transport } as never)).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await expect(
      connectAdmin({ transport: scriptedRouter().transport, passphrase: 'a', authenticationKey: KEY } as never),
    ).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await expect(connectAdmin({ transport: scriptedRouter().transport, authenticationKey: KEY.subarray(1) })).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
    });
    const router = scriptedRouter();
    const client = await connectAdmin({ transport: router.transport, passphrase: PASSPHRASE });
    await expect(client.setAddressRotationPeriod(65536)).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await expect(client.setAddressRotationPeriod(1.5)).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await expect(client.setTrustedRouters([new Uint8Array(31)])).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await expect(client.setPassphrase('')).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await expect(
      client.setBandwidthLimits({ classes: [{ name: 'x', routers: [new Uint8Array(32)], averageDown: 0, averageUp: 0, peakDown: 0, peakUp: 0 }] }),
    ).rejects.toMatchObject({ code: 'ENCODE_INVALID' });
    expect(router.written()).toHaveLength(0);
  });

  it('connecting to a closed port is CONNECTION_FAILED; an aborted connect is ABORTED', async () => {
    const server = createServer();
    const port = await new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => {
        resolve((server.address() as { port: number }).port);
      }),
    );
    await new Promise((resolve) => server.close(resolve));
    await expect(connectAdmin({ host: '127.0.0.1', port, passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'CONNECTION_FAILED' });
    await expect(connectAdmin({ host: '127.0.0.1', port, passphrase: PASSPHRASE, signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'ABORTED',
    });
  });
});

describe('getCurrentBandwidthLimits on the wire', () => {
  it('sends the protocol byte, GetDate and an empty GetBandwidthLimits, and reads 16 integers', async () => {
    const router = scriptedRouter();
    const result = getCurrentBandwidthLimits({ transport: router.transport });
    await router.waitForBytes(1);
    const written = router.written();
    expect(written[0]).toBe(0x2a);
    // The last frame: length 0, type 8 — the current GetBandwidthLimits (I2CP-wire.md §4.7).
    expect(toHex(written.subarray(-5))).toBe('0000000008');
    router.send(encodeMessage({ type: 'SetDate', date: Date.now(), version: '0.9.67' }, 'current'));
    const values = Array.from({ length: 16 }, (_, i) => i * 3);
    router.send(encodeMessage({ type: 'BandwidthLimits', dialect: 'current', limits: values }, 'current'));
    expect(await result).toEqual(values);
    expect(router.closedByClient()).toBe(true);
  });

  it('passes Java-style credentials in GetDate', async () => {
    const router = scriptedRouter();
    const result = getCurrentBandwidthLimits({ transport: router.transport, username: 'u', password: 'p' });
    await router.waitForBytes(1);
    expect(toHex(router.written())).toContain(toHex(concatBytes([new TextEncoder().encode('i2cp.username')])));
    router.send(encodeMessage({ type: 'Disconnect', reason: 'Authorization required' }, 'current'));
    await expect(result).rejects.toMatchObject({ code: 'DISCONNECTED', message: 'the router disconnected: Authorization required' });
  });

  it('an unexpected message is PROTOCOL; silence ends in TIMEOUT', async () => {
    const router = scriptedRouter();
    const result = getCurrentBandwidthLimits({ transport: router.transport });
    router.send(encodeMessage({ type: 'SessionStatus', sessionId: 1, status: 1 }, 'current'));
    await expect(result).rejects.toMatchObject({ code: 'PROTOCOL' });
    await expect(getCurrentBandwidthLimits({ transport: scriptedRouter().transport, timeoutMs: 50 })).rejects.toMatchObject({ code: 'TIMEOUT' });
  });
});

describe('bytes from a hostile router', () => {
  test.prop([fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 8 })], { numRuns: 200 })(
    'any bytes settle the waiting request with a reply or an I2cpError, never a foreign error',
    async (chunks) => {
      const router = scriptedRouter();
      const client = await connectAdmin({ transport: router.transport, passphrase: PASSPHRASE, requestTimeoutMs: 0 });
      const outcome = client.getAddressVisibility().then(
        () => undefined,
        (error: unknown) => error,
      );
      for (const chunk of chunks) router.send(chunk);
      router.end();
      const error = await outcome;
      if (error !== undefined) expect(isI2cpError(error)).toBe(true);
      const closed = await client.closed;
      expect(closed === undefined || isI2cpError(closed)).toBe(true);
    },
  );
});
