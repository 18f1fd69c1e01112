// The payload formats of the current dialect: gzip with protocol and ports, and datagrams.
export { Protocol, MAX_UNCOMPRESSED_PAYLOAD } from './protocol.js';
export { encodePayload, decodePayload } from './gzip-payload.js';
export type { Payload, PayloadOptions } from './gzip-payload.js';
export { encodeRepliableDatagram, decodeRepliableDatagram } from './repliable-datagram.js';
export type { RepliableDatagram, DatagramSigner } from './repliable-datagram.js';
export { encodeRawDatagram, decodeRawDatagram } from './raw-datagram.js';
export { encodeDatagram2, decodeDatagram2 } from './datagram2.js';
export type { Datagram2, Datagram2Signer, EncodeDatagram2Options, DecodeDatagram2Options } from './datagram2.js';
export { encodeDatagram3, decodeDatagram3 } from './datagram3.js';
export type { Datagram3, EncodeDatagram3Options } from './datagram3.js';
