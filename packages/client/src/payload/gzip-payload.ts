/**
 * The payload of SendMessage and MessagePayload in the current dialect: one RFC 1952 gzip member
 * whose header carries the ports (in MTIME) and the protocol (in OS) instead of gzip metadata.
 *
 *   1f 8b 08 | FLG 00 | fromPort u16 BE | toPort u16 BE | XFL 02 | protocol u8 | deflate data | CRC32 LE | ISIZE LE
 *
 * The header and trailer are written here byte by byte, so the bytes are exactly what Java I2P
 * writes and reads; node:zlib only deflates and inflates the body.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { DecodeError, EncodeError } from '@i2cp/data';
import type { I2cpError } from '@i2cp/data';
import { MAX_UNCOMPRESSED_PAYLOAD, Protocol, checkPayloadSize, payloadTooLarge } from './protocol.js';

export interface Payload {
  readonly data: Uint8Array;
  readonly protocol: number;
  readonly fromPort: number;
  readonly toPort: number;
}

export interface PayloadOptions {
  readonly data: Uint8Array;
  /** I2P protocol number 0–255 (default 0, "any"). */
  readonly protocol?: number;
  /** 0–65535 (default 0, "any"). */
  readonly fromPort?: number;
  /** 0–65535 (default 0, "any"). */
  readonly toPort?: number;
  /**
   * Deflate the data when that makes it smaller (default true). Payloads of 66 bytes or less
   * are never deflated, as in Java; with `false` the data goes out as one stored block and zlib
   * is not called at all. Pass `false` for data that is already compressed or encrypted:
   * deflating 32 KiB of it costs about a millisecond to gain nothing.
   */
  readonly compress?: boolean;
}

const HEADER_LENGTH = 10;
const TRAILER_LENGTH = 8;
/** BFINAL=1, BTYPE=00, then LEN and NLEN (RFC 1951 §3.2.4). */
const STORED_BLOCK_HEADER_LENGTH = 5;
const STORED_FINAL_BLOCK = 0x01;
/** Java's XFL; Java's reader throws on anything but 0, 2 or 4, so only this value is written. */
const EXTRA_FLAGS = 0x02;
/** Java's I2PSessionImpl.DONT_COMPRESS_SIZE: smaller payloads never gain from deflate. */
const DONT_COMPRESS_SIZE = 66;
/** zlib's default; on at most 40 KiB, level 9 (Java's choice) gives the same size or nearly. */
const COMPRESSION_LEVEL = 6;

/** Encodes `data` with its protocol and ports as an I2CP payload (a gzip member). */
export function encodePayload(options: PayloadOptions): Uint8Array {
  const { data, protocol = Protocol.Any, fromPort = 0, toPort = 0, compress = true } = options;
  checkRange(protocol, 0xff, 'protocol');
  checkRange(fromPort, 0xffff, 'fromPort');
  checkRange(toPort, 0xffff, 'toPort');
  checkPayloadSize(data.length, 'payload');
  const storedLength = STORED_BLOCK_HEADER_LENGTH + data.length;
  if (compress && data.length > DONT_COMPRESS_SIZE) {
    const deflated = deflateRawSync(data, { level: COMPRESSION_LEVEL });
    if (deflated.length < storedLength) {
      const out = newMember(deflated.length, protocol, fromPort, toPort, data);
      out.set(deflated, HEADER_LENGTH);
      return out;
    }
  }
  // One stored block holds up to 65535 bytes, more than any payload may have, so Java's
  // single-stored-block fast path (`zeroDecompress`) always applies to what is written here.
  const out = newMember(storedLength, protocol, fromPort, toPort, data);
  out[HEADER_LENGTH] = STORED_FINAL_BLOCK;
  writeU16LE(out, HEADER_LENGTH + 1, data.length);
  writeU16LE(out, HEADER_LENGTH + 3, data.length ^ 0xffff);
  out.set(data, HEADER_LENGTH + STORED_BLOCK_HEADER_LENGTH);
  return out;
}

/**
 * Decodes an I2CP payload. `data` is a view into `bytes` when the body is one stored block.
 * Throws DecodeError (DECODE_TRUNCATED, DECODE_INVALID) for malformed input, including a wrong
 * CRC32 or ISIZE, and I2cpError PAYLOAD_TOO_LARGE when the data would exceed 40960 bytes
 * (inflating stops there, so a gzip bomb costs no memory).
 */
export function decodePayload(bytes: Uint8Array): Payload {
  if (bytes.length < HEADER_LENGTH + TRAILER_LENGTH) {
    throw new DecodeError('DECODE_TRUNCATED', `gzip payload of ${bytes.length} bytes is shorter than its header and trailer`, bytes.length);
  }
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw new DecodeError('DECODE_INVALID', 'not a gzip payload (bad magic)', 0);
  if (bytes[2] !== 0x08) throw new DecodeError('DECODE_INVALID', `gzip compression method ${bytes[2]!} is not deflate`, 2);
  // Java misreads every flag bit (it tests the wrong ones), so no sender can use them.
  if (bytes[3] !== 0) throw new DecodeError('DECODE_INVALID', `gzip flags must be 0 in an I2CP payload, got ${bytes[3]!}`, 3);
  // XFL (byte 8) is informational and ignored, as stock gunzip does.
  const fromPort = (bytes[4]! << 8) | bytes[5]!;
  const toPort = (bytes[6]! << 8) | bytes[7]!;
  const protocol = bytes[9]!;

  const bodyEnd = bytes.length - TRAILER_LENGTH;
  const data = readSingleStoredBlock(bytes, bodyEnd) ?? inflateBody(bytes, bodyEnd);
  checkPayloadSize(data.length, 'payload data');
  const size = readU32LE(bytes, bodyEnd + 4);
  if (size !== data.length) {
    throw new DecodeError('DECODE_INVALID', `gzip ISIZE ${size} does not match the ${data.length} bytes of data`, bodyEnd + 4);
  }
  if (readU32LE(bytes, bodyEnd) !== crc32(data)) {
    throw new DecodeError('DECODE_INVALID', 'gzip CRC32 does not match the data', bodyEnd);
  }
  return { data, protocol, fromPort, toPort };
}

/** A header plus room for `bodyLength` bytes and the trailer, which is filled in from `data`. */
function newMember(bodyLength: number, protocol: number, fromPort: number, toPort: number, data: Uint8Array): Uint8Array {
  // Not zeroed: every byte is written, here (header, trailer) or by the caller (body).
  const out = allocateMember(HEADER_LENGTH + bodyLength + TRAILER_LENGTH);
  out[0] = 0x1f;
  out[1] = 0x8b;
  out[2] = 0x08;
  out[3] = 0;
  out[4] = fromPort >>> 8;
  out[5] = fromPort & 0xff;
  out[6] = toPort >>> 8;
  out[7] = toPort & 0xff;
  out[8] = EXTRA_FLAGS;
  out[9] = protocol;
  const trailer = HEADER_LENGTH + bodyLength;
  writeU32LE(out, trailer, crc32(data));
  writeU32LE(out, trailer + 4, data.length);
  return out;
}

/** Members up to this size are cut from shared pages: an array of its own per message costs more than encoding it. */
const MAX_POOLED_MEMBER = 4096;
const PAGE_BYTES = 64 * 1024;
let page = Buffer.allocUnsafe(PAGE_BYTES);
let pageUsed = 0;

/** `length` bytes nobody else holds, not zeroed; a plain view, so later subarrays stay cheap. */
function allocateMember(length: number): Uint8Array {
  if (length > MAX_POOLED_MEMBER) return new Uint8Array(length);
  if (PAGE_BYTES - pageUsed < length) {
    page = Buffer.allocUnsafe(PAGE_BYTES);
    pageUsed = 0;
  }
  const out = new Uint8Array(page.buffer, page.byteOffset + pageUsed, length);
  pageUsed += length;
  return out;
}

/** The data of a body that is exactly one final stored block, as Java and we write it; else undefined. */
function readSingleStoredBlock(bytes: Uint8Array, bodyEnd: number): Uint8Array | undefined {
  const start = HEADER_LENGTH + STORED_BLOCK_HEADER_LENGTH;
  if (bodyEnd < start || bytes[HEADER_LENGTH] !== STORED_FINAL_BLOCK) return undefined;
  const length = readU16LE(bytes, HEADER_LENGTH + 1);
  if (length !== bodyEnd - start || readU16LE(bytes, HEADER_LENGTH + 3) !== (length ^ 0xffff)) return undefined;
  return bytes.subarray(start, bodyEnd);
}

/** node:zlib's result with `info: true`, which its typings do not describe. */
interface InflateInfo {
  readonly buffer: Buffer;
  readonly engine: { readonly bytesWritten: number };
}

function inflateBody(bytes: Uint8Array, bodyEnd: number): Uint8Array {
  const body = bytes.subarray(HEADER_LENGTH, bodyEnd);
  let result: InflateInfo;
  try {
    result = inflateRawSync(body, { maxOutputLength: MAX_UNCOMPRESSED_PAYLOAD, info: true }) as unknown as InflateInfo;
  } catch (e) {
    throw zlibError(e);
  }
  // The deflate stream must end exactly where the trailer begins; zlib ignores what follows it.
  if (result.engine.bytesWritten !== body.length) {
    throw new DecodeError(
      'DECODE_INVALID',
      `${body.length - result.engine.bytesWritten} bytes between the end of the deflate data and the gzip trailer`,
      HEADER_LENGTH + result.engine.bytesWritten,
    );
  }
  const { buffer } = result;
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function zlibError(e: unknown): I2cpError {
  const code = (e as { code?: unknown }).code;
  if (code === 'ERR_BUFFER_TOO_LARGE') return payloadTooLarge('inflated payload data', { cause: e });
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'Z_BUF_ERROR') return new DecodeError('DECODE_TRUNCATED', `deflate data ends early (${message})`, HEADER_LENGTH, { cause: e });
  return new DecodeError('DECODE_INVALID', `bad deflate data (${message})`, HEADER_LENGTH, { cause: e });
}

function checkRange(value: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) throw new EncodeError(`${what} must be an integer 0..${max}, got ${value}`);
}

function writeU16LE(out: Uint8Array, at: number, value: number): void {
  out[at] = value & 0xff;
  out[at + 1] = value >>> 8;
}

function writeU32LE(out: Uint8Array, at: number, value: number): void {
  out[at] = value & 0xff;
  out[at + 1] = (value >>> 8) & 0xff;
  out[at + 2] = (value >>> 16) & 0xff;
  out[at + 3] = value >>> 24;
}

function readU16LE(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function readU32LE(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}
