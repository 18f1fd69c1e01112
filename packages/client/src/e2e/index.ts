export { E2eEncryptor } from './encryptor.js';
export type { E2eEncryptorOptions, SealedMessage } from './encryptor.js';
export { E2eDecryptor } from './decryptor.js';
export type { E2eDecryptorOptions } from './decryptor.js';
export { E2E_DEFAULTS } from './constants.js';
export type { OpenedMessage, DecryptorState } from './decryptor.js';
export { encodeE2eState, decodeE2eState } from './state.js';
export { e2eStateFile } from './state-store.js';
export type { E2eStateStore } from './state-store.js';
