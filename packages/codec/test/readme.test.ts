import { expect, it } from 'vitest';
import { toHex } from '@i2cp/data';
import { FrameDecoder, PROTOCOL_BYTE, decodeMessage, encodeMessage } from '../src/index.js';

// The README's example, step by step, with its comments as assertions.
it('README example: encode a GetDate frame and decode it with FrameDecoder', () => {
  const frame = encodeMessage({ type: 'GetDate', version: '0.9.67' }, 'current');
  expect(toHex(frame)).toBe('000000072006302e392e3637');
  const decoder = new FrameDecoder();
  expect(decoder.push(frame.subarray(0, 3))).toEqual([]);
  const frames = decoder.push(frame.subarray(3));
  expect(frames.map((f) => decodeMessage(f, 'current'))).toEqual([{ type: 'GetDate', version: '0.9.67' }]);
  expect(PROTOCOL_BYTE).toBe(0x2a);
});
