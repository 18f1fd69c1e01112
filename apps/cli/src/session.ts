import { connect } from '@i2cp/client';
import type { Connection, Session } from '@i2cp/client';
import { SigType, generateDestination } from '@i2cp/data';
import type { DestinationKeys, Dialect } from '@i2cp/data';
import type { OptionSpec, ParsedArgs } from './args.js';
import { listOpt, numberOpt, parseDialect, parseHostPort, parseSessionOptions, stringOpt } from './args.js';
import { usageError } from './cli-error.js';
import { loadKeys } from './keys.js';

/** The options every command that talks to a router as a client shares. */
export const routerOptions: OptionSpec = {
  router: { type: 'string', short: 'r', value: 'HOST:PORT', default: '127.0.0.1:7654', description: 'the I2CP router (or router stub)' },
  dialect: { type: 'string', value: '2003|current', default: 'current', description: 'protocol dialect: current for i2pd and Java I2P' },
};

export const sessionOptionSpec: OptionSpec = {
  keys: { type: 'string', short: 'k', value: 'FILE', description: 'private key file of the destination (i2cp keygen)' },
  ...routerOptions,
  option: { type: 'string', short: 'o', multiple: true, value: 'KEY=VALUE', description: 'session option, repeatable (e.g. -o inbound.length=1)' },
};

export interface RouterTarget {
  readonly host: string;
  readonly port: number;
  readonly dialect: Dialect;
}

export function routerTarget(args: ParsedArgs): RouterTarget {
  const { host, port } = parseHostPort(stringOpt(args, 'router'));
  const dialect = parseDialect(stringOpt(args, 'dialect'), false) as Dialect;
  return { host, port, dialect };
}

/** --timeout S as an AbortSignal; without the option, `defaultSeconds` or no bound at all. */
export function timeoutSignal(args: ParsedArgs, defaultSeconds?: number): AbortSignal | undefined {
  const seconds = stringOpt(args, 'timeout') === undefined ? defaultSeconds : numberOpt(args, 'timeout', 0, 0.001, 365 * 86_400);
  return seconds === undefined ? undefined : AbortSignal.timeout(seconds * 1000);
}

export interface OpenSession {
  readonly connection: Connection;
  readonly session: Session;
  readonly keys: DestinationKeys;
}

/**
 * Connects and creates a session with the keys of --keys (or throwaway keys when `keysRequired` is
 * false), the -o options and the dialect; the session is usable when this resolves.
 */
export async function openSession(args: ParsedArgs, keysRequired: boolean, signal: AbortSignal | undefined): Promise<OpenSession> {
  const target = routerTarget(args);
  const sessionOptions = parseSessionOptions(listOpt(args, 'option'));
  const file = stringOpt(args, 'keys');
  if (file === undefined && keysRequired) throw usageError('--keys FILE is required (create one with: i2cp keygen --out FILE)');
  const keys =
    file !== undefined
      ? await loadKeys(file)
      : generateDestination({ sigType: target.dialect === '2003' ? SigType.DSA_SHA1 : SigType.EdDSA_SHA512_Ed25519, encType: 0 });
  const connection = await connect({ host: target.host, port: target.port, dialect: target.dialect, ...(signal ? { signal } : {}) });
  try {
    const session = await connection.createSession({ keys, options: sessionOptions, ...(signal ? { signal } : {}) });
    return { connection, session, keys };
  } catch (e) {
    await connection.close();
    throw e;
  }
}
