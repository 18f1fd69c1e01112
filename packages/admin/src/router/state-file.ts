import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { I2cpError } from '@i2cp/data';
import { INITIAL_STATE, stateFromJson, stateToJson, type AdminState } from './admin-state.js';

export const STATE_FILE_NAME = 'admin-state.json';

export function stateFilePath(dataDir: string): string {
  return join(dataDir, STATE_FILE_NAME);
}

/**
 * Reads the state; a missing file is a fresh router. Anything unreadable is STATE_CORRUPT and is
 * left in place for the operator to inspect: replacing it would silently drop their settings.
 */
export async function loadState(dataDir: string): Promise<AdminState> {
  const path = stateFilePath(dataDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return INITIAL_STATE;
    throw new I2cpError('IO', `cannot read the admin state ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return stateFromJson(text);
  } catch (error) {
    throw new I2cpError(
      'STATE_CORRUPT',
      `the admin state ${path} is corrupt (${(error as Error).message}); fix or remove it to start over`,
      { cause: error },
    );
  }
}

/**
 * Replaces the state atomically: a crash leaves either the old or the new file, never a mix.
 * The temp file is fsynced before the rename and the directory after it, so the rename itself
 * survives a power loss.
 */
export async function saveState(dataDir: string, state: AdminState): Promise<void> {
  const path = stateFilePath(dataDir);
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const file = await open(temp, 'wx', 0o600);
    try {
      await file.writeFile(stateToJson(state), 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
    await syncDirectory(dataDir);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new I2cpError('IO', `cannot write the admin state ${path}: ${(error as Error).message}`, { cause: error });
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Some platforms (Windows) cannot open a directory for fsync; the rename is then as durable as the OS makes it.
  const handle = await open(dir, 'r').catch(() => undefined);
  if (handle === undefined) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}
