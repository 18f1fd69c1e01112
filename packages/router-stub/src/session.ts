import { TRANSIENT_KEY_OPTION, offlineSignatureFromOptions } from '@i2cp/data';
import type { Destination, Dialect, Mapping, OfflineSignature } from '@i2cp/data';
import type { Connection } from './connection.js';

/** Who waits for a final MessageStatus about a message, and which codes to send. */
export interface Receipt {
  readonly sender: Session;
  readonly messageId: number;
  readonly nonce: number;
  /** 'queued': report when the recipient's router queue takes it; 'ended': when the recipient sends ReceiveMessageEnd. */
  readonly when: 'queued' | 'ended';
  readonly success: number;
  readonly failure: number;
}

/** A message kept for its recipient until ReceiveMessageEnd (slow mode, 2003, detached sessions). */
export interface HeldMessage {
  readonly id: number;
  readonly payload: Uint8Array;
  readonly receipt: Receipt | undefined;
}

export type Reliability = 'BestEffort' | 'Guaranteed' | 'none';

/**
 * One session. Kept small on purpose (the router must hold 10,000 of them in a few KiB each): the
 * option Mapping is reduced to the three options the router acts on, the Destination is a private
 * copy (never a view into a large network chunk), held messages are allocated only when needed.
 */
export class Session {
  connection: Connection | undefined;
  reliability: Reliability = 'BestEffort';
  fastReceive = false;
  hostname: string | undefined;
  /** `i2cp.leaseSetType` as the client set it (subsessions inherit it; type 5 needs an Ed25519/RedDSA Destination). */
  leaseSetType: string | undefined;
  /** True once a verified lease set arrived; only then can others send to it. */
  reachable = false;
  leaseSetOptions: Mapping | undefined;
  /** The offline keys the SessionConfig authorised (current dialect); its lease sets must use the same transient key. */
  offline: OfflineSignature | undefined;
  /** End of the leases last handed to the client; a new lease set is asked for before it. */
  leaseEnd = 0;
  leaseRequestPending = false;
  detachedAt = 0;
  held: Map<number, HeldMessage> | undefined;
  heldBytes = 0;
  inFlightBytes = 0;
  /** Connections whose reading is paused until this session's queue shrinks, and since when. */
  blockedSenders: Set<Connection> | undefined;
  blockedSince = 0;
  /** Its queue stayed full past the pause limit: senders are no longer paused for it, only refused. */
  stalled = false;
  /** The session this one sent to last: repeated sends skip hashing the recipient Destination. */
  lastRecipient: Session | undefined;
  floodWindowStart = 0;
  floodSender = -1;
  floodCount = 0;
  private lastMessageId = 0;

  readonly id: number;
  readonly dialect: Dialect;
  readonly destination: Destination;
  readonly hashKey: string;
  readonly hash: Uint8Array;

  constructor(id: number, dialect: Dialect, destination: Destination, hashKey: string, hash: Uint8Array) {
    this.id = id;
    this.dialect = dialect;
    this.destination = destination;
    this.hashKey = hashKey;
    this.hash = hash;
  }

  nextMessageId(): number {
    this.lastMessageId = this.lastMessageId >= 0xffffffff ? 1 : this.lastMessageId + 1;
    return this.lastMessageId;
  }

  /** Payload bytes waiting for this session anywhere in the router. */
  queuedBytes(): number {
    return this.heldBytes + this.inFlightBytes + (this.connection?.outputBytes ?? 0);
  }

  hold(message: HeldMessage): void {
    this.held ??= new Map();
    this.held.set(message.id, message);
    this.heldBytes += message.payload.length;
  }

  release(id: number): HeldMessage | undefined {
    const message = this.held?.get(id);
    if (message === undefined) return undefined;
    this.held!.delete(id);
    this.heldBytes -= message.payload.length;
    if (this.held!.size === 0) this.held = undefined;
    return message;
  }

  applyOptions(options: Mapping): void {
    const reliability = options.get('i2cp.messageReliability')?.toLowerCase();
    if (reliability !== undefined) {
      this.reliability = reliability === 'guaranteed' ? 'Guaranteed' : reliability === 'none' ? 'none' : 'BestEffort';
    }
    const fast = options.get('i2cp.fastReceive');
    if (fast !== undefined && this.dialect === 'current') this.fastReceive = fast.toLowerCase() === 'true';
    const hostname = options.get('i2cp.stub.hostname');
    if (hostname !== undefined) this.hostname = hostname.toLowerCase();
    if (this.dialect === 'current' && options.has(TRANSIENT_KEY_OPTION)) {
      this.offline = offlineSignatureFromOptions(options, this.destination.signingPublicKey.sigType);
    }
    const leaseSetType = options.get('i2cp.leaseSetType');
    if (leaseSetType !== undefined) this.leaseSetType = leaseSetType;
  }

  /**
   * A subsession starts from its primary's options, which its own then override (Java copies the
   * primary's options first). The stub's own `i2cp.stub.hostname` names one Destination and is not copied.
   */
  inheritFrom(primary: Session, own: Mapping): void {
    this.reliability = primary.reliability;
    this.fastReceive = primary.fastReceive;
    this.leaseSetType = primary.leaseSetType;
    this.applyOptions(own);
  }
}
