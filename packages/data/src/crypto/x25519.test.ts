import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes.js';
import { isI2cpError } from '../errors.js';
import { encryptionPublicKeyFor, generateEncryptionKeys } from './encryption.js';
import { x25519 } from './x25519.js';

// RFC 7748 §6.1 (Alice and Bob) and §5.2 (the first single-scalar vector).
const ALICE_PRIV = '77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a';
const ALICE_PUB = '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a';
const BOB_PRIV = '5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb';
const BOB_PUB = 'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f';
const SHARED = '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742';

describe('X25519 (type 4)', () => {
  it('RFC 7748 §6.1: public keys and the shared secret', () => {
    expect(toHex(encryptionPublicKeyFor({ encType: 4, bytes: fromHex(ALICE_PRIV) }).bytes)).toBe(ALICE_PUB);
    expect(toHex(encryptionPublicKeyFor({ encType: 4, bytes: fromHex(BOB_PRIV) }).bytes)).toBe(BOB_PUB);
    expect(toHex(x25519(fromHex(ALICE_PRIV), fromHex(BOB_PUB)))).toBe(SHARED);
    expect(toHex(x25519(fromHex(BOB_PRIV), fromHex(ALICE_PUB)))).toBe(SHARED);
  });

  it('RFC 7748 §5.2: first test vector (unclamped scalar input)', () => {
    const out = x25519(
      fromHex('a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4'),
      fromHex('e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c'),
    );
    expect(toHex(out)).toBe('c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552');
  });

  it('generated pairs agree', () => {
    const a = generateEncryptionKeys(4);
    const b = generateEncryptionKeys(4);
    expect(a.publicKey.bytes).toHaveLength(32);
    expect(a.privateKey.bytes).toHaveLength(32);
    expect(encryptionPublicKeyFor(a.privateKey)).toEqual(a.publicKey);
    expect(x25519(a.privateKey.bytes, b.publicKey.bytes)).toEqual(x25519(b.privateKey.bytes, a.publicKey.bytes));
  });

  it('BAD_KEY for a low-order point or a wrong size', () => {
    for (const [priv, pub] of [
      [fromHex(ALICE_PRIV), new Uint8Array(32)],
      [fromHex(ALICE_PRIV), new Uint8Array(31)],
      [new Uint8Array(33), fromHex(BOB_PUB)],
    ] as const) {
      try {
        x25519(priv, pub);
        expect.unreachable();
      } catch (e) {
        expect(isI2cpError(e) && e.code).toBe('BAD_KEY');
      }
    }
  });
});
