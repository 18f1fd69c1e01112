import { describe, expect, test } from 'vitest';
import { b32Address, destinationHash, generateDestination, toBase64 } from '@i2cp/data';
import { parseRecipient } from './recipient.js';

describe('parseRecipient', () => {
  const { destination } = generateDestination();

  test('understands objects, hashes, b32 addresses, base64 destinations and host names', () => {
    expect(parseRecipient(destination)).toEqual({ kind: 'destination', destination });
    const hash = destinationHash(destination);
    expect(parseRecipient(hash)).toEqual({ kind: 'hash', hash });
    expect(parseRecipient(b32Address(destination).toUpperCase())).toEqual({ kind: 'hash', hash });
    const parsed = parseRecipient(toBase64(destination.bytes));
    expect(parsed.kind === 'destination' && parsed.destination.bytes).toEqual(destination.bytes);
    expect(parseRecipient(' example.i2p ')).toEqual({ kind: 'hostname', hostname: 'example.i2p' });
  });

  test('rejects empty names, short hashes and broken b32 addresses', () => {
    expect(() => parseRecipient('')).toThrow(RangeError);
    expect(() => parseRecipient(new Uint8Array(31))).toThrow(RangeError);
    expect(() => parseRecipient('abc.b32.i2p')).toThrow(expect.objectContaining({ code: 'BAD_ADDRESS' }) as Error);
  });
});
