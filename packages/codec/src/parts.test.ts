import { describe, expect, it } from 'vitest';
import { concatBytes } from '@i2cp/data';
import { encodeMessage } from './message.js';
import { MESSAGE_PAYLOAD_HEAD_BYTES, encodeMessagePayloadParts, encodeSendMessageParts, writeMessagePayloadHead } from './parts.js';
import type { SendMessageExpiresMessage, SendMessageMessage } from './messages/types.js';
import { DEST_DSA, DEST_ED } from '../test/vectors/fixtures.js';

const payload = Uint8Array.from({ length: 300 }, (_, i) => i & 0xff);

describe('encodeMessagePayloadParts', () => {
  it('joins to exactly what encodeMessage writes, with the payload as the same view', () => {
    const parts = encodeMessagePayloadParts(7, 42, payload);
    expect(parts[1]).toBe(payload);
    expect(concatBytes(parts)).toEqual(encodeMessage({ type: 'MessagePayload', sessionId: 7, messageId: 42, payload }, 'current'));
  });

  it('checks the ranges', () => {
    expect(() => encodeMessagePayloadParts(0x10000, 1, payload)).toThrow(expect.objectContaining({ code: 'ENCODE_INVALID' }));
    expect(() => encodeMessagePayloadParts(1, -1, payload)).toThrow(expect.objectContaining({ code: 'ENCODE_INVALID' }));
  });
});

describe('writeMessagePayloadHead', () => {
  it('writes the head encodeMessagePayloadParts returns, at any offset, and nothing around it', () => {
    const out = new Uint8Array(3 + MESSAGE_PAYLOAD_HEAD_BYTES + 2).fill(0xee);
    writeMessagePayloadHead(out, 3, 0xfffe, 0xffff_fffe, payload.length);
    expect(out.subarray(3, 3 + MESSAGE_PAYLOAD_HEAD_BYTES)).toEqual(encodeMessagePayloadParts(0xfffe, 0xffff_fffe, payload)[0]);
    expect([...out.subarray(0, 3), ...out.subarray(3 + MESSAGE_PAYLOAD_HEAD_BYTES)]).toEqual([0xee, 0xee, 0xee, 0xee, 0xee]);
  });

  it('checks the ranges', () => {
    const out = new Uint8Array(MESSAGE_PAYLOAD_HEAD_BYTES);
    expect(() => writeMessagePayloadHead(out, 0, 1, 2 ** 32, 1)).toThrow(expect.objectContaining({ code: 'ENCODE_INVALID' }));
    expect(() => writeMessagePayloadHead(out, 0, 1, 1, 2 ** 32)).toThrow(expect.objectContaining({ code: 'ENCODE_INVALID' }));
  });
});

describe('encodeSendMessageParts', () => {
  const send: SendMessageMessage = { type: 'SendMessage', sessionId: 7, destination: DEST_ED, payload, nonce: 99 };
  const expires: SendMessageExpiresMessage = { ...send, type: 'SendMessageExpires', nonce: 99, flags: 0x100, expiration: 1700000000000 };

  it.each([
    ['SendMessage, current', send, 'current', 3],
    ['SendMessageExpires, current', expires, 'current', 3],
    ['SendMessage, 2003', { type: 'SendMessage', sessionId: 7, destination: DEST_DSA, payload }, '2003', 2],
  ] as const)('%s joins to encodeMessage, payload passed through', (_name, message, dialect, count) => {
    const parts = encodeSendMessageParts(message, dialect);
    expect(parts).toHaveLength(count);
    expect(parts[1]).toBe(payload);
    expect(concatBytes(parts)).toEqual(encodeMessage(message, dialect));
  });

  it('validates as encodeMessage does', () => {
    expect(() => encodeSendMessageParts({ ...send, nonce: undefined } as unknown as SendMessageMessage, 'current')).toThrow(
      expect.objectContaining({ code: 'ENCODE_INVALID' }),
    );
    expect(() => encodeSendMessageParts(expires, '2003')).toThrow(expect.objectContaining({ code: 'ENCODE_INVALID' }));
  });
});
