import { bytesEqual, EncType, elgamalDecrypt, I2cpError, isI2cpError, sha256, type PrivateKey } from '@i2cp/data';
import { decryptFailed, decryptSection, parseSection, type AesSection } from './aes-section.js';
import { AES_BLOCK, E2E_DEFAULTS, ELGAMAL_BLOCK_LENGTH, HASH_LENGTH, SESSION_KEY_LENGTH, SESSION_TAG_LENGTH } from './constants.js';

export interface E2eDecryptorOptions {
  /** Clock in ms (tests inject one). Default Date.now. */
  readonly now?: () => number;
  readonly tagLifetimeMs?: number;
  readonly maxTagsPerKey?: number;
  readonly maxTags?: number;
  readonly maxRememberedBlocks?: number;
}

interface KnownTag {
  readonly key: Uint8Array;
  readonly keyId: string;
  readonly expires: number;
}

const idOf = (bytes: Uint8Array): string => String.fromCharCode(...bytes);
const bytesOf = (id: string): Uint8Array => Uint8Array.from(id, (c) => c.charCodeAt(0));

interface Opened {
  readonly section: AesSection;
  readonly key: Uint8Array;
  /** Set for scenario 2: the tag it used, spent once the message is committed. */
  readonly tag?: { readonly id: string; readonly known: KnownTag };
  /** Set for scenario 1: identifies the ElGamal block, so a replay can be refused. */
  readonly blockId?: string;
}

/**
 * A decrypted message not yet settled. Until commit() its tag is held aside (not usable by another
 * message, but still part of snapshot()) and its ElGamal block is not yet remembered as seen, so a
 * new process restoring a snapshot can read the router's copy of the message again.
 */
export interface OpenedMessage {
  readonly body: Uint8Array;
  /** Session tags the message delivered; they are known from now on (and in every snapshot). */
  readonly tagsDelivered: number;
  /** The message is finished with: its tag is spent and its ElGamal block remembered. Idempotent. */
  commit(): void;
  /** It is not: its tag becomes usable again and its block may be read again. Idempotent; after commit() it does nothing. */
  release(): void;
}

/** What snapshot() holds and restore() takes back: known tags by SessionKey, and seen ElGamal blocks. */
export interface DecryptorState {
  readonly tags: readonly { readonly key: Uint8Array; readonly tag: Uint8Array; readonly expires: number }[];
  readonly blocks: readonly { readonly id: Uint8Array; readonly expires: number }[];
}

/**
 * Receiver side of the 2003 end-to-end encryption (datastructures §6): decrypts what an
 * E2eEncryptor (or any implementation of §6) sealed for this private key. A message opening with
 * a known tag is tried as scenario 2, and that tag is spent; anything else, or a scenario 2
 * attempt whose SessionKey hash does not match, is read as scenario 1. Tags live one hour, and so
 * does the memory of accepted ElGamal blocks, which refuses a replayed scenario 1 message.
 * Memory is bounded by `maxTagsPerKey`, `maxTags` and `maxRememberedBlocks` (oldest forgotten first).
 */
export class E2eDecryptor {
  private readonly privateKey: PrivateKey;
  private readonly now: () => number;
  private readonly tagLifetimeMs: number;
  private readonly maxTagsPerKey: number;
  private readonly maxTags: number;
  private readonly maxRememberedBlocks: number;
  /** By tag, in the order received (= expiry order). */
  private readonly tags = new Map<string, KnownTag>();
  /** Tag ids per SessionKey, oldest first. */
  private readonly tagsByKey = new Map<string, Set<string>>();
  /** SHA-256 of each ElGamal block accepted in the last hour → when it may be forgotten. */
  private readonly seenBlocks = new Map<string, number>();
  /** Tags of opened messages not yet committed or released. */
  private readonly pendingTags = new Map<string, KnownTag>();
  /** ElGamal blocks of opened messages not yet committed or released. */
  private readonly pendingBlocks = new Set<string>();

  constructor(privateKey: PrivateKey, options: E2eDecryptorOptions = {}) {
    if (privateKey.encType !== EncType.ElGamal) {
      throw new I2cpError('UNSUPPORTED_TYPE', `2003 end-to-end decryption needs an ElGamal key, not encryption type ${privateKey.encType}`);
    }
    this.privateKey = privateKey;
    this.now = options.now ?? Date.now;
    this.tagLifetimeMs = options.tagLifetimeMs ?? E2E_DEFAULTS.tagLifetimeMs;
    this.maxTagsPerKey = options.maxTagsPerKey ?? E2E_DEFAULTS.maxTagsPerKey;
    this.maxTags = options.maxTags ?? E2E_DEFAULTS.maxTags;
    this.maxRememberedBlocks = options.maxRememberedBlocks ?? E2E_DEFAULTS.maxRememberedBlocks;
  }

  /** Tags currently held (for diagnostics and tests). */
  get tagCount(): number {
    this.expire(this.now());
    return this.tags.size;
  }

  /** The payload; DECRYPT_FAILED for anything not sealed for this key, altered, or replayed on a spent tag. */
  decrypt(data: Uint8Array): Uint8Array {
    const opened = this.open(data);
    opened.commit();
    return opened.body;
  }

  /** Like decrypt(), but the tag is spent (and the block remembered) only at commit(); release() undoes the opening. */
  open(data: Uint8Array): OpenedMessage {
    const now = this.now();
    this.expire(now);
    let opened: Opened;
    try {
      opened = this.openWithTag(data) ?? this.openWithElGamal(data);
    } catch (e) {
      if (isI2cpError(e) && e.code === 'DECRYPT_FAILED') throw e;
      throw new I2cpError('DECRYPT_FAILED', 'end-to-end decryption failed', { cause: e });
    }
    const { tag, blockId } = opened;
    if (tag !== undefined) this.pendingTags.set(tag.id, tag.known);
    if (blockId !== undefined) this.pendingBlocks.add(blockId);
    this.remember(opened.section, opened.key, now);
    let settled = false;
    const settle = (commit: boolean): void => {
      if (settled) return;
      settled = true;
      if (tag !== undefined) this.pendingTags.delete(tag.id);
      if (blockId !== undefined) this.pendingBlocks.delete(blockId);
      if (commit) {
        if (blockId !== undefined) this.rememberBlock(blockId, this.now());
      } else if (tag !== undefined && tag.known.expires > this.now()) {
        this.restoreTag(tag.id, tag.known);
      }
    };
    return {
      body: opened.section.body,
      tagsDelivered: opened.section.tags.length,
      commit: () => {
        settle(true);
      },
      release: () => {
        settle(false);
      },
    };
  }

  /**
   * Everything needed to read, in another process, any message this one has not committed: the
   * known tags (with those of opened, uncommitted messages) and the ElGamal blocks seen. Expired
   * entries are left out.
   */
  snapshot(): DecryptorState {
    const now = this.now();
    this.expire(now);
    const tags = [];
    for (const [id, t] of [...this.tags, ...this.pendingTags]) {
      if (t.expires > now) tags.push({ key: t.key, tag: bytesOf(id), expires: t.expires });
    }
    const blocks = [];
    for (const [id, expires] of this.seenBlocks) blocks.push({ id: bytesOf(id), expires });
    return { tags, blocks };
  }

  /** Takes back a snapshot() (of a process that ended), normally into a fresh decryptor: its tags and seen blocks join what this one knows. */
  restore(state: DecryptorState): void {
    const now = this.now();
    for (const b of [...state.blocks].sort((x, y) => x.expires - y.expires)) {
      if (b.expires > now) this.rememberBlock(idOf(b.id), b.expires - this.tagLifetimeMs);
    }
    const entries: [string, KnownTag][] = [...this.tags];
    for (const t of state.tags) {
      if (t.expires > now) entries.push([idOf(t.tag), { key: t.key, keyId: idOf(t.key), expires: t.expires }]);
    }
    this.rebuild(entries);
  }

  private openWithTag(data: Uint8Array): Opened | undefined {
    if (data.length < SESSION_TAG_LENGTH) return undefined;
    const tag = data.subarray(0, SESSION_TAG_LENGTH);
    const known = this.take(idOf(tag));
    if (known === undefined) return undefined;
    const rest = data.subarray(SESSION_TAG_LENGTH);
    if (rest.length < HASH_LENGTH + AES_BLOCK || rest.length % AES_BLOCK !== 0) return undefined;
    const plain = decryptSection(known.key, sha256(tag).subarray(0, 16), rest);
    if (!bytesEqual(plain.subarray(0, HASH_LENGTH), sha256(known.key))) return undefined;
    return { section: parseSection(plain.subarray(HASH_LENGTH)), key: known.key, tag: { id: idOf(tag), known } };
  }

  private openWithElGamal(data: Uint8Array): Opened {
    const rest = data.subarray(ELGAMAL_BLOCK_LENGTH);
    if (data.length < ELGAMAL_BLOCK_LENGTH + AES_BLOCK || rest.length % AES_BLOCK !== 0) {
      throw decryptFailed(`${data.length} bytes start with no known session tag and are no ElGamal block + AES`);
    }
    const block = data.subarray(0, ELGAMAL_BLOCK_LENGTH);
    const blockId = idOf(sha256(block));
    if (this.seenBlocks.has(blockId) || this.pendingBlocks.has(blockId)) throw decryptFailed('replayed ElGamal block');
    const clear = elgamalDecrypt(this.privateKey, block);
    if (clear.length < SESSION_KEY_LENGTH + 32) throw decryptFailed('ElGamal block too short for a SessionKey and IV');
    const key = clear.slice(0, SESSION_KEY_LENGTH);
    const iv = sha256(clear.subarray(SESSION_KEY_LENGTH, SESSION_KEY_LENGTH + 32)).subarray(0, 16);
    return { section: parseSection(decryptSection(key, iv, rest)), key, blockId };
  }

  private rememberBlock(blockId: string, now: number): void {
    if (this.seenBlocks.size >= this.maxRememberedBlocks) this.seenBlocks.delete(this.seenBlocks.keys().next().value!);
    this.seenBlocks.set(blockId, now + this.tagLifetimeMs);
  }

  /** Tags arrive bound to the new SessionKey the message announces, else to the one it used. */
  private remember(section: AesSection, messageKey: Uint8Array, now: number): void {
    const key = section.newKey ?? messageKey;
    const keyId = idOf(key);
    const expires = now + this.tagLifetimeMs;
    for (const t of section.tags) this.add(idOf(t), { key, keyId, expires });
  }

  /** Adds (or renews) a tag as the newest, forgetting the oldest beyond the limits. */
  private add(id: string, known: KnownTag): void {
    this.take(id);
    const ofKey = this.tagsByKey.get(known.keyId);
    if (ofKey !== undefined && ofKey.size >= this.maxTagsPerKey) this.take(ofKey.values().next().value!);
    if (this.tags.size >= this.maxTags) this.take(this.tags.keys().next().value!);
    this.tags.set(id, known);
    const set = this.tagsByKey.get(known.keyId);
    if (set === undefined) this.tagsByKey.set(known.keyId, new Set([id]));
    else set.add(id);
  }

  /**
   * Puts a tag back where its expiry belongs: `tags` is kept in expiry order, which expire() and
   * the limits rely on. Rare (a released message, a restored snapshot), so a reorder may copy.
   */
  private restoreTag(id: string, known: KnownTag): void {
    this.add(id, known);
    let newest = -Infinity;
    let ordered = true;
    for (const t of this.tags.values()) {
      if (t.expires < newest) ordered = false;
      newest = Math.max(newest, t.expires);
    }
    if (!ordered) this.rebuild([...this.tags]);
  }

  /** Replaces the known tags with `entries`, in expiry order, within the limits (the newest are kept). */
  private rebuild(entries: [string, KnownTag][]): void {
    entries.sort(([, a], [, b]) => a.expires - b.expires);
    this.tags.clear();
    this.tagsByKey.clear();
    for (const [id, t] of entries) this.add(id, t);
  }

  /** Removes a tag and returns it (single use). */
  private take(id: string): KnownTag | undefined {
    const known = this.tags.get(id);
    if (known === undefined) return undefined;
    this.tags.delete(id);
    const ofKey = this.tagsByKey.get(known.keyId);
    ofKey?.delete(id);
    if (ofKey?.size === 0) this.tagsByKey.delete(known.keyId);
    return known;
  }

  private expire(now: number): void {
    for (const [id, t] of this.tags) {
      if (t.expires > now) break;
      this.take(id);
    }
    for (const [id, expires] of this.seenBlocks) {
      if (expires > now) break;
      this.seenBlocks.delete(id);
    }
  }
}
