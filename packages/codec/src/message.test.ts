import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, encodeMessageBody } from './message.js';
import type { Message } from './messages/types.js';
import { CONFIG_2003, CONFIG_CURRENT, DEST_DSA, DEST_ED, fill } from '../test/vectors/fixtures.js';
import { vectorsCurrent } from '../test/vectors/messages-current.js';

const encodeError = expect.objectContaining({ code: 'ENCODE_INVALID', name: 'EncodeError' });
const code = (c: string): unknown => expect.objectContaining({ code: c });

describe('encoding checks the shape of the dialect', () => {
  const cases: [string, Message, '2003' | 'current'][] = [
    ['a 2003 CreateLeaseSet encoded as current', {
      type: 'CreateLeaseSet', dialect: '2003', sessionId: 1,
      signingPrivateKey: { sigType: 0, bytes: fill('01', 20) }, privateKey: { encType: 0, bytes: fill('02', 256) },
      leaseSet: { destination: DEST_DSA, encryptionKey: { encType: 0, bytes: fill('03', 256) }, signingKey: { sigType: 0, bytes: fill('04', 128) }, version: 0, leases: [], signature: { sigType: 0, bytes: fill('05', 40) } },
    }, 'current'],
    ['a current RequestLeaseSet encoded as 2003', { type: 'RequestLeaseSet', dialect: 'current', sessionId: 1, tunnels: [], endDate: 0 }, '2003'],
    ['a current BandwidthLimits encoded as 2003', { type: 'BandwidthLimits', dialect: 'current', limits: new Array<number>(16).fill(0) }, '2003'],
    ['a 2003 DestroySession without config', { type: 'DestroySession', sessionId: 1 }, '2003'],
    ['a current DestroySession with a config', { type: 'DestroySession', sessionId: 1, config: CONFIG_CURRENT }, 'current'],
    ['a current SendMessage without nonce', { type: 'SendMessage', sessionId: 1, destination: DEST_ED, payload: new Uint8Array(1) }, 'current'],
    ['a 2003 SendMessage with a nonce', { type: 'SendMessage', sessionId: 1, destination: DEST_DSA, payload: new Uint8Array(1), nonce: 1 }, '2003'],
    ['a current MessageStatus without nonce', { type: 'MessageStatus', sessionId: 1, messageId: 1, status: 1, size: 0 }, 'current'],
    ['a 2003 MessageStatus with a nonce', { type: 'MessageStatus', sessionId: 1, messageId: 1, status: 1, size: 0, nonce: 3 }, '2003'],
    ['a 2003 GetBandwidthLimits without key', { type: 'GetBandwidthLimits' }, '2003'],
    ['a current GetBandwidthLimits with a key', { type: 'GetBandwidthLimits', authenticationKey: fill('01', 32) }, 'current'],
    ['a current SessionConfig in 2003 (it has a date)', { type: 'CreateSession', config: CONFIG_CURRENT }, '2003'],
    ['a 2003 SessionConfig in current (no date)', { type: 'CreateSession', config: CONFIG_2003 }, 'current'],
    ['GetDate in 2003 (does not exist there)', { type: 'GetDate', version: '0.9.67' }, '2003'],
    ['SetPeers in current (unassigned there)', { type: 'SetPeers', authenticationKey: fill('01', 32), peers: [] }, 'current'],
  ];
  it.each(cases)('%s is an EncodeError', (_name, message, dialect) => {
    expect(() => encodeMessage(message, dialect)).toThrow(encodeError);
    expect(() => encodeMessageBody(message, dialect)).toThrow(encodeError);
  });
});

describe('2003 CreateLeaseSet keys sized by the Destination', () => {
  const ed2003 = {
    type: 'CreateLeaseSet', dialect: '2003', sessionId: 1,
    signingPrivateKey: { sigType: 7, bytes: fill('01', 32) }, privateKey: { encType: 0, bytes: fill('02', 256) },
    leaseSet: { destination: DEST_ED, encryptionKey: { encType: 0, bytes: fill('03', 256) }, signingKey: { sigType: 7, bytes: fill('04', 32) }, version: 0, leases: [], signature: { sigType: 7, bytes: fill('05', 64) } },
  } as const satisfies Message;

  it('refuses a SigningPrivateKey of another type than the Destination', () => {
    const dsaKey = { ...ed2003, signingPrivateKey: { sigType: 0, bytes: fill('01', 20) } };
    expect(() => encodeMessage(dsaKey, '2003')).toThrow(encodeError);
  });

  it('a key whose size fits no Destination after it is a DecodeError', () => {
    const body = encodeMessageBody(ed2003, '2003');
    // 12 bytes taken out of the 32-byte key: now a 20-byte (DSA) field before an Ed25519 Destination.
    const cut = Uint8Array.from([...body.subarray(0, 2), ...body.subarray(14)]);
    // DECODE_TRUNCATED here: with more bytes a key of a larger type (RSA) could still fit.
    expect(() => decodeMessage({ typeId: 4, body: cut }, '2003')).toThrow(expect.objectContaining({ name: 'DecodeError' }));
  });
});

describe('encoding checks ranges and sizes', () => {
  const cases: [string, Message][] = [
    ['SessionId above 0xffff', { type: 'SessionStatus', sessionId: 0x10000, status: 1 }],
    ['negative SessionId', { type: 'SessionStatus', sessionId: -1, status: 1 }],
    ['status above 255', { type: 'SessionStatus', sessionId: 1, status: 256 }],
    ['non-integer MessageId', { type: 'ReceiveMessageBegin', sessionId: 1, messageId: 1.5 }],
    ['nonce above 2^32-1', { type: 'MessageStatus', sessionId: 1, messageId: 1, status: 1, size: 0, nonce: 2 ** 32 }],
    ['expiration above 6 bytes', { type: 'SendMessageExpires', sessionId: 1, destination: DEST_ED, payload: new Uint8Array(0), nonce: 1, flags: 0, expiration: 2 ** 48 }],
    ['flags above 0xffff', { type: 'SendMessageExpires', sessionId: 1, destination: DEST_ED, payload: new Uint8Array(0), nonce: 1, flags: 0x10000, expiration: 0 }],
    ['a 31-byte DestLookup hash', { type: 'DestLookup', hash: new Uint8Array(31) }],
    ['a Disconnect reason over 255 bytes', { type: 'Disconnect', reason: 'x'.repeat(256) }],
    ['a DestReply with both hash and destination', { type: 'DestReply', hash: new Uint8Array(32), destination: DEST_ED }],
    ['a successful HostReply without destination', { type: 'HostReply', sessionId: 1, requestId: 1, resultCode: 0 }],
    ['HostReply options without destination', { type: 'HostReply', sessionId: 1, requestId: 1, resultCode: 1, options: new Map() }],
    ['GetDate options without version', { type: 'GetDate', options: new Map() }],
    ['BlindingInfo bit 0 without private key', { type: 'BlindingInfo', sessionId: 1, flags: 1, blindedSigType: 11, expirationSeconds: 0, endpoint: { kind: 'hash', hash: new Uint8Array(32) } }],
    ['BlindingInfo password without bit 4', { type: 'BlindingInfo', sessionId: 1, flags: 0, blindedSigType: 11, expirationSeconds: 0, endpoint: { kind: 'hash', hash: new Uint8Array(32) }, lookupPassword: 'x' }],
    ['BlindingInfo key of the wrong size', { type: 'BlindingInfo', sessionId: 1, flags: 0, blindedSigType: 11, expirationSeconds: 0, endpoint: { kind: 'key', sigType: 7, signingPublicKey: new Uint8Array(31) } }],
    ['a current CreateLeaseSet signing field of 32 bytes', {
      type: 'CreateLeaseSet', dialect: 'current', sessionId: 1, signingPrivateKey: new Uint8Array(32), privateKey: { encType: 0, bytes: new Uint8Array(256) },
      leaseSet: { destination: DEST_ED, encryptionKey: { encType: 0, bytes: new Uint8Array(256) }, signingKey: { sigType: 7, bytes: new Uint8Array(32) }, leases: [], signature: { sigType: 7, bytes: new Uint8Array(64) } },
    }],
    ['CreateLeaseSet2 meta with private keys', { type: 'CreateLeaseSet2', sessionId: 1, store: { storeType: 7, bytes: new Uint8Array(0) }, privateKeys: [{ encType: 4, bytes: new Uint8Array(32) }] }],
    ['CreateLeaseSet2 encrypted bytes that are no lease set', { type: 'CreateLeaseSet2', sessionId: 1, store: { storeType: 5, bytes: new Uint8Array(10) }, privateKeys: [] }],
    ['a 31-byte X25519 private key in CreateLeaseSet2', { type: 'CreateLeaseSet2', sessionId: 1, store: { storeType: 5, bytes: new Uint8Array(0) }, privateKeys: [{ encType: 4, bytes: new Uint8Array(31) }] }],
    ['an unknown message with an id the dialect defines', { type: 'unknown', typeId: 20, body: new Uint8Array(0) }],
    ['an unknown message with id 256', { type: 'unknown', typeId: 256, body: new Uint8Array(0) }],
  ];
  it.each(cases)('%s is an EncodeError', (_name, message) => {
    expect(() => encodeMessage(message, 'current')).toThrow(encodeError);
  });

  it('an unknown type name is an EncodeError', () => {
    expect(() => encodeMessage({ type: 'Bogus' } as unknown as Message, 'current')).toThrow(encodeError);
  });
});

describe('decoding', () => {
  const decode = (typeId: number, hex: string, dialect: '2003' | 'current' = 'current'): Message =>
    decodeMessage({ typeId, body: Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16)) }, dialect);

  it('reports offsets from the start of the frame', () => {
    expect(() => decode(20, '0001')).toThrow(expect.objectContaining({ code: 'DECODE_TRUNCATED', offset: 7 }));
    expect(() => decode(20, '00010100')).toThrow(expect.objectContaining({ code: 'DECODE_TRAILING', offset: 8 }));
  });

  it('rejects HostLookup request types above 4', () => {
    expect(() => decode(38, '0001' + '00000001' + '00002710' + '05')).toThrow(code('DECODE_INVALID'));
  });

  it('rejects BlindingInfo endpoint types above 3', () => {
    expect(() => decode(42, '0001' + '00' + '04' + '000b' + '00000000')).toThrow(code('DECODE_INVALID'));
  });

  it('refuses CreateLeaseSet2 with an LS1 (store type 1) and unknown store types', () => {
    expect(() => decode(41, '0001' + '01')).toThrow(code('UNSUPPORTED_TYPE'));
    expect(() => decode(41, '0001' + '02')).toThrow(code('DECODE_INVALID'));
  });

  it('rejects a 2003 Boolean other than 0, 1, 2', () => {
    expect(() => decode(25, '03', '2003')).toThrow(code('DECODE_INVALID'));
  });

  it('keeps unknown CreateLeaseSet2 private key types with the length they state, and checks known ones', () => {
    const encrypted = vectorsCurrent.find((v) => v.name === 'current CreateLeaseSet2 encrypted')!;
    const withKeys = (keys: string): Uint8Array => {
      const body = encrypted.frame.subarray(5);
      const keysAt = body.length - (1 + 4 + 32);
      const hex = Array.from(body.subarray(0, keysAt), (b) => b.toString(16).padStart(2, '0')).join('') + keys;
      return Uint8Array.from(hex.match(/../g)!, (h) => parseInt(h, 16));
    };
    const m = decodeMessage({ typeId: 41, body: withKeys('01' + '00ff' + '0003' + '010203') }, 'current');
    expect(m.type === 'CreateLeaseSet2' && m.privateKeys).toEqual([{ encType: 255, bytes: Uint8Array.of(1, 2, 3) }]);
    expect(() => decodeMessage({ typeId: 41, body: withKeys('01' + '0004' + '001f' + '00'.repeat(31)) }, 'current')).toThrow(code('DECODE_INVALID'));
  });

  it('keeps a view of the frame for payloads (no copy)', () => {
    const body = Uint8Array.of(0, 7, 0, 0, 0, 42, 0, 0, 0, 3, 1, 2, 3);
    const m = decodeMessage({ typeId: 31, body }, 'current');
    expect(m.type === 'MessagePayload' && m.payload.buffer).toBe(body.buffer);
    expect(m.type === 'MessagePayload' && m.payload.byteOffset).toBe(10);
  });

  it('returns ids the dialect does not define as unknown messages, body untouched', () => {
    const body = Uint8Array.of(1, 2, 3);
    expect(decodeMessage({ typeId: 200, body }, 'current')).toEqual({ type: 'unknown', typeId: 200, body });
    expect(decodeMessage({ typeId: 36, body }, '2003')).toEqual({ type: 'unknown', typeId: 36, body });
    expect(decodeMessage({ typeId: 10, body }, 'current')).toEqual({ type: 'unknown', typeId: 10, body });
  });
});

describe('SendMessageExpires bodies shorter than 8 bytes (i2pd 2.45 crashes on them, ARCHITECTURE §5)', () => {
  it.each([0, 1, 2, 7])('a %i-byte body is DECODE_TRUNCATED', (n) => {
    expect(() => decodeMessage({ typeId: 36, body: new Uint8Array(n).fill(0xff) }, 'current')).toThrow(code('DECODE_TRUNCATED'));
  });

  it('a body that ends inside the 8-byte flags and expiration is DECODE_TRUNCATED', () => {
    const full = encodeMessageBody(
      { type: 'SendMessageExpires', sessionId: 1, destination: DEST_ED, payload: new Uint8Array(4), nonce: 1, flags: 0, expiration: 0 },
      'current',
    );
    for (let cut = 1; cut <= 8; cut++) {
      expect(() => decodeMessage({ typeId: 36, body: full.subarray(0, full.length - cut) }, 'current')).toThrow(code('DECODE_TRUNCATED'));
    }
  });
});

describe('encoded frames', () => {
  it('never share bytes: changing one frame leaves the next one intact', () => {
    const a = encodeMessage({ type: 'SessionStatus', sessionId: 1, status: 1 }, 'current');
    const b = encodeMessage({ type: 'SessionStatus', sessionId: 2, status: 2 }, 'current');
    const bBefore = b.slice();
    a.fill(0xee);
    expect(b).toEqual(bBefore);
    const body = encodeMessageBody({ type: 'Disconnect', reason: 'x' }, 'current');
    body.fill(0);
    expect(b).toEqual(bBefore);
  });

  it('are exact-size views, large ones included', () => {
    const payload = new Uint8Array(10_000).fill(3);
    const f = encodeMessage({ type: 'MessagePayload', sessionId: 1, messageId: 1, payload }, 'current');
    expect(f.length).toBe(5 + 10 + 10_000);
    expect(encodeMessage({ type: 'GetBandwidthLimits' }, 'current')).toEqual(Uint8Array.of(0, 0, 0, 0, 8));
  });
});
