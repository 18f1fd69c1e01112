import { describe as group, expect, it } from 'vitest';
import { b32Address, sha256, toBase64, toHex } from '@i2cp/data';
import { describe } from './describe.js';
import { DEST_ED, GZIP_HI } from '../test/vectors/fixtures.js';

group('describe', () => {
  it('names the message and its id, and shows destinations as b32 and base64', () => {
    const d = describe({ type: 'HostReply', sessionId: 7, requestId: 1, resultCode: 0, destination: DEST_ED, options: new Map([['a', 'b']]) }, 'current');
    expect(d).toEqual({
      type: 'HostReply',
      typeId: 39,
      dialect: 'current',
      sessionId: 7,
      requestId: 1,
      resultCode: 0,
      destination: { b32: b32Address(DEST_ED), base64: toBase64(DEST_ED.bytes), sigType: 7, encType: 0 },
      options: { a: 'b' },
    });
    expect(b32Address(DEST_ED)).toMatch(/^[a-z2-7]{52}\.b32\.i2p$/);
  });

  it('summarises payloads: length, first 32 bytes as hex, sha256 prefix', () => {
    const payload = new Uint8Array(1000).fill(0xab);
    const d = describe({ type: 'MessagePayload', sessionId: 1, messageId: 2, payload }) as Record<string, unknown>;
    expect(d['payload']).toEqual({ length: 1000, head: 'ab'.repeat(32), sha256: toHex(sha256(payload).subarray(0, 8)) });
    expect(JSON.stringify(d).length).toBeLessThan(400);
  });

  it('shows short payloads whole in the head', () => {
    const d = describe({ type: 'MessagePayload', sessionId: 1, messageId: 2, payload: GZIP_HI }) as Record<string, unknown>;
    expect((d['payload'] as { head: string }).head).toBe(toHex(GZIP_HI));
  });

  it('keeps a message’s own dialect and shows other bytes as I2P base64', () => {
    const key = new Uint8Array(32).fill(0xff);
    const d = describe({ type: 'GetBandwidthLimits', authenticationKey: key }, '2003');
    expect(d).toEqual({ type: 'GetBandwidthLimits', typeId: 8, dialect: '2003', authenticationKey: toBase64(key) });
    expect(toBase64(key)).toMatch(/[-~]/);
    expect(describe({ type: 'BandwidthLimits', dialect: 'current', limits: new Array<number>(16).fill(1) }, '2003')).toMatchObject({ dialect: 'current' });
  });

  it('describes unknown messages by their id with the body summarised', () => {
    expect(describe({ type: 'unknown', typeId: 99, body: Uint8Array.of(1, 2) })).toEqual({
      type: 'unknown',
      typeId: 99,
      body: { length: 2, head: '0102', sha256: toHex(sha256(Uint8Array.of(1, 2)).subarray(0, 8)) },
    });
  });
});
