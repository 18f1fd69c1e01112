import { describe, expect, it } from 'vitest';
import { isI2cpError } from '../errors.js';
import { fromBase64, toBase64 } from './base64.js';
import { b32Address } from './b32-address.js';
import { parseDestinationString } from './destination-string.js';
import { ZZZ_B32, ZZZ_DEST, ZZZ_HASH_B64 } from '../../test/vectors/zzz-i2p.js';

describe('parseDestinationString', () => {
  it('a base64 destination (with or without ".i2p") gives the Destination', () => {
    for (const s of [ZZZ_DEST, `${ZZZ_DEST}.i2p`, ` ${ZZZ_DEST}\n`]) {
      const d = parseDestinationString(s);
      expect('bytes' in d && toBase64(d.bytes)).toBe(ZZZ_DEST);
      expect('bytes' in d && b32Address(d)).toBe(ZZZ_B32);
    }
  });

  it('a .b32.i2p address gives its hash', () => {
    const d = parseDestinationString(ZZZ_B32.toUpperCase());
    expect(d).toEqual({ hash: fromBase64(ZZZ_HASH_B64) });
  });

  it.each(['', 'zzz.i2p', ZZZ_DEST.slice(0, 400), `${ZZZ_DEST}AAAA`, 'abc.b32.i2p'])('rejects %j with BAD_ADDRESS', (s) => {
    try {
      parseDestinationString(s);
      expect.unreachable();
    } catch (e) {
      expect(isI2cpError(e) && e.code).toBe('BAD_ADDRESS');
    }
  });
});
