// Public API of @i2cp/client. Every export is named here; everything else is internal.

// --- connection and sessions
export { connect, Connection, CLIENT_VERSION } from './connection.js';
export type {
  ConnectOptions,
  CreateSessionOptions,
  ConnectionState,
  BandwidthLimitsResult,
  BandwidthLimitsOptions,
  CloseOptions,
} from './connection.js';
export { Session } from './session.js';
export type { SessionState } from './session.js';
export type { SessionKeys, OfflineKeys } from './session-keys.js';
export type { SendOptions, SendResult, ReceivedMessage, MessagesOptions, AbuseReport, SignalOptions } from './types.js';
export { SessionError, LookupError } from './errors.js';
export { messageStatusName, sessionStatusName, isSuccessStatus } from './status.js';
export type { ReconnectPolicy } from './backoff.js';
export type { Logger } from './logger.js';

// --- 2003 end-to-end receiving state (session tags kept across processes)
export { e2eStateFile } from './e2e/index.js';
export type { E2eStateStore } from './e2e/index.js';

// --- transports
export type { Transport } from './transport.js';
export { createTcpTransport } from './tcp-transport.js';
export type { TcpTransportOptions } from './tcp-transport.js';

// --- payload formats (current dialect)
export {
  Protocol,
  MAX_UNCOMPRESSED_PAYLOAD,
  encodePayload,
  decodePayload,
  encodeRepliableDatagram,
  decodeRepliableDatagram,
  encodeRawDatagram,
  decodeRawDatagram,
  encodeDatagram2,
  decodeDatagram2,
  encodeDatagram3,
  decodeDatagram3,
} from './payload/index.js';
export type {
  Payload,
  PayloadOptions,
  RepliableDatagram,
  DatagramSigner,
  Datagram2,
  Datagram2Signer,
  EncodeDatagram2Options,
  DecodeDatagram2Options,
  Datagram3,
  EncodeDatagram3Options,
} from './payload/index.js';
