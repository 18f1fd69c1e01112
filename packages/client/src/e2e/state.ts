import { bytesEqual, I2cpError, isI2cpError, Reader, utf8Encode, Writer } from '@i2cp/data';
import { HASH_LENGTH, SESSION_KEY_LENGTH, SESSION_TAG_LENGTH } from './constants.js';
import type { DecryptorState } from './decryptor.js';

/**
 * The saved receiving state of a 2003 session (session tags and seen ElGamal blocks), so that a
 * new process resuming the session can read the messages the router kept for it:
 *
 *   magic "I2CP-E2E" (8) ‖ version 1 (1) ‖ SHA-256 of the owning Destination (32)
 *   ‖ key count (4) ‖ per SessionKey: key (32) ‖ tag count (4) ‖ per tag: tag (32) ‖ expires, ms (8)
 *   ‖ block count (4) ‖ per ElGamal block: SHA-256 (32) ‖ expires, ms (8)
 *
 * It holds session keys: whoever reads it can read the messages those tags protect.
 */
const MAGIC = utf8Encode('I2CP-E2E');
const VERSION = 1;

export function encodeE2eState(owner: Uint8Array, state: DecryptorState): Uint8Array {
  const byKey = new Map<string, { key: Uint8Array; tags: { tag: Uint8Array; expires: number }[] }>();
  for (const t of state.tags) {
    const id = String.fromCharCode(...t.key);
    let group = byKey.get(id);
    if (group === undefined) byKey.set(id, (group = { key: t.key, tags: [] }));
    group.tags.push(t);
  }
  const w = new Writer(64 + state.tags.length * 40 + state.blocks.length * 40 + byKey.size * 36);
  w.bytes(MAGIC).u8(VERSION).fixed(owner, HASH_LENGTH, 'owner');
  w.u32(byKey.size);
  for (const { key, tags } of byKey.values()) {
    w.fixed(key, SESSION_KEY_LENGTH, 'session key').u32(tags.length);
    for (const t of tags) w.fixed(t.tag, SESSION_TAG_LENGTH, 'session tag').u64(t.expires);
  }
  w.u32(state.blocks.length);
  for (const b of state.blocks) w.fixed(b.id, HASH_LENGTH, 'block hash').u64(b.expires);
  return w.finish();
}

/** STATE_CORRUPT for anything that is not a state file of this version, or belongs to another Destination. */
export function decodeE2eState(owner: Uint8Array, bytes: Uint8Array): DecryptorState {
  try {
    const r = new Reader(bytes);
    if (!bytesEqual(r.bytesView(MAGIC.length, 'magic'), MAGIC)) throw new I2cpError('STATE_CORRUPT', 'not an end-to-end state (wrong magic)');
    const version = r.u8('version');
    if (version !== VERSION) throw new I2cpError('STATE_CORRUPT', `end-to-end state version ${version} is not supported`);
    if (!bytesEqual(r.bytesView(HASH_LENGTH, 'owner'), owner)) throw new I2cpError('STATE_CORRUPT', 'the end-to-end state belongs to another Destination');
    const tags: { key: Uint8Array; tag: Uint8Array; expires: number }[] = [];
    for (let keys = r.u32('key count'); keys > 0; keys--) {
      const key = r.bytesView(SESSION_KEY_LENGTH, 'session key').slice();
      for (let n = r.u32('tag count'); n > 0; n--) tags.push({ key, tag: r.bytesView(SESSION_TAG_LENGTH, 'session tag').slice(), expires: r.u64('expiry') });
    }
    const blocks: { id: Uint8Array; expires: number }[] = [];
    for (let n = r.u32('block count'); n > 0; n--) blocks.push({ id: r.bytesView(HASH_LENGTH, 'block hash').slice(), expires: r.u64('expiry') });
    r.end('end-to-end state');
    return { tags, blocks };
  } catch (error) {
    if (isI2cpError(error) && error.code === 'STATE_CORRUPT') throw error;
    throw new I2cpError('STATE_CORRUPT', `the end-to-end state is corrupt: ${(error as Error).message}`, { cause: error });
  }
}
