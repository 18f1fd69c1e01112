export { E2eEncryptor } from './encryptor.js';
export type { E2eEncryptorOptions, SealedMessage } from './encryptor.js';
export { E2eDecryptor } from './decryptor.js';
export type { E2eDecryptorOptions } from './decryptor.js';
export { E2E_DEFAULTS } from './constants.js';
