import { I2cpError, sha256, utf8Encode } from '@i2cp/data';

/** AuthenticationKey of the 2003 draft: SHA-256 of the passphrase's UTF-8 bytes. */
export function authenticationKeyFor(passphrase: string): Uint8Array {
  if (passphrase.length === 0) throw new I2cpError('BAD_ARGUMENT', 'the passphrase is empty');
  return sha256(utf8Encode(passphrase));
}

/** A key given directly must be a whole SHA-256 hash; a copy is kept so the caller cannot change it later. */
export function checkAuthenticationKey(key: Uint8Array, what: string): Uint8Array {
  if (key.length !== 32) throw new I2cpError('BAD_ARGUMENT', `${what} must be 32 bytes (a SHA-256 hash), got ${key.length}`);
  return key.slice();
}

/** Either a passphrase or a ready key, exactly one. */
export type Credential = { readonly passphrase: string } | { readonly authenticationKey: Uint8Array };

export function keyOfCredential(credential: Credential, what: string): Uint8Array {
  return 'passphrase' in credential
    ? authenticationKeyFor(credential.passphrase)
    : checkAuthenticationKey(credential.authenticationKey, what);
}
