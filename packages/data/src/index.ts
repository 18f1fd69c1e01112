// Public API of @i2cp/data. Every export is named here; everything else is internal.

// --- errors and bytes
export { I2cpErrorCode, I2cpError, DecodeError, EncodeError, isI2cpError, toI2cpError } from './errors.js';
export { Reader, Writer, utf8Encode, utf8Decode, bytesEqual, concatBytes, toHex, fromHex } from './bytes.js';

// --- key and signature types
export { SigType, EncType, sigTypeInfo, encTypeInfo } from './key-types.js';
export type {
  SigTypeInfo,
  EncTypeInfo,
  PublicKey,
  PrivateKey,
  SigningPublicKey,
  SigningPrivateKey,
  Signature,
} from './key-types.js';

// --- structures
export { CertificateType } from './structures/types.js';
export type {
  Dialect,
  Mapping,
  Certificate,
  KeyCertificate,
  KeysAndCert,
  Destination,
  RouterIdentity,
  Lease2003,
  Lease,
  Lease2,
  LeaseSet2003,
  LeaseSet,
  OfflineSignature,
  LeaseSet2,
  RouterAddress2003,
  RouterAddress,
  RouterSighting2003,
  RouterInfo2003,
  RouterInfo,
  SessionConfig,
  BandwidthClass,
  BandwidthLimits2003,
  BandwidthLimits,
} from './structures/types.js';

// --- crypto
export { sha256, sha1, randomBytes } from './crypto/hash.js';
export { DSA_P, DSA_Q, DSA_G, ELGAMAL_P, ELGAMAL_G } from './crypto/constants.js';
export { aes256CbcEncrypt, aes256CbcDecrypt } from './crypto/aes.js';
export { generateSigningKeys, signingPublicKeyFor, sign, verify, isSigTypeSupported } from './crypto/signing.js';
export { generateEncryptionKeys, encryptionPublicKeyFor, elgamalEncrypt, elgamalDecrypt } from './crypto/encryption.js';
export { ELGAMAL_BLOCK_LENGTH, ELGAMAL_MAX_DATA } from './crypto/elgamal.js';
export { x25519 } from './crypto/x25519.js';

// --- encodings
