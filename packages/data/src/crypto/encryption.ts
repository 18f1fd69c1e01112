import { I2cpError } from '../errors.js';
import { EncType, encTypeInfo, type PrivateKey, type PublicKey } from '../key-types.js';
import { elgamalDecryptBytes, elgamalEncryptBytes, elgamalGenerateKeys, elgamalPublicKeyBytesFor } from './elgamal.js';
import { x25519GenerateKeys, x25519PublicKeyBytesFor } from './x25519.js';

function unsupported(encType: number, what: string): I2cpError {
  const name = encTypeInfo(encType)?.name ?? 'unknown';
  return new I2cpError('UNSUPPORTED_TYPE', `encryption type ${encType} (${name}): ${what} is not supported by @i2cp/data`);
}

export function generateEncryptionKeys(encType: number): { publicKey: PublicKey; privateKey: PrivateKey } {
  let keys: { publicKey: Uint8Array; privateKey: Uint8Array };
  if (encType === EncType.ElGamal) keys = elgamalGenerateKeys();
  else if (encType === EncType.X25519) keys = x25519GenerateKeys();
  else throw unsupported(encType, 'key generation');
  return { publicKey: { encType, bytes: keys.publicKey }, privateKey: { encType, bytes: keys.privateKey } };
}

export function encryptionPublicKeyFor(privateKey: PrivateKey): PublicKey {
  const { encType, bytes } = privateKey;
  if (encType === EncType.ElGamal) return { encType, bytes: elgamalPublicKeyBytesFor(bytes) };
  if (encType === EncType.X25519) return { encType, bytes: x25519PublicKeyBytesFor(bytes) };
  throw unsupported(encType, 'deriving the public key');
}

/** ElGamal-encrypts at most 222 bytes to a type 0 key; the result is always 514 bytes. */
export function elgamalEncrypt(publicKey: PublicKey, data: Uint8Array): Uint8Array {
  if (publicKey.encType !== EncType.ElGamal) throw unsupported(publicKey.encType, 'ElGamal encryption');
  return elgamalEncryptBytes(publicKey.bytes, data);
}

/** Decrypts a 514-byte block; DECRYPT_FAILED if it was not made for this key or was altered. */
export function elgamalDecrypt(privateKey: PrivateKey, block: Uint8Array): Uint8Array {
  if (privateKey.encType !== EncType.ElGamal) throw unsupported(privateKey.encType, 'ElGamal decryption');
  return elgamalDecryptBytes(privateKey.bytes, block);
}
