import { DecodeError, EncodeError, readDestination, readHash, readSigningPublicKey, readString, writeDestination, writeSigningPublicKey, writeString } from '@i2cp/data';
import type { Reader, Writer } from '@i2cp/data';
import type { MessageCodec } from './codec.js';
import { readSessionId, writeSessionId } from './fields.js';
import type { BlindingEndpoint, BlindingInfoMessage } from './types.js';

/** Flags bit 0: per-client authentication, a 32-byte private key follows; bit 4: a lookup password follows. */
const FLAG_PER_CLIENT = 0x01;
const FLAG_SECRET = 0x10;
const EndpointType = { Hash: 0, Hostname: 1, Destination: 2, Key: 3 } as const;
const PRIVATE_KEY_BYTES = 32;

/** SessionId, flags, endpoint type, blinded sig type, expiration (s), endpoint, [private key], [password]. */
export const blindingInfo: MessageCodec<'BlindingInfo'> = {
  name: 'BlindingInfo',
  encode: (w, m) => {
    if (((m.flags & FLAG_PER_CLIENT) !== 0) !== (m.privateKey !== undefined)) {
      throw new EncodeError('BlindingInfo flags bit 0 must be set exactly when a private key is present');
    }
    if (((m.flags & FLAG_SECRET) !== 0) !== (m.lookupPassword !== undefined)) {
      throw new EncodeError('BlindingInfo flags bit 4 must be set exactly when a lookup password is present');
    }
    writeSessionId(w, m.sessionId);
    w.u8(m.flags, 'flags');
    w.u8(endpointType(m.endpoint));
    w.u16(m.blindedSigType, 'blinded signature type');
    w.u32(m.expirationSeconds, 'expiration');
    writeEndpoint(w, m.endpoint);
    if (m.privateKey !== undefined) w.fixed(m.privateKey, PRIVATE_KEY_BYTES, 'BlindingInfo private key');
    if (m.lookupPassword !== undefined) writeString(w, m.lookupPassword);
  },
  decode: (r) => {
    const sessionId = readSessionId(r);
    const flags = r.u8('flags');
    const typeAt = r.position;
    const type = r.u8('endpoint type');
    const blindedSigType = r.u16('blinded signature type');
    const expirationSeconds = r.u32('expiration');
    const endpoint = readEndpoint(r, type, typeAt);
    let m: BlindingInfoMessage = { type: 'BlindingInfo', sessionId, flags, blindedSigType, expirationSeconds, endpoint };
    if ((flags & FLAG_PER_CLIENT) !== 0) m = { ...m, privateKey: r.bytesView(PRIVATE_KEY_BYTES, 'private key') };
    if ((flags & FLAG_SECRET) !== 0) m = { ...m, lookupPassword: readString(r) };
    return m;
  },
};

function endpointType(e: BlindingEndpoint): number {
  switch (e.kind) {
    case 'hash':
      return EndpointType.Hash;
    case 'hostname':
      return EndpointType.Hostname;
    case 'destination':
      return EndpointType.Destination;
    case 'key':
      return EndpointType.Key;
  }
}

function writeEndpoint(w: Writer, e: BlindingEndpoint): void {
  switch (e.kind) {
    case 'hash':
      w.fixed(e.hash, 32, 'BlindingInfo hash');
      break;
    case 'hostname':
      writeString(w, e.hostname);
      break;
    case 'destination':
      writeDestination(w, e.destination);
      break;
    case 'key':
      w.u16(e.sigType, 'signature type');
      writeSigningPublicKey(w, { sigType: e.sigType, bytes: e.signingPublicKey });
      break;
  }
}

function readEndpoint(r: Reader, type: number, at: number): BlindingEndpoint {
  switch (type) {
    case EndpointType.Hash:
      return { kind: 'hash', hash: readHash(r) };
    case EndpointType.Hostname:
      return { kind: 'hostname', hostname: readString(r) };
    case EndpointType.Destination:
      return { kind: 'destination', destination: readDestination(r) };
    case EndpointType.Key: {
      const sigType = r.u16('signature type');
      return { kind: 'key', sigType, signingPublicKey: readSigningPublicKey(r, sigType).bytes };
    }
    default:
      throw new DecodeError('DECODE_INVALID', `unknown BlindingInfo endpoint type ${type}`, at);
  }
}
