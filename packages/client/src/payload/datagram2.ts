/**
 * Datagram2 (protocol 19; datagrams spec and proposal 163, Java I2P 0.9.66): the sender's
 * Destination, flags, an optional options Mapping, an optional offline signature block, the data,
 * then a Signature. The signature covers the recipient's Destination hash (not sent) followed by
 * every byte from the flags to the end of the data, so a datagram verifies only at the Destination
 * it was made for (replay protection). All signature types sign these bytes themselves, DSA_SHA1
 * included (unlike Datagram1). With offline keys the transient key signs and the block carries the
 * Destination's authorisation of it.
 */
import {
  DecodeError,
  I2cpError,
  Reader,
  Writer,
  concatBytes,
  readDestination,
  readOfflineSignature,
  readSignature,
  sigTypeInfo,
  sign,
  verify,
  verifyOfflineSignature,
  writeOfflineSignature,
} from '@i2cp/data';
import type { Destination, Mapping, OfflineSignature, SigningPrivateKey } from '@i2cp/data';
import { FLAG_OFFLINE, HASH_LENGTH, hashOf, readFlagsAndOptions, writeFlagsAndOptions, type DatagramContent } from './datagram-header.js';
import { checkPayloadSize } from './protocol.js';

const VERSION = 2;

export interface Datagram2 extends DatagramContent {
  /** Who sent it: its signature (or its offline-authorised transient key's) was verified. */
  readonly sender: Destination;
  /** Present when the sender signed with a transient key; its expiry was checked. */
  readonly offlineSignature?: OfflineSignature;
}

/**
 * What signs a Datagram2: the sender's Destination and either its own signing key, or (offline
 * keys) the transient signing key together with the Destination's offline signature over it.
 */
export interface Datagram2Signer {
  readonly destination: Destination;
  /** The Destination's signing key, or the transient key when `offlineSignature` is given. */
  readonly signingPrivateKey: SigningPrivateKey;
  readonly offlineSignature?: OfflineSignature;
}

export interface EncodeDatagram2Options {
  /** Options carried in the datagram (written only when not empty). */
  readonly options?: Mapping;
}

export interface DecodeDatagram2Options {
  /** The time (ms since the epoch) an offline signature must not have expired at; default now. */
  readonly now?: number;
}

/**
 * Builds a Datagram2 from `signer` to `to` (the recipient's Destination or its 32-byte hash). It
 * must fit one I2CP payload or PAYLOAD_TOO_LARGE is thrown; a signing key of another type than
 * the Destination's (or, offline, the transient key's) gives BAD_KEY; options that cannot be
 * written give ENCODE_INVALID.
 */
export function encodeDatagram2(signer: Datagram2Signer, to: Destination | Uint8Array, data: Uint8Array, options: EncodeDatagram2Options = {}): Uint8Array {
  const { destination, signingPrivateKey, offlineSignature } = signer;
  const destinationType = destination.signingPublicKey.sigType;
  const sigType = offlineSignature?.transientKey.sigType ?? destinationType;
  if (signingPrivateKey.sigType !== sigType) {
    const whose = offlineSignature === undefined ? "the Destination's" : "the offline signature's transient";
    throw new I2cpError('BAD_KEY', `Datagram2 signing key of type ${signingPrivateKey.sigType} does not match ${whose} signature type ${sigType}`);
  }
  // Signed part: recipient hash (not sent), flags, options, offline block, data.
  const w = new Writer(HASH_LENGTH + 16 + data.length + (offlineSignature === undefined ? 0 : 200));
  w.bytes(hashOf(to, 'the Datagram2 recipient'));
  writeFlagsAndOptions(w, VERSION, offlineSignature === undefined ? 0 : FLAG_OFFLINE, options.options);
  if (offlineSignature !== undefined) writeOfflineSignature(w, offlineSignature, destinationType);
  w.bytes(data);
  // An unknown type has no length here; sign() then reports it as UNSUPPORTED_TYPE.
  const signatureLength = sigTypeInfo(sigType)?.signatureLength ?? 0;
  const signed = w.written();
  checkPayloadSize(destination.bytes.length + signed.length - HASH_LENGTH + signatureLength, 'Datagram2');
  const signature = sign(signingPrivateKey, signed);
  return concatBytes([destination.bytes, signed.subarray(HASH_LENGTH), signature.bytes]);
}

/**
 * Reads a Datagram2 received by `recipient` (this session's Destination or its hash) and verifies
 * it: BAD_SIGNATURE when the signature does not verify (changed bytes, or a datagram made for
 * another Destination), when the offline signature was not made by the sender or has expired;
 * DecodeError for malformed bytes (DECODE_INVALID for another version); UNSUPPORTED_TYPE for
 * signature types that cannot be verified. `sender` and `data` are views into `bytes`.
 */
export function decodeDatagram2(bytes: Uint8Array, recipient: Destination | Uint8Array, options: DecodeDatagram2Options = {}): Datagram2 {
  const recipientHash = hashOf(recipient, 'the Datagram2 recipient');
  checkPayloadSize(bytes.length, 'Datagram2');
  const r = new Reader(bytes);
  const sender = readDestination(r);
  const signedAt = r.position;
  const header = readFlagsAndOptions(r, VERSION, 'Datagram2');
  const destinationType = sender.signingPublicKey.sigType;
  const offlineSignature = (header.flags & FLAG_OFFLINE) !== 0 ? readOfflineSignature(r, destinationType) : undefined;
  if (offlineSignature !== undefined) checkOffline(sender, offlineSignature, options.now ?? Date.now());
  const signingKey = offlineSignature?.transientKey ?? sender.signingPublicKey;
  const info = sigTypeInfo(signingKey.sigType);
  if (info === undefined) throw new DecodeError('UNSUPPORTED_TYPE', `Datagram2 signature type ${signingKey.sigType} is unknown`, r.position);
  if (r.remaining < info.signatureLength) {
    throw new DecodeError('DECODE_TRUNCATED', `Datagram2 has ${r.remaining} bytes left for a ${info.signatureLength}-byte signature`, r.position);
  }
  const data = r.bytesView(r.remaining - info.signatureLength, 'Datagram2 payload');
  const signedEnd = r.position;
  const signature = readSignature(r, signingKey.sigType);
  const signed = concatBytes([recipientHash, bytes.subarray(signedAt, signedEnd)]);
  if (!verify(signingKey, signed, signature)) {
    throw new I2cpError('BAD_SIGNATURE', 'Datagram2 signature does not verify: changed, or made for another Destination');
  }
  const datagram = { sender, data, options: header.options };
  return offlineSignature === undefined ? datagram : { ...datagram, offlineSignature };
}

function checkOffline(sender: Destination, offline: OfflineSignature, now: number): void {
  if (offline.expiresSeconds * 1000 < now) {
    throw new I2cpError('BAD_SIGNATURE', `Datagram2 offline signature expired at ${new Date(offline.expiresSeconds * 1000).toISOString()}`);
  }
  if (!verifyOfflineSignature(sender, offline)) {
    throw new I2cpError('BAD_SIGNATURE', "Datagram2 offline signature was not made by the sender's Destination key");
  }
}
