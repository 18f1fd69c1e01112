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

interface Opened {
  readonly section: AesSection;
  readonly key: Uint8Array;
  /** Set for scenario 1: identifies the ElGamal block, so a replay can be refused. */
  readonly blockId?: string;
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
    const now = this.now();
    this.expire(now);
    try {
      const opened = this.openWithTag(data) ?? this.openWithElGamal(data);
      if (opened.blockId !== undefined) this.rememberBlock(opened.blockId, now);
      this.remember(opened.section, opened.key, now);
      return opened.section.body;
    } catch (e) {
      if (isI2cpError(e) && e.code === 'DECRYPT_FAILED') throw e;
      throw new I2cpError('DECRYPT_FAILED', 'end-to-end decryption failed', { cause: e });
    }
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
    return { section: parseSection(plain.subarray(HASH_LENGTH)), key: known.key };
  }

  private openWithElGamal(data: Uint8Array): Opened {
    const rest = data.subarray(ELGAMAL_BLOCK_LENGTH);
    if (data.length < ELGAMAL_BLOCK_LENGTH + AES_BLOCK || rest.length % AES_BLOCK !== 0) {
      throw decryptFailed(`${data.length} bytes start with no known session tag and are no ElGamal block + AES`);
    }
    const block = data.subarray(0, ELGAMAL_BLOCK_LENGTH);
    const blockId = idOf(sha256(block));
    if (this.seenBlocks.has(blockId)) throw decryptFailed('replayed ElGamal block');
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
    for (const t of section.tags) {
      const id = idOf(t);
      this.take(id);
      const ofKey = this.tagsByKey.get(keyId);
      if (ofKey !== undefined && ofKey.size >= this.maxTagsPerKey) this.take(ofKey.values().next().value!);
      if (this.tags.size >= this.maxTags) this.take(this.tags.keys().next().value!);
      this.tags.set(id, { key, keyId, expires });
      const set = this.tagsByKey.get(keyId);
      if (set === undefined) this.tagsByKey.set(keyId, new Set([id]));
      else set.add(id);
    }
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
