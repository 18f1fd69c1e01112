import { readFile, writeFile } from 'node:fs/promises';
import { I2cpError, readPrivateKeyFile, toI2cpError } from '@i2cp/data';
import type { DestinationKeys } from '@i2cp/data';

/** Loads a standard I2P private key file (as Java I2P and i2pd write them). */
export async function loadKeys(file: string): Promise<DestinationKeys> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    throw toI2cpError(e, 'IO', `cannot read key file ${file}`);
  }
  try {
    return readPrivateKeyFile(bytes);
  } catch (e) {
    throw toI2cpError(e, 'BAD_KEY_FILE', `${file} is not an I2P private key file`);
  }
}

/** Writes a key file readable by its owner only; refuses to replace an existing file unless `force`. */
export async function saveKeyFile(file: string, bytes: Uint8Array, force: boolean): Promise<void> {
  try {
    await writeFile(file, bytes, { mode: 0o600, flag: force ? 'w' : 'wx' });
  } catch (e) {
    if ((e as { code?: string }).code === 'EEXIST') {
      throw new I2cpError('BAD_ARGUMENT', `${file} exists; use --force to replace it (its destination would be lost)`);
    }
    throw toI2cpError(e, 'IO', `cannot write ${file}`);
  }
}
