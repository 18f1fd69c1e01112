/**
 * Tuning of the 2003 ElGamal + AES-256 session-tag scheme (datastructures rev 0.9 §6).
 * The spec fixes only the one-hour tag lifetime; the rest are this library's choices.
 */
export const E2E_DEFAULTS = {
  /** The receiver keeps a tag this long after receiving it (spec: one hour). */
  tagLifetimeMs: 60 * 60 * 1000,
  /** The sender stops using a tag earlier, leaving five minutes for the message to arrive. */
  senderTagLifetimeMs: 55 * 60 * 1000,
  /** Tags sent in one delivery. */
  tagsPerDelivery: 40,
  /**
   * A new delivery rides along when fewer usable (or on-their-way) tags than this remain. One
   * delivery's worth, so the next one is sent while 39 tags are still usable: they cover the round
   * trip until the router reports it (with 10, a sender faster than that round trip ran dry and fell
   * back to ElGamal blocks, whose cost delayed the report further). At most 79 tags per key are then
   * outstanding, far below what a receiver keeps (maxTagsPerKey).
   */
  lowTagThreshold: 40,
  /** A session key older than this is replaced (flag 1) with the next delivery of tags. */
  rekeyAfterMs: 10 * 60 * 1000,
  /** Receiver: tags kept per session key; the oldest are forgotten first. */
  maxTagsPerKey: 400,
  /** Receiver: tags kept in total, about 6 MB at most; the oldest are forgotten first. */
  maxTags: 20_000,
  /** Receiver: ElGamal blocks remembered for an hour to refuse replayed scenario 1 messages. */
  maxRememberedBlocks: 10_000,
  /** Sender: recipients remembered; the least recently used is forgotten first. */
  maxRecipients: 1_000,
} as const;

export const SESSION_KEY_LENGTH = 32;
export const SESSION_TAG_LENGTH = 32;
export const HASH_LENGTH = 32;
export const ELGAMAL_BLOCK_LENGTH = 514;
export const AES_BLOCK = 16;
/** SessionKey, then the 32 bytes whose hash gives the IV, then random padding to 222 bytes (as Java I2P). */
export const ELGAMAL_CLEARTEXT_LENGTH = 222;
