import { bytesEqual } from '../bytes.js';
import { I2cpError } from '../errors.js';
import { bigIntToBytes, bytesToBigInt, modInverse, modPow } from './bigint.js';
import { ELGAMAL_G, ELGAMAL_P } from './constants.js';
import { randomBytes, sha256 } from './hash.js';

// ElGamal-2048 as I2P uses it (datastructures §6 "ElGamal"; byte layout as Java I2P's
// ElGamalEngine): the plaintext block is one random nonzero byte, SHA-256(data), data; the
// ciphertext is γ and δ, each a 257-byte big-endian integer.

export const ELGAMAL_KEY_LENGTH = 256;
export const ELGAMAL_BLOCK_LENGTH = 514;
/** 1 + 32 + 222 = 255 bytes keeps the plaintext integer below the 2048-bit prime. */
export const ELGAMAL_MAX_DATA = 222;
const HALF = ELGAMAL_BLOCK_LENGTH / 2;
const HASH_LENGTH = 32;

// Private exponents and per-message k are 226 random bits, as in Java I2P (short exponents are
// considered safe for the Oakley group), which makes each exponentiation ~8x cheaper.
const EXPONENT_BITS = 226;

function randomExponent(): bigint {
  for (;;) {
    const k = bytesToBigInt(randomBytes(Math.ceil(EXPONENT_BITS / 8))) >> BigInt(8 * Math.ceil(EXPONENT_BITS / 8) - EXPONENT_BITS);
    if (k !== 0n) return k;
  }
}

function privateExponent(privateKey: Uint8Array): bigint {
  const a = bytesToBigInt(privateKey);
  if (privateKey.length !== ELGAMAL_KEY_LENGTH || a < 1n || a >= ELGAMAL_P - 1n) {
    throw new I2cpError('BAD_KEY', 'ElGamal private key must be 256 bytes in [1, p-2]');
  }
  return a;
}

export function elgamalGenerateKeys(): { publicKey: Uint8Array; privateKey: Uint8Array } {
  const a = randomExponent();
  return {
    privateKey: bigIntToBytes(a, ELGAMAL_KEY_LENGTH),
    publicKey: bigIntToBytes(modPow(ELGAMAL_G, a, ELGAMAL_P), ELGAMAL_KEY_LENGTH),
  };
}

export function elgamalPublicKeyBytesFor(privateKey: Uint8Array): Uint8Array {
  return bigIntToBytes(modPow(ELGAMAL_G, privateExponent(privateKey), ELGAMAL_P), ELGAMAL_KEY_LENGTH);
}

export function elgamalEncryptBytes(publicKey: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length > ELGAMAL_MAX_DATA) {
    throw new I2cpError('BAD_ARGUMENT', `ElGamal data is ${data.length} bytes, at most ${ELGAMAL_MAX_DATA} fit`);
  }
  const y = bytesToBigInt(publicKey);
  // 1 and p−1 would leave the message (almost) in the clear.
  if (publicKey.length !== ELGAMAL_KEY_LENGTH || y <= 1n || y >= ELGAMAL_P - 1n) {
    throw new I2cpError('BAD_KEY', 'ElGamal public key must be 256 bytes in [2, p-2]');
  }
  const plain = new Uint8Array(1 + HASH_LENGTH + data.length);
  do plain.set(randomBytes(1)); while (plain[0] === 0);
  plain.set(sha256(data), 1);
  plain.set(data, 1 + HASH_LENGTH);
  const m = bytesToBigInt(plain);
  const k = randomExponent();
  const gamma = modPow(ELGAMAL_G, k, ELGAMAL_P);
  const delta = (modPow(y, k, ELGAMAL_P) * m) % ELGAMAL_P;
  const out = new Uint8Array(ELGAMAL_BLOCK_LENGTH);
  out.set(bigIntToBytes(gamma, HALF), 0);
  out.set(bigIntToBytes(delta, HALF), HALF);
  return out;
}

function failed(why: string): I2cpError {
  return new I2cpError('DECRYPT_FAILED', `ElGamal decryption failed: ${why}`);
}

export function elgamalDecryptBytes(privateKey: Uint8Array, block: Uint8Array): Uint8Array {
  const a = privateExponent(privateKey);
  if (block.length !== ELGAMAL_BLOCK_LENGTH) throw failed(`block is ${block.length} bytes, not ${ELGAMAL_BLOCK_LENGTH}`);
  const gamma = bytesToBigInt(block.subarray(0, HALF));
  const delta = bytesToBigInt(block.subarray(HALF));
  if (gamma === 0n || gamma >= ELGAMAL_P || delta >= ELGAMAL_P) throw failed('value outside the group');
  // γ^(−a): for a short exponent (ours and Java's are 226 bits) a short power and an inverse
  // cost half of the one full-length power γ^(p−1−a), which is better for a full-length key.
  const gammaToMinusA =
    a < 1n << 1024n ? modInverse(modPow(gamma, a, ELGAMAL_P), ELGAMAL_P) : modPow(gamma, ELGAMAL_P - 1n - a, ELGAMAL_P);
  const m = (gammaToMinusA * delta) % ELGAMAL_P;
  const full = bigIntToBytes(m, ELGAMAL_KEY_LENGTH);
  let start = 0;
  while (start < full.length && full[start] === 0) start++;
  // Skip the random nonzero byte, then the hash, then the data.
  const hashAt = start + 1;
  const dataAt = hashAt + HASH_LENGTH;
  if (dataAt > full.length) throw failed('plaintext too short');
  const data = full.slice(dataAt);
  if (!bytesEqual(sha256(data), full.subarray(hashAt, dataAt))) throw failed('hash mismatch (wrong key or corrupted block)');
  return data;
}
