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
export {
  readDate,
  writeDate,
  readString,
  writeString,
  readBoolean,
  writeBoolean,
  readHash,
  writeHash,
  readSessionKey,
  writeSessionKey,
  readSessionTag,
  writeSessionTag,
  readTunnelId,
  writeTunnelId,
  readPayload,
  writePayload,
  encode,
  decode,
} from './structures/primitives.js';
export { readMapping, writeMapping, sortMappingKeys, mappingFrom } from './structures/mapping.js';
export type { ReadMappingOptions } from './structures/mapping.js';
export {
  readPublicKey,
  writePublicKey,
  readPrivateKey,
  writePrivateKey,
  readSigningPublicKey,
  writeSigningPublicKey,
  readSigningPrivateKey,
  writeSigningPrivateKey,
  readSignature,
  writeSignature,
} from './structures/key-fields.js';
export {
  NULL_CERTIFICATE,
  readCertificate,
  writeCertificate,
  keyCertificate,
  parseKeyCertificate,
  certificateSigType,
  certificateEncType,
} from './structures/certificate.js';
export {
  readDestination,
  writeDestination,
  readRouterIdentity,
  writeRouterIdentity,
  createDestination,
  destinationHash,
  destinationFromBytes,
  samePublicKeyField,
} from './structures/destination.js';
export type { CreateDestinationOptions } from './structures/destination.js';
export { readLease2003, writeLease2003, readLease, writeLease, readLease2, writeLease2 } from './structures/lease.js';
export {
  MAX_LEASES,
  readLeaseSet2003,
  writeLeaseSet2003,
  leaseSet2003SignedBytes,
  readLeaseSet,
  writeLeaseSet,
  leaseSetSignedBytes,
} from './structures/lease-set.js';
export {
  LEASE_SET2_TYPE,
  LS2_FLAG_OFFLINE,
  MAX_LS2_KEYS,
  readLeaseSet2,
  writeLeaseSet2,
  leaseSet2SignedBytes,
  readOfflineSignature,
  writeOfflineSignature,
  offlineSignatureSignedBytes,
} from './structures/lease-set2.js';
export {
  readRouterAddress2003,
  writeRouterAddress2003,
  readRouterAddress,
  writeRouterAddress,
  readRouterSighting2003,
  writeRouterSighting2003,
  readRouterInfo2003,
  writeRouterInfo2003,
  routerInfo2003SignedBytes,
  readRouterInfo,
  writeRouterInfo,
  routerInfoSignedBytes,
} from './structures/router-info.js';
export { readSessionConfig, writeSessionConfig, sessionConfigSignedBytes, parseSigType } from './structures/session-config.js';
export {
  BANDWIDTH_LIMITS_COUNT,
  readBandwidthLimits2003,
  writeBandwidthLimits2003,
  readBandwidthLimits,
  writeBandwidthLimits,
} from './structures/bandwidth-limits.js';
export {
  signLeaseSet2003,
  verifyLeaseSet2003,
  signLeaseSet,
  verifyLeaseSet,
  signLeaseSet2,
  verifyLeaseSet2,
  signRouterInfo2003,
  verifyRouterInfo2003,
  signRouterInfo,
  verifyRouterInfo,
  signSessionConfig,
  verifySessionConfig,
} from './structures/signatures.js';
export type { UnsignedSessionConfig } from './structures/signatures.js';
export {
  OFFLINE_EXPIRATION_OPTION,
  OFFLINE_SIGNATURE_OPTION,
  TRANSIENT_KEY_OPTION,
  createOfflineSignature,
  verifyOfflineSignature,
  offlineSignatureOptions,
  offlineSignatureFromOptions,
} from './structures/offline.js';
export { generateOfflineKeys } from './keys/offline.js';
export type { OfflineKeys, GenerateOfflineKeysOptions } from './keys/offline.js';
export { generateDestination } from './keys/generate.js';
export type { DestinationKeys, GenerateDestinationOptions } from './keys/generate.js';
export { readPrivateKeyFile, writePrivateKeyFile } from './keys/private-key-file.js';
export type { OfflineKeyFile, ReadPrivateKeyFileOptions } from './keys/private-key-file.js';

// --- crypto
export { sha256, sha1, randomBytes } from './crypto/hash.js';
export { DSA_P, DSA_Q, DSA_G, ELGAMAL_P, ELGAMAL_G } from './crypto/constants.js';
export { aes256CbcEncrypt, aes256CbcDecrypt } from './crypto/aes.js';
export { generateSigningKeys, signingPublicKeyFor, sign, verify, isSigTypeSupported } from './crypto/signing.js';
export { generateEncryptionKeys, encryptionPublicKeyFor, elgamalEncrypt, elgamalDecrypt } from './crypto/encryption.js';
export { ELGAMAL_BLOCK_LENGTH, ELGAMAL_MAX_DATA } from './crypto/elgamal.js';
export { x25519 } from './crypto/x25519.js';

// --- encodings
export { toBase64, fromBase64 } from './encoding/base64.js';
export { toBase32, fromBase32 } from './encoding/base32.js';
export { b32Address, parseB32Address } from './encoding/b32-address.js';
export { parseDestinationString } from './encoding/destination-string.js';
