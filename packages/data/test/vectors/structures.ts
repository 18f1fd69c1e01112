/**
 * Golden encodings of common structures. Each says where it comes from; fields are
 * annotated. Hex may contain white space (fromHex ignores it).
 */

const repeat = (hexByte: string, n: number): string => hexByte.repeat(n);

/**
 * Ed25519 (sig type 7) Destination with crypto type 4, 391 bytes: the layout facts confirmed
 * against i2pd 2.45.1 (/work/shared/interop/i2pd.md): X25519 key in the first 32 bytes of the
 * 256-byte field, the 32-byte Ed25519 key right-aligned after 96 bytes of padding in the
 * 128-byte field, then `05 0004 0007 0004`. Key and padding bytes are arbitrary fill.
 */
export const ED25519_X25519_DESTINATION = {
  publicKey: repeat('11', 32), // X25519 key, left-aligned
  padding: repeat('aa', 224 + 96), // rest of the 256-byte field + the 96 bytes before the signing key
  signingPublicKey: repeat('22', 32), // Ed25519 key, ends at byte 384
  certificate: '05 0004 0007 0004', // KEY cert, length 4, sig type 7, crypto type 4
  get hex(): string {
    return this.publicKey + this.padding + this.signingPublicKey + this.certificate;
  },
};

/**
 * Ed25519 Destination with ElGamal crypto type (what routers want for Destinations, I2CP-wire
 * §2.5 "pad 96"): 256-byte ElGamal key, 96 bytes padding, 32-byte key, `05 0004 0007 0000`.
 */
export const ED25519_ELGAMAL_DESTINATION = {
  publicKey: repeat('33', 256),
  padding: repeat('bb', 96),
  signingPublicKey: repeat('44', 32),
  certificate: '05 0004 0007 0000',
  get hex(): string {
    return this.publicKey + this.padding + this.signingPublicKey + this.certificate;
  },
};

/** ElGamal + DSA_SHA1 with a NULL certificate: 387 bytes (I2CP-wire §2.5; the 2003 Destination). */
export const DSA_NULL_DESTINATION = {
  publicKey: repeat('55', 256),
  signingPublicKey: repeat('66', 128),
  certificate: '00 0000',
  get hex(): string {
    return this.publicKey + this.signingPublicKey + this.certificate;
  },
};

/**
 * ECDSA P521 (sig type 3) with ElGamal: the 132-byte key's first 128 bytes fill the signing
 * field, the last 4 go into the KEY certificate, which is 8 bytes long: 395 bytes in all
 * (common structures, "Key Certificates"; computed by hand from that layout).
 */
export const P521_DESTINATION = {
  publicKey: repeat('77', 256),
  signingKeyHead: repeat('88', 128),
  certificate: '05 0008 0003 0000 99999999', // excess signing key data: the key's last 4 bytes
  get hex(): string {
    return this.publicKey + this.signingKeyHead + this.certificate;
  },
};

/**
 * The GetDate authentication Mapping from I2CP-wire §9 ("GetDate + auth (u/p)"), computed
 * there from the spec: size 0x24, then `i2cp.password=p;` and `i2cp.username=u;`.
 */
export const GETDATE_AUTH_MAPPING = {
  entries: { 'i2cp.username': 'u', 'i2cp.password': 'p' },
  hex: '0024 0d 6932 6370 2e70 6173 7377 6f72 64 3d 01 70 3b 0d 6932 6370 2e75 7365 726e 616d 65 3d 01 75 3b',
};

/**
 * Java String.compareTo order with a character outside the BMP (computed by hand): U+1F600 is
 * the surrogate pair D83D DE00, which sorts before U+FFFF in UTF-16, although its UTF-8 form
 * (f0 9f 98 80) sorts after U+FFFF's (ef bf bf) and its code point is larger.
 */
export const NON_BMP_MAPPING = {
  entries: { '\uffff': '1', '\u{1f600}': '2' },
  hex: '0011 04 f09f9880 3d 01 32 3b 03 efbfbf 3d 01 31 3b',
};
