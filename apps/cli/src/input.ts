import { readFile } from 'node:fs/promises';
import { I2cpError, fromBase64, fromHex, toI2cpError } from '@i2cp/data';

/** Reads FILE, or standard input for '-' or no file, bounded so a huge input is refused rather than exhausting memory. */
export async function readInput(file: string | undefined, maxBytes = 64 * 1024 * 1024): Promise<Uint8Array> {
  if (file !== undefined && file !== '-') {
    try {
      const bytes = await readFile(file);
      if (bytes.length > maxBytes) throw new I2cpError('BAD_ARGUMENT', `${file} is larger than ${maxBytes} bytes`);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (e) {
      throw toI2cpError(e, 'IO', `cannot read ${file}`);
    }
  }
  const chunks: Uint8Array[] = [];
  let n = 0;
  for await (const chunk of process.stdin as AsyncIterable<Uint8Array>) {
    n += chunk.length;
    if (n > maxBytes) throw new I2cpError('BAD_ARGUMENT', `standard input is larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export type InputFormat = 'raw' | 'hex' | 'base64';

/** Turns text input into bytes for --hex / --base64 (I2P or standard alphabet, white space ignored). */
export function decodeInputText(bytes: Uint8Array, format: InputFormat): Uint8Array {
  if (format === 'raw') return bytes;
  const text = new TextDecoder().decode(bytes).replace(/\s+/g, '');
  if (format === 'hex') return fromHex(text);
  return fromBase64(text.replace(/\+/g, '-').replace(/\//g, '~'));
}
