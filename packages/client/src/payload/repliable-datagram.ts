/**
 * Repliable datagram (protocol 17, "Datagram1"; datagrams spec): the sender's Destination, its
 * Signature, then the data. DSA_SHA1 signs SHA-256(data); every other type signs the data itself
 * (redefined in 0.9.14, as Java's I2PDatagramMaker does).
 */
import { I2cpError, Reader, SigType, readDestination, readSignature, sha256, sigTypeInfo, sign, verify } from '@i2cp/data';
import type { Destination, SigningPrivateKey } from '@i2cp/data';
import { checkPayloadSize } from './protocol.js';

export interface RepliableDatagram {
  /** Who signed the datagram: the address to reply to. */
  readonly sender: Destination;
  readonly data: Uint8Array;
}

/** The sender's keys: its Destination and the signing private key that belongs to it. */
export interface DatagramSigner {
  readonly destination: Destination;
  readonly signingPrivateKey: SigningPrivateKey;
}

/**
 * Builds a repliable datagram signed by `keys`. It must fit one I2CP payload (40960 bytes with
 * Destination and Signature) or PAYLOAD_TOO_LARGE is thrown; a signing key of another type than
 * the Destination's gives BAD_KEY.
 */
export function encodeRepliableDatagram(keys: DatagramSigner, data: Uint8Array): Uint8Array {
  const { destination, signingPrivateKey } = keys;
  const { sigType } = destination.signingPublicKey;
  if (signingPrivateKey.sigType !== sigType) {
    throw new I2cpError('BAD_KEY', `signing key of type ${signingPrivateKey.sigType} does not belong to a Destination of signature type ${sigType}`);
  }
  // An unknown type has no length here; sign() then reports it as UNSUPPORTED_TYPE.
  const signatureLength = sigTypeInfo(sigType)?.signatureLength ?? 0;
  const dataAt = destination.bytes.length + signatureLength;
  checkPayloadSize(dataAt + data.length, 'repliable datagram');
  const signature = sign(signingPrivateKey, signedBytes(sigType, data));
  const out = new Uint8Array(dataAt + data.length);
  out.set(destination.bytes);
  out.set(signature.bytes, destination.bytes.length);
  out.set(data, dataAt);
  return out;
}

/**
 * Reads a repliable datagram and verifies its signature: BAD_SIGNATURE if it does not verify,
 * DecodeError for malformed bytes, UNSUPPORTED_TYPE for signature types that cannot be verified.
 * `sender` and `data` are views into `bytes`. The signature covers the data only: it proves who
 * holds the sender's signing key, not the rest of the sender's Destination.
 */
export function decodeRepliableDatagram(bytes: Uint8Array): RepliableDatagram {
  checkPayloadSize(bytes.length, 'repliable datagram');
  const r = new Reader(bytes);
  const sender = readDestination(r);
  const signature = readSignature(r, sender.signingPublicKey.sigType);
  const data = r.rest();
  if (!verify(sender.signingPublicKey, signedBytes(signature.sigType, data), signature)) {
    throw new I2cpError('BAD_SIGNATURE', 'repliable datagram signature does not verify against its sender');
  }
  return { sender, data };
}

function signedBytes(sigType: number, data: Uint8Array): Uint8Array {
  return sigType === SigType.DSA_SHA1 ? sha256(data) : data;
}
