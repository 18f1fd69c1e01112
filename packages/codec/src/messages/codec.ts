/** The shape of one message's encoder and decoder; the dispatcher picks them by id and dialect. */
import type { Dialect, Reader, Writer } from '@i2cp/data';
import type { Message, MessageName } from './types.js';

export type MessageOf<N extends MessageName> = Extract<Message, { readonly type: N }>;

export interface MessageCodec<N extends MessageName = MessageName> {
  readonly name: N;
  /** Writes the body; `dialect` is one the catalogue lists for this message. */
  encode(w: Writer, message: MessageOf<N>, dialect: Dialect): void;
  /** Reads the body; the dispatcher checks that nothing is left over. */
  decode(r: Reader, dialect: Dialect): MessageOf<N>;
  /**
   * Optional fast path for hot messages: decodes a body whose layout checks out without
   * building a Reader, or returns undefined and leaves every error to `decode`.
   */
  decodeWellFormed?(body: Uint8Array, dialect: Dialect): MessageOf<N> | undefined;
}
