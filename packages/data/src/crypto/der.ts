import { concatBytes } from '../bytes.js';

// Just enough DER to hand raw I2P key numbers to node:crypto as SPKI/PKCS#8 key objects.

function length(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

function tlv(tag: number, content: Uint8Array): Uint8Array {
  return concatBytes([Uint8Array.of(tag), length(content.length), content]);
}

export function derInteger(n: bigint): Uint8Array {
  let hex = n.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  // A leading 1 bit would make the INTEGER negative.
  if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  return tlv(0x02, Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16)));
}

export function derSequence(...items: Uint8Array[]): Uint8Array {
  return tlv(0x30, concatBytes(items));
}

export function derBitString(content: Uint8Array): Uint8Array {
  return tlv(0x03, concatBytes([Uint8Array.of(0), content]));
}

export function derOctetString(content: Uint8Array): Uint8Array {
  return tlv(0x04, content);
}

/** An OBJECT IDENTIFIER already encoded (tag, length and body). */
export function derOid(encoded: string): Uint8Array {
  return Uint8Array.from(encoded.match(/../g) ?? [], (h) => parseInt(h, 16));
}
