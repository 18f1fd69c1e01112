import { concatBytes, elgamalEncrypt, EncType, I2cpError, randomBytes, sha256, type PublicKey } from '@i2cp/data';
import { encryptSection } from './aes-section.js';
import { E2E_DEFAULTS, ELGAMAL_CLEARTEXT_LENGTH, SESSION_KEY_LENGTH, SESSION_TAG_LENGTH } from './constants.js';

export interface E2eEncryptorOptions {
  /** Clock in ms (tests inject one). Default Date.now. */
  readonly now?: () => number;
  readonly tagsPerDelivery?: number;
  readonly lowTagThreshold?: number;
  readonly rekeyAfterMs?: number;
  readonly senderTagLifetimeMs?: number;
  readonly maxRecipients?: number;
}

/** An encrypted message whose tags (and new key) the sender may use only once it has arrived. */
export interface SealedMessage {
  readonly data: Uint8Array;
  /** 1: ElGamal block + AES; 2: session tag + AES. */
  readonly scenario: 1 | 2;
  /** Tags (and a new session key) this message hands to the recipient. */
  readonly tagsDelivered: number;
  readonly rekeyed: boolean;
  /** The message reached the recipient: its tags and key become usable. Idempotent. */
  confirm(): void;
  /**
   * It did not: forget what it carried. A message sealed with a tag that failed may mean the
   * recipient lost its tags (a new process without the old one's state): then every tag for that
   * recipient is forgotten, so the next message opens with a fresh ElGamal block (scenario 1).
   * Idempotent; after confirm() it does nothing.
   */
  fail(): void;
}

interface Tag {
  readonly tag: Uint8Array;
  readonly key: Uint8Array;
  readonly usableUntil: number;
}

interface Outbound {
  key: Uint8Array;
  keySince: number;
  /** Usable tags, oldest first. */
  tags: Tag[];
  /** Tags sent in messages not yet confirmed or failed. */
  inFlight: number;
  rekeyInFlight: boolean;
}

const idOf = (k: PublicKey): string => String.fromCharCode(...k.bytes);

/**
 * Sender side of the 2003 end-to-end encryption (datastructures §6, "ElGamal + AES256"): per
 * recipient ElGamal public key it keeps a SessionKey and the tags it has delivered, and seals each
 * payload with a tag (scenario 2) when one is usable, else with an ElGamal block (scenario 1).
 * When fewer than `lowTagThreshold` tags remain it sends `tagsPerDelivery` new ones with the
 * message, under a new SessionKey (flag 1) once the key is older than `rekeyAfterMs`.
 */
export class E2eEncryptor {
  private readonly now: () => number;
  private readonly tagsPerDelivery: number;
  private readonly lowTagThreshold: number;
  private readonly rekeyAfterMs: number;
  private readonly senderTagLifetimeMs: number;
  private readonly maxRecipients: number;
  /** Least recently used first. */
  private readonly sessions = new Map<string, Outbound>();

  constructor(options: E2eEncryptorOptions = {}) {
    this.now = options.now ?? Date.now;
    this.tagsPerDelivery = options.tagsPerDelivery ?? E2E_DEFAULTS.tagsPerDelivery;
    this.lowTagThreshold = options.lowTagThreshold ?? E2E_DEFAULTS.lowTagThreshold;
    this.rekeyAfterMs = options.rekeyAfterMs ?? E2E_DEFAULTS.rekeyAfterMs;
    this.senderTagLifetimeMs = options.senderTagLifetimeMs ?? E2E_DEFAULTS.senderTagLifetimeMs;
    this.maxRecipients = options.maxRecipients ?? E2E_DEFAULTS.maxRecipients;
  }

  /**
   * Encrypts and at once counts the delivered tags as usable: right when the transport does not
   * lose messages (a 2003 router with guaranteed delivery). Otherwise use seal() and confirm().
   */
  encrypt(recipient: PublicKey, payload: Uint8Array): Uint8Array {
    const sealed = this.seal(recipient, payload);
    sealed.confirm();
    return sealed.data;
  }

  seal(recipient: PublicKey, payload: Uint8Array): SealedMessage {
    if (recipient.encType !== EncType.ElGamal) {
      throw new I2cpError('UNSUPPORTED_TYPE', `2003 end-to-end encryption needs an ElGamal key, not encryption type ${recipient.encType}`);
    }
    const now = this.now();
    const session = this.session(recipient, now);
    session.tags = session.tags.filter((t) => t.usableUntil > now);

    const rekey = !session.rekeyInFlight && now - session.keySince >= this.rekeyAfterMs;
    const deliver = rekey || session.tags.length + session.inFlight < this.lowTagThreshold;
    const tag = session.tags.shift();
    const messageKey = tag?.key ?? session.key;
    const batchKey = rekey ? randomBytes(SESSION_KEY_LENGTH) : session.key;
    const tags = deliver ? Array.from({ length: this.tagsPerDelivery }, () => randomBytes(SESSION_TAG_LENGTH)) : [];
    // Delivered tags belong to the key the message announces, or else to the key it is encrypted with.
    const newKey = deliver && batchKey !== messageKey ? batchKey : undefined;
    const section = { tags, newKey, body: payload };

    let data: Uint8Array;
    if (tag === undefined) {
      const preIv = randomBytes(32);
      const cleartext = concatBytes([messageKey, preIv, randomBytes(ELGAMAL_CLEARTEXT_LENGTH - SESSION_KEY_LENGTH - 32)]);
      const block = elgamalEncrypt(recipient, cleartext);
      data = concatBytes([block, encryptSection(messageKey, sha256(preIv).subarray(0, 16), section)]);
    } else {
      data = concatBytes([tag.tag, encryptSection(messageKey, sha256(tag.tag).subarray(0, 16), section, sha256(messageKey))]);
    }

    session.inFlight += tags.length;
    if (rekey) session.rekeyInFlight = true;
    let settled = false;
    const settle = (delivered: boolean): void => {
      if (settled) return;
      settled = true;
      session.inFlight -= tags.length;
      if (rekey) session.rekeyInFlight = false;
      if (!delivered) {
        if (tag !== undefined) this.forget(recipient, session);
        return;
      }
      if (rekey) {
        session.key = batchKey;
        session.keySince = now;
      }
      const usableUntil = now + this.senderTagLifetimeMs;
      for (const t of tags) session.tags.push({ tag: t, key: batchKey, usableUntil });
    };
    return {
      data,
      scenario: tag === undefined ? 1 : 2,
      tagsDelivered: tags.length,
      rekeyed: newKey !== undefined,
      confirm: () => {
        settle(true);
      },
      fail: () => {
        settle(false);
      },
    };
  }

  /** Usable tags for a recipient (for diagnostics and tests). */
  usableTags(recipient: PublicKey): number {
    const now = this.now();
    return this.sessions.get(idOf(recipient))?.tags.filter((t) => t.usableUntil > now).length ?? 0;
  }

  /** Forgets a recipient's key and tags (unless a newer session replaced `session` already). */
  private forget(recipient: PublicKey, session: Outbound): void {
    const id = idOf(recipient);
    if (this.sessions.get(id) === session) this.sessions.delete(id);
  }

  private session(recipient: PublicKey, now: number): Outbound {
    const id = idOf(recipient);
    let s = this.sessions.get(id);
    if (s === undefined) {
      s = { key: randomBytes(SESSION_KEY_LENGTH), keySince: now, tags: [], inFlight: 0, rekeyInFlight: false };
      if (this.sessions.size >= this.maxRecipients) {
        const oldest = this.sessions.keys().next();
        if (oldest.done !== true) this.sessions.delete(oldest.value);
      }
    } else {
      this.sessions.delete(id);
    }
    this.sessions.set(id, s);
    return s;
  }
}
