/**
 * The private key file of Java I2P (PrivateKeyFile, eepPriv.dat) and i2pd (.dat keys):
 * Destination, a 256-byte private key field, then the signing private key sized by the
 * Destination's signature type. Both implementations always give the private key field 256
 * bytes; a shorter key (X25519) fills its start and the rest is zero.
 *
 * With offline keys (proposal 123) the signing private key is all zero and an offline section
 * follows, the same in Java's PrivateKeyFile and i2pd's PrivateKeys: expires (4 bytes, seconds),
 * transient signature type (2), transient signing public key, the Destination's signature over
 * those three (its type), then the transient signing private key (the transient type's length).
 */
import { I2cpError, isI2cpError } from '../errors.js';
import { Reader, Writer, bytesEqual } from '../bytes.js';
import { encTypeInfo, sigTypeInfo } from '../key-types.js';
import type { PrivateKey, SigningPrivateKey } from '../key-types.js';
import { signingPublicKeyFor } from '../crypto/signing.js';
import { readDestination, writeDestination } from '../structures/destination.js';
import { readOfflineSignature, writeOfflineSignature } from '../structures/lease-set2.js';
import { verifyOfflineSignature } from '../structures/offline.js';
import type { Destination } from '../structures/types.js';
import type { DestinationKeys } from './generate.js';
import type { OfflineKeys } from './offline.js';

/**
 * What a key file holds with offline keys: the Destination, its private (crypto) key, no signing
 * key of the Destination, and the transient key with the Destination's authorisation of it (what
 * `createSession({ keys, offline })` of @i2cp/client takes).
 */
export interface OfflineKeyFile {
  readonly destination: Destination;
  readonly privateKey: PrivateKey;
  readonly offline: OfflineKeys;
}

export interface ReadPrivateKeyFileOptions {
  /** Also read files with offline keys (default false: they are refused with BAD_KEY_FILE). */
  readonly allowOffline?: boolean;
}

const PRIVATE_KEY_FIELD = 256;

function badFile(message: string, cause?: unknown): I2cpError {
  return new I2cpError('BAD_KEY_FILE', `private key file: ${message}`, cause === undefined ? undefined : { cause });
}

/**
 * Reads a key file. Files with offline keys give BAD_KEY_FILE unless `allowOffline` is set; then
 * they read as an `OfflineKeyFile` (the authorisation is verified against the Destination and the
 * transient private key against the authorised public key; its expiry is the session's check).
 */
export function readPrivateKeyFile(bytes: Uint8Array): DestinationKeys;
export function readPrivateKeyFile(bytes: Uint8Array, options: ReadPrivateKeyFileOptions): DestinationKeys | OfflineKeyFile;
export function readPrivateKeyFile(bytes: Uint8Array, options: ReadPrivateKeyFileOptions = {}): DestinationKeys | OfflineKeyFile {
  try {
    return parse(bytes, options.allowOffline === true);
  } catch (e) {
    if (isI2cpError(e) && e.code === 'BAD_KEY_FILE') throw e;
    throw badFile(e instanceof Error ? e.message : String(e), e);
  }
}

function parse(bytes: Uint8Array, allowOffline: boolean): DestinationKeys | OfflineKeyFile {
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
  const privateKey = { encType, bytes: field.slice(0, enc.privateKeyLength) };
  // Java and i2pd mark an offline-signed file with an all-zero signing key; the offline section follows.
  const offline = signingKey.every((b) => b === 0);
  if (offline && !allowOffline) {
    throw badFile('offline keys not supported here (the signing private key is all zero; this file holds a transient key): read it with { allowOffline: true }');
  }
  const keys = offline ? { destination, privateKey, offline: readOfflineSection(r, destination) } : undefined;
  if (r.remaining !== 0) throw badFile(`${r.remaining} unexpected bytes after the ${offline ? 'transient ' : ''}signing private key`);
  return keys ?? { destination, privateKey, signingPrivateKey: { sigType, bytes: signingKey.slice() } };
}

function readOfflineSection(r: Reader, destination: Destination): OfflineKeys {
  const read = readOfflineSignature(r, destination.signingPublicKey.sigType);
  const { transientKey } = read;
  const offlineSignature = { ...read, transientKey: { ...transientKey, bytes: transientKey.bytes.slice() }, signature: { ...read.signature, bytes: read.signature.bytes.slice() } };
  const transientInfo = sigTypeInfo(transientKey.sigType);
  if (transientInfo === undefined) throw badFile(`unknown transient signature type ${transientKey.sigType}`);
  const transientSigningPrivateKey: SigningPrivateKey = { sigType: transientKey.sigType, bytes: r.bytesView(transientInfo.privateKeyLength, 'transient SigningPrivateKey').slice() };
  if (!verifyOfflineSignature(destination, offlineSignature)) throw badFile("the offline signature was not made by the file's Destination key");
  const derived = signingPublicKeyFor(transientSigningPrivateKey);
  if (!bytesEqual(derived.bytes, transientKey.bytes)) throw badFile('the transient signing private key does not belong to the authorised transient public key');
  return { transientSigningPrivateKey, offlineSignature };
}

/**
 * Writes a key file: `DestinationKeys`, or an `OfflineKeyFile` (all-zero signing key and the
 * offline section, as Java and i2pd write it). BAD_KEY_FILE for keys of other types or sizes
 * than the Destination's (or the authorised transient key's).
 */
export function writePrivateKeyFile(keys: DestinationKeys | OfflineKeyFile): Uint8Array {
  const { destination, privateKey } = keys;
  const enc = encTypeInfo(privateKey.encType);
  const sig = sigTypeInfo(destination.signingPublicKey.sigType);
  const signingPrivateKey = 'offline' in keys ? undefined : keys.signingPrivateKey;
  if (privateKey.encType !== destination.publicKey.encType || (signingPrivateKey !== undefined && signingPrivateKey.sigType !== destination.signingPublicKey.sigType)) {
    throw badFile('key types do not match the Destination');
  }
  if (enc?.privateKeyLength !== privateKey.bytes.length || sig === undefined || (signingPrivateKey !== undefined && sig.privateKeyLength !== signingPrivateKey.bytes.length)) {
    throw badFile('private key of the wrong size for its type');
  }
  if (privateKey.bytes.length > PRIVATE_KEY_FIELD) throw badFile('private key does not fit the 256-byte field');
  const w = new Writer(destination.bytes.length + PRIVATE_KEY_FIELD + sig.privateKeyLength + 256);
  writeDestination(w, destination);
  const field = new Uint8Array(PRIVATE_KEY_FIELD);
  field.set(privateKey.bytes);
  w.bytes(field).bytes(signingPrivateKey?.bytes ?? new Uint8Array(sig.privateKeyLength));
  if ('offline' in keys) writeOfflineSection(w, keys);
  return w.finish();
}

function writeOfflineSection(w: Writer, keys: OfflineKeyFile): void {
  const { transientSigningPrivateKey, offlineSignature } = keys.offline;
  const transient = sigTypeInfo(transientSigningPrivateKey.sigType);
  if (transientSigningPrivateKey.sigType !== offlineSignature.transientKey.sigType || transient?.privateKeyLength !== transientSigningPrivateKey.bytes.length) {
    throw badFile('the transient signing private key is not of the authorised transient type and size');
  }
  try {
    writeOfflineSignature(w, offlineSignature, keys.destination.signingPublicKey.sigType);
  } catch (e) {
    throw badFile(`offline signature cannot be written: ${e instanceof Error ? e.message : String(e)}`, e);
  }
  w.bytes(transientSigningPrivateKey.bytes);
}
