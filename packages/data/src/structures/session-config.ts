/**
 * SessionConfig: Destination, options Mapping, creation Date (current dialect only) and a
 * signature over everything before it. The signer is the Destination's key, or, when the
 * options name an offline-authorised transient key (current dialect), that key.
 */
import { DecodeError, EncodeError } from '../errors.js';
import { Writer } from '../bytes.js';
import type { Reader } from '../bytes.js';
import { SigType, sigTypeInfo } from '../key-types.js';
import { readDestination, writeDestination } from './destination.js';
import { readSignature, writeSignatureOfType } from './key-fields.js';
import { readMapping, writeMapping } from './mapping.js';
import { readDate, writeDate } from './primitives.js';
import type { Dialect, Mapping, SessionConfig } from './types.js';

/** Option naming the transient signing key (`[sigtype:]base64`, sigtype a code or name, default DSA_SHA1). */
export const TRANSIENT_KEY_OPTION = 'i2cp.leaseSetTransientPublicKey';

export function readSessionConfig(r: Reader, dialect: Dialect): SessionConfig {
  const destination = readDestination(r);
  const options = readMapping(r);
  const date = dialect === 'current' ? readDate(r) : undefined;
  const at = r.position;
  const signerType = sessionConfigSignerType(destination.signingPublicKey.sigType, options, dialect);
  if (signerType === undefined) throw new DecodeError('UNSUPPORTED_TYPE', `unknown transient key type in ${TRANSIENT_KEY_OPTION}`, at);
  const signature = readSignature(r, signerType);
  return date === undefined ? { destination, options, signature } : { destination, options, date, signature };
}

export function writeSessionConfig(w: Writer, cfg: SessionConfig, dialect: Dialect): void {
  writeSessionConfigBody(w, cfg, dialect);
  const signerType = sessionConfigSignerType(cfg.destination.signingPublicKey.sigType, cfg.options, dialect);
  if (signerType === undefined) throw new EncodeError(`unknown transient key type in ${TRANSIENT_KEY_OPTION}`);
  writeSignatureOfType(w, cfg.signature, signerType, 'SessionConfig');
}

function writeSessionConfigBody(w: Writer, cfg: Omit<SessionConfig, 'signature'>, dialect: Dialect): void {
  writeDestination(w, cfg.destination);
  writeMapping(w, cfg.options);
  if (dialect === 'current') {
    if (cfg.date === undefined) throw new EncodeError('a current SessionConfig needs a date');
    writeDate(w, cfg.date);
  } else if (cfg.date !== undefined) {
    throw new EncodeError('a 2003 SessionConfig has no date');
  }
}

/** The bytes the SessionConfig signature covers: Destination ‖ Mapping (‖ Date). */
export function sessionConfigSignedBytes(cfg: Omit<SessionConfig, 'signature'>, dialect: Dialect): Uint8Array {
  const w = new Writer(512);
  writeSessionConfigBody(w, cfg, dialect);
  return w.finish();
}

/**
 * Signature type of the SessionConfig's signer, or undefined when the transient key option
 * names a type that does not exist.
 */
export function sessionConfigSignerType(destinationSigType: number, options: Mapping, dialect: Dialect): number | undefined {
  const transient = dialect === 'current' ? options.get(TRANSIENT_KEY_OPTION) : undefined;
  if (transient === undefined) return destinationSigType;
  const colon = transient.indexOf(':');
  return colon < 0 ? SigType.DSA_SHA1 : parseSigType(transient.slice(0, colon));
}

const knownSigTypes = Array.from({ length: 64 }, (_, i) => sigTypeInfo(i)).filter((t) => t !== undefined);

/** A signature type given as its code or its name (case-insensitive), as Java's SigType.parseSigType accepts. */
export function parseSigType(s: string): number | undefined {
  if (/^\d+$/.test(s)) return sigTypeInfo(Number(s))?.code;
  const upper = s.toUpperCase();
  return knownSigTypes.find((t) => t.name.toUpperCase() === upper)?.code;
}
