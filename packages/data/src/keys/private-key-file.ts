/**
 * The private key file of Java I2P (PrivateKeyFile, eepPriv.dat) and i2pd (.dat keys):
 * Destination, a 256-byte private key field, then the signing private key sized by the
 * Destination's signature type. Both implementations always give the private key field 256
 * bytes; a shorter key (X25519) fills its start and the rest is zero.
 */
import { I2cpError, isI2cpError } from '../errors.js';
import { Reader, Writer } from '../bytes.js';
import { encTypeInfo, sigTypeInfo } from '../key-types.js';
import { readDestination, writeDestination } from '../structures/destination.js';
import type { DestinationKeys } from './generate.js';

const PRIVATE_KEY_FIELD = 256;

function badFile(message: string, cause?: unknown): I2cpError {
  return new I2cpError('BAD_KEY_FILE', `private key file: ${message}`, cause === undefined ? undefined : { cause });
}

export function readPrivateKeyFile(bytes: Uint8Array): DestinationKeys {
  try {
    return parse(bytes);
  } catch (e) {
    if (isI2cpError(e) && e.code === 'BAD_KEY_FILE') throw e;
    throw badFile(e instanceof Error ? e.message : String(e), e);
  }
}

function parse(bytes: Uint8Array): DestinationKeys {
  const r = new Reader(bytes);
  const destination = readDestination(r);
  const { encType } = destination.publicKey;
  const { sigType } = destination.signingPublicKey;
  const enc = encTypeInfo(encType);
  const sig = sigTypeInfo(sigType);
  if (enc === undefined || sig === undefined) throw badFile(`unknown key types ${sigType}/${encType}`);
  if (enc.privateKeyLength > PRIVATE_KEY_FIELD) throw badFile(`private key of type ${enc.name} does not fit the 256-byte field`);
  const field = r.bytesView(PRIVATE_KEY_FIELD, 'PrivateKey');
  const signingKey = r.bytesView(sig.privateKeyLength, 'SigningPrivateKey');
  if (signingKey.every((b) => b === 0)) {
    // Java and i2pd mark an offline-signed file this way; a transient key section follows.
    throw badFile('offline keys not supported (the signing private key is all zero; this file holds a transient key)');
  }
  if (r.remaining !== 0) throw badFile(`${r.remaining} unexpected bytes after the signing private key`);
  return {
    destination,
    privateKey: { encType, bytes: field.slice(0, enc.privateKeyLength) },
    signingPrivateKey: { sigType, bytes: signingKey.slice() },
  };
}

export function writePrivateKeyFile(keys: DestinationKeys): Uint8Array {
  const { destination, privateKey, signingPrivateKey } = keys;
  const enc = encTypeInfo(privateKey.encType);
  const sig = sigTypeInfo(signingPrivateKey.sigType);
  if (privateKey.encType !== destination.publicKey.encType || signingPrivateKey.sigType !== destination.signingPublicKey.sigType) {
    throw badFile('key types do not match the Destination');
  }
  if (enc?.privateKeyLength !== privateKey.bytes.length || sig?.privateKeyLength !== signingPrivateKey.bytes.length) {
    throw badFile('private key of the wrong size for its type');
  }
  if (privateKey.bytes.length > PRIVATE_KEY_FIELD) throw badFile('private key does not fit the 256-byte field');
  const w = new Writer(destination.bytes.length + PRIVATE_KEY_FIELD + signingPrivateKey.bytes.length);
  writeDestination(w, destination);
  const field = new Uint8Array(PRIVATE_KEY_FIELD);
  field.set(privateKey.bytes);
  w.bytes(field).bytes(signingPrivateKey.bytes);
  return w.finish();
}
