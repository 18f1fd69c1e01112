import { getDiffieHellman } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesToBigInt } from './bigint.js';
import { DSA_G, DSA_P, DSA_Q, ELGAMAL_G, ELGAMAL_P } from './constants.js';

// The generator exactly as printed in datastructures rev 0.9 §6 (255 hex digits: the leading 0 nibble is lost).
const DSA_G_AS_PRINTED =
  'C1F4D27D40093B429E962D7223824E0BBC47E7C832A39236FC683AF84889581075FF9082ED32353D4374D7301CDA1D23' +
  'C431F4698599DDA02451824FF369752593647CC3DDC197DE985E43D136CDCFC6BD5409CD2F450821142A5E6F8EB1C3AB' +
  '5D0484B8129FCF17BCE4F7F33321C3CB3DBB14A905E7B2B3E93BE4708CBCC82';

function slowModPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  for (; e > 0n; e >>= 1n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
  }
  return r;
}

describe('group constants', () => {
  it('DSA: 1024-bit p, 160-bit q dividing p-1, g of order q', () => {
    expect(DSA_P.toString(2)).toHaveLength(1024);
    expect(DSA_Q.toString(2)).toHaveLength(160);
    expect((DSA_P - 1n) % DSA_Q).toBe(0n);
    expect(slowModPow(DSA_G, DSA_Q, DSA_P)).toBe(1n);
    expect(DSA_G).not.toBe(1n);
  });

  it('DSA generator is the printed value with its leading zero nibble restored', () => {
    expect(DSA_G).toBe(BigInt(`0x0${DSA_G_AS_PRINTED}`));
  });

  it('ElGamal prime is the RFC 3526 2048-bit MODP prime (OpenSSL modp14), generator 2', () => {
    expect(ELGAMAL_P).toBe(bytesToBigInt(getDiffieHellman('modp14').getPrime()));
    expect(ELGAMAL_G).toBe(2n);
  });
});
