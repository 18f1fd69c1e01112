import { utf8Decode, utf8Encode } from '@i2cp/data';

/** The bytes of one chat message: the sender's chosen name and the text, as compact JSON. */
export interface ChatPayload {
  readonly name: string;
  readonly text: string;
  /**
   * The sender's base64 Destination, carried only in the 2003 dialect: it has no signed datagrams,
   * so this is how a reply finds its way back (unverified, and shown as such).
   */
  readonly destination?: string;
}

/** Far below the 64 KiB a message may hold, and more than a person types. */
export const MAX_TEXT_CHARS = 16_384;

export function encodeChatPayload(p: ChatPayload): Uint8Array {
  return utf8Encode(JSON.stringify({ v: 1, name: p.name, text: p.text, ...(p.destination !== undefined ? { destination: p.destination } : {}) }));
}

/** Undefined for bytes that are not a chat message (another program may send to the same destination). */
export function decodeChatPayload(bytes: Uint8Array): ChatPayload | undefined {
  let value: unknown;
  try {
    value = JSON.parse(utf8Decode(bytes));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { v, name, text, destination } = value as Record<string, unknown>;
  if (v !== 1 || typeof name !== 'string' || typeof text !== 'string' || name.length > 64 || text.length > MAX_TEXT_CHARS) return undefined;
  return { name, text, ...(typeof destination === 'string' ? { destination } : {}) };
}
