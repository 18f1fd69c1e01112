/**
 * Structures the vectors share, each as annotated hex and as the object it decodes to.
 * Key, padding and signature bytes are arbitrary fill: the codec never verifies signatures.
 */
import type { Destination, SessionConfig } from '@i2cp/data';
import { ascii, hex, rep } from './hex.js';

const bytesOf = (b: string, n: number): Uint8Array => new Uint8Array(n).fill(parseInt(b, 16));
const EMPTY = new Uint8Array(0);

/** ElGamal + DSA_SHA1, NULL certificate: the 2003 Destination, 387 bytes (I2CP-wire §2.5). */
export const DEST_DSA_HEX = `
  ${rep('11', 256)}  // PublicKey (ElGamal, 256)
  ${rep('22', 128)}  // SigningPublicKey (DSA, 128)
  00 00 00           // Certificate: NULL, length 0
`;
export const DEST_DSA: Destination = {
  publicKey: { encType: 0, bytes: bytesOf('11', 256) },
  padding: EMPTY,
  signingPublicKey: { sigType: 0, bytes: bytesOf('22', 128) },
  certificate: { type: 0, payload: EMPTY },
  bytes: hex`${DEST_DSA_HEX}`,
};

/** A second 2003 identity, used as a router (gateway, peer). */
export const ROUTER_DSA_HEX = `
  ${rep('cc', 256)}  // PublicKey (ElGamal, 256)
  ${rep('dd', 128)}  // SigningPublicKey (DSA, 128)
  00 00 00           // Certificate: NULL
`;
export const ROUTER_DSA: Destination = {
  publicKey: { encType: 0, bytes: bytesOf('cc', 256) },
  padding: EMPTY,
  signingPublicKey: { sigType: 0, bytes: bytesOf('dd', 128) },
  certificate: { type: 0, payload: EMPTY },
  bytes: hex`${ROUTER_DSA_HEX}`,
};

/** Ed25519 with crypto type 0 (what routers want today), 391 bytes (I2CP-wire §2.5 "pad 96"). */
export const DEST_ED_HEX = `
  ${rep('33', 256)}  // PublicKey field (ElGamal, unused)
  ${rep('44', 96)}   // padding
  ${rep('55', 32)}   // SigningPublicKey (Ed25519), right-aligned to byte 384
  05 00 04           // Certificate: KEY, length 4
  00 07 00 00        // sig type 7 (Ed25519), crypto type 0
`;
export const DEST_ED: Destination = {
  publicKey: { encType: 0, bytes: bytesOf('33', 256) },
  padding: bytesOf('44', 96),
  signingPublicKey: { sigType: 7, bytes: bytesOf('55', 32) },
  certificate: { type: 5, payload: Uint8Array.of(0, 7, 0, 0) },
  bytes: hex`${DEST_ED_HEX}`,
};

/** Mapping { inbound.length: "2" }. */
export const OPTIONS_HEX = `00 13  0e ${ascii('inbound.length')} 3d  01 ${ascii('2')} 3b  // Mapping, 19 bytes`;
export const OPTIONS = new Map([['inbound.length', '2']]);

/** 2003 SessionConfig: Destination, Mapping, DSA Signature (no Date). */
export const CONFIG_2003_HEX = `
  ${DEST_DSA_HEX}
  ${OPTIONS_HEX}
  ${rep('77', 40)}   // Signature (DSA, 40)
`;
export const CONFIG_2003: SessionConfig = {
  destination: DEST_DSA,
  options: OPTIONS,
  signature: { sigType: 0, bytes: bytesOf('77', 40) },
};

/** Current SessionConfig: Destination, Mapping, Date, Ed25519 Signature. */
export const CONFIG_CURRENT_HEX = `
  ${DEST_ED_HEX}
  ${OPTIONS_HEX}
  00 00 01 8b cf e5 68 00  // Date 1700000000000
  ${rep('78', 64)}   // Signature (Ed25519, 64)
`;
export const CONFIG_CURRENT: SessionConfig = {
  destination: DEST_ED,
  options: OPTIONS,
  date: 1700000000000,
  signature: { sigType: 7, bytes: bytesOf('78', 64) },
};

export const AUTH_KEY_HEX = rep('a5', 32);
export const AUTH_KEY = bytesOf('a5', 32);

export const fill = bytesOf;

/** I2CP-wire §5 derived example: stored-block gzip of "hi", protocol 17, ports 1234 → 5678, 25 bytes. */
export const GZIP_HI_HEX = '1f 8b 08 00 04 d2 16 2e 02 11 01 02 00 fd ff 68 69 ac 2a 93 d8 02 00 00 00';
export const GZIP_HI = hex`${GZIP_HI_HEX}`;

export const T0 = 1700000000000;
export const T0_HEX = '00 00 01 8b cf e5 68 00';
export const T1 = 1700000600000;
export const T1_HEX = '00 00 01 8b cf ee 8f c0';
