/**
 * A JSON-safe view of any message, for logs and `i2cp decode --json`: bytes as I2P base64,
 * Destinations also as .b32.i2p, payloads summarised (length, first bytes, hash prefix).
 */
import { b32Address, sha256, toBase64, toHex } from '@i2cp/data';
import type { Destination, Dialect } from '@i2cp/data';
import type { Message } from './messages/types.js';
import { MessageType } from './messages/types.js';

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

const PAYLOAD_HEAD_BYTES = 32;
const HASH_PREFIX_BYTES = 8;
/** Fields whose bytes are application data: summarised, not dumped. */
const SUMMARISED = new Set(['payload', 'body']);

export function describe(message: Message, dialect?: Dialect): JsonValue {
  const typeId = message.type === 'unknown' ? message.typeId : MessageType[message.type];
  const out: Record<string, JsonValue> = { type: message.type, typeId };
  if (dialect !== undefined && !('dialect' in message)) out['dialect'] = dialect;
  for (const [key, value] of Object.entries(message)) {
    if (key === 'type' || key === 'typeId' || value === undefined) continue;
    out[key] = describeValue(key, value);
  }
  return out;
}

function describeValue(key: string, value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value instanceof Uint8Array) return SUMMARISED.has(key) ? summarise(value) : toBase64(value);
  if (value instanceof Map) return Object.fromEntries([...(value as Map<string, string>)].map(([k, v]) => [k, v]));
  if (Array.isArray(value)) return value.map((v: unknown) => describeValue(key, v));
  if (typeof value === 'object') {
    if (isDestination(value)) return describeDestination(value);
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = describeValue(k, v);
    return out;
  }
  return typeof value === 'bigint' ? value.toString() : null;
}

function summarise(bytes: Uint8Array): JsonValue {
  return {
    length: bytes.length,
    head: toHex(bytes.subarray(0, PAYLOAD_HEAD_BYTES)),
    sha256: toHex(sha256(bytes).subarray(0, HASH_PREFIX_BYTES)),
  };
}

function isDestination(v: object): v is Destination {
  return 'bytes' in v && v.bytes instanceof Uint8Array && 'signingPublicKey' in v && 'certificate' in v && 'publicKey' in v;
}

function describeDestination(d: Destination): JsonValue {
  return {
    b32: b32Address(d),
    base64: toBase64(d.bytes),
    sigType: d.signingPublicKey.sigType,
    encType: d.publicKey.encType,
  };
}
