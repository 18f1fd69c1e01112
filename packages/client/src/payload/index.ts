// The payload formats of the current dialect: gzip with protocol and ports, and datagrams.
export { Protocol, MAX_UNCOMPRESSED_PAYLOAD } from './protocol.js';
export { encodePayload, decodePayload } from './gzip-payload.js';
export type { Payload, PayloadOptions } from './gzip-payload.js';
export { encodeRepliableDatagram, decodeRepliableDatagram } from './repliable-datagram.js';
export type { RepliableDatagram, DatagramSigner } from './repliable-datagram.js';
export { encodeRawDatagram, decodeRawDatagram } from './raw-datagram.js';
