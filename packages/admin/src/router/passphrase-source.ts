import { readFile } from 'node:fs/promises';
import { I2cpError, utf8Decode } from '@i2cp/data';

/** Where the operator's passphrase comes from; at most one. None configured disables admin. */
export interface PassphraseSource {
  /** For programs that already hold it; a command line should use a file or the environment instead. */
  readonly passphrase?: string;
  /** A UTF-8 file; one trailing line break is removed. */
  readonly passphraseFile?: string;
  /** The name of an environment variable holding it. */
  readonly passphraseEnv?: string;
}

export function checkPassphraseSource(source: PassphraseSource): void {
  const given = [source.passphrase, source.passphraseFile, source.passphraseEnv].filter((s) => s !== undefined);
  if (given.length > 1) {
    throw new I2cpError('BAD_ARGUMENT', 'give at most one of `passphrase`, `passphraseFile` and `passphraseEnv`');
  }
}

/** The configured passphrase, or undefined when none is configured. Never logs or echoes it. */
export async function readConfiguredPassphrase(source: PassphraseSource): Promise<string | undefined> {
  if (source.passphrase !== undefined) return nonEmpty(source.passphrase, 'the passphrase');
  if (source.passphraseFile !== undefined) {
    const path = source.passphraseFile;
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw new I2cpError('BAD_CONFIG', `cannot read the passphrase file ${path}: ${(error as Error).message}`, { cause: error });
    }
    let text: string;
    try {
      text = utf8Decode(bytes);
    } catch (error) {
      throw new I2cpError('BAD_CONFIG', `the passphrase file ${path} is not valid UTF-8`, { cause: error });
    }
    return nonEmpty(text.replace(/\r?\n$/, ''), `the passphrase file ${path}`);
  }
  if (source.passphraseEnv !== undefined) {
    const value = process.env[source.passphraseEnv];
    if (value === undefined) throw new I2cpError('BAD_CONFIG', `the environment variable ${source.passphraseEnv} is not set`);
    return nonEmpty(value, `the environment variable ${source.passphraseEnv}`);
  }
  return undefined;
}

function nonEmpty(passphrase: string, what: string): string {
  if (passphrase.length === 0) throw new I2cpError('BAD_CONFIG', `${what} is empty`);
  return passphrase;
}
