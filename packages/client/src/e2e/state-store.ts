import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { I2cpError } from '@i2cp/data';

/**
 * Where a 2003 session keeps its end-to-end receiving state (session tags), so that a new process
 * resuming the session can read the messages the router kept for it. Synchronous on purpose: the
 * state must be durable before the ReceiveMessageEnd that follows a save is written.
 */
export interface E2eStateStore {
  /** The last saved state, or undefined when nothing was saved yet. */
  load(): Uint8Array | undefined;
  /** Replaces the saved state; durable once it returns. Throws an I2cpError ('IO') when it cannot. */
  save(state: Uint8Array): void;
}

/**
 * A store in one file, replaced atomically (written to a temporary file, fsynced, renamed, the
 * directory fsynced): a crash or SIGKILL leaves the old state or the new one, never a mix. The
 * file is created with mode 0600: it holds session keys. One live process per file.
 */
export function e2eStateFile(path: string): E2eStateStore {
  if (typeof path !== 'string' || path.length === 0) throw new TypeError('the end-to-end state file must be a non-empty path');
  return {
    load(): Uint8Array | undefined {
      try {
        return new Uint8Array(readFileSync(path));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new I2cpError('IO', `cannot read the end-to-end state ${path}: ${(error as Error).message}`, { cause: error });
      }
    },
    save(state: Uint8Array): void {
      const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        const fd = openSync(temp, 'wx', 0o600);
        try {
          for (let at = 0; at < state.length; ) at += writeSync(fd, state, at);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        renameSync(temp, path);
      } catch (error) {
        removeQuietly(temp);
        throw new I2cpError('IO', `cannot write the end-to-end state ${path}: ${(error as Error).message}`, { cause: error });
      }
      syncDirectory(dirname(path));
    },
  };
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Nothing was created there (the directory itself is missing or not a directory).
  }
}

function syncDirectory(dir: string): void {
  // Some platforms (Windows) cannot open a directory for fsync; the rename is then as durable as the OS makes it.
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // as above
  } finally {
    closeSync(fd);
  }
}
