import { createLogger, createRouterStub } from '@i2cp/router-stub';
import type { LogRecord, RouterAdminHandler, RouterStubOptions } from '@i2cp/router-stub';
import { createRouterAdmin } from '@i2cp/admin';
import type { CommandSpec, ParsedArgs } from '../args.js';
import { intOpt, numberOpt, parseDialect, stringOpt } from '../args.js';
import { usageError } from '../cli-error.js';
import type { Output } from '../output.js';
import { onInterrupt } from '../signals.js';
import type { Interrupt } from '../signals.js';

export const routerSpec: CommandSpec = {
  name: 'router',
  summary: 'Run the I2CP router stub: a local router that delivers between its own sessions (no I2P network).',
  usage:
    'i2cp router [--host H] [--port P] [--dialect auto|2003|current] [--data-dir DIR] [--hosts FILE] [--admin-passphrase-file FILE] [--session-timeout S] [--drop P --latency MS --jitter MS --seed N] [--log-level L] [--json] [--quiet]',
  options: {
    host: { type: 'string', value: 'HOST', default: '127.0.0.1', description: 'address to listen on' },
    port: { type: 'string', short: 'p', value: 'PORT', default: '7654', description: 'TCP port (0 = any free port)' },
    dialect: { type: 'string', value: 'auto|2003|current', default: 'auto', description: 'auto tells them apart by the first byte (0x2A = current)' },
    'data-dir': { type: 'string', value: 'DIR', description: 'where admin state is kept (required for admin)' },
    hosts: { type: 'string', value: 'FILE', description: 'hosts file of name=base64destination lines for HostLookup' },
    'admin-passphrase-file': {
      type: 'string',
      value: 'FILE',
      description: 'enable the 2003 admin messages with this passphrase (or set I2CP_ADMIN_PASSPHRASE)',
    },
    'session-timeout': { type: 'string', value: 'S', default: '300', description: 'seconds a 2003 session survives without its connection' },
    drop: { type: 'string', value: 'P', default: '0', description: 'simulated drop probability (0..1)' },
    latency: { type: 'string', value: 'MS', default: '0', description: 'simulated delivery latency' },
    jitter: { type: 'string', value: 'MS', default: '0', description: 'simulated latency jitter' },
    seed: { type: 'string', value: 'N', description: 'seed for the simulation (repeatable runs)' },
    'log-level': { type: 'string', value: 'LEVEL', default: 'info', description: 'debug, info, warn or error (the log goes to stderr)' },
    json: { type: 'boolean', description: 'the listening line and the log as JSON' },
    quiet: { type: 'boolean', short: 'q', description: 'no log (same as --log-level error)' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  examples: ['i2cp router', 'i2cp router --port 0 --dialect 2003', 'I2CP_ADMIN_PASSPHRASE=secret i2cp router --data-dir ./state'],
};

/** The stub's log goes to stderr (stdout carries only the listening line): JSON lines with --json, else one readable line per record. */
function logSink(out: Output): (record: LogRecord) => void {
  return (record) => {
    const fields = Object.entries(record.fields).filter(([, v]) => v !== undefined);
    if (out.json) out.log(JSON.stringify({ time: new Date(record.time).toISOString(), level: record.level, msg: record.msg, ...Object.fromEntries(fields) }));
    else {
      const level = record.level === 'error' ? out.red(record.level) : record.level === 'warn' ? out.yellow(record.level) : out.dim(record.level);
      out.log(`${new Date(record.time).toISOString()} ${level} ${record.msg}${fields.map(([k, v]) => ` ${k}=${String(v)}`).join('')}`);
    }
  };
}

export async function runRouter(args: ParsedArgs, out: Output): Promise<number> {
  const host = stringOpt(args, 'host') ?? '127.0.0.1';
  const port = intOpt(args, 'port', 7654, 0, 65535);
  const dialect = parseDialect(stringOpt(args, 'dialect'), true);
  const dataDir = stringOpt(args, 'data-dir');
  const passphraseFile = stringOpt(args, 'admin-passphrase-file');
  const logLevel = out.quiet ? 'error' : (stringOpt(args, 'log-level') ?? 'info');
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) throw usageError('--log-level must be debug, info, warn or error');
  if (passphraseFile !== undefined && dataDir === undefined) throw usageError('--admin-passphrase-file needs --data-dir DIR to keep the admin state in');
  const fromEnv = passphraseFile === undefined && process.env['I2CP_ADMIN_PASSPHRASE'] !== undefined;
  // The variable is also what admin clients read, so it may be set by chance: without --data-dir, say so and go on.
  if (fromEnv && dataDir === undefined) out.warn('I2CP_ADMIN_PASSPHRASE is set but admin stays off: it needs --data-dir DIR');
  const seedText = stringOpt(args, 'seed');
  const seed = seedText === undefined ? undefined : intOpt(args, 'seed', 0, 0, 2 ** 31 - 1);

  const admin: RouterAdminHandler | undefined =
    dataDir !== undefined && (passphraseFile !== undefined || fromEnv)
      ? createRouterAdmin({ dataDir, ...(passphraseFile !== undefined ? { passphraseFile } : { passphraseEnv: 'I2CP_ADMIN_PASSPHRASE' }) })
      : undefined;
  const hostsFile = stringOpt(args, 'hosts');

  const options: RouterStubOptions = {
    host,
    port,
    dialect,
    sessionTimeoutMs: intOpt(args, 'session-timeout', 300, 1, 86_400) * 1000,
    simulation: {
      dropProbability: numberOpt(args, 'drop', 0, 0, 1),
      latencyMs: numberOpt(args, 'latency', 0, 0, 60_000),
      jitterMs: numberOpt(args, 'jitter', 0, 0, 60_000),
      ...(seed !== undefined ? { seed } : {}),
    },
    ...(hostsFile !== undefined ? { hostsFile } : {}),
    ...(admin !== undefined ? { admin } : {}),
    logger: createLogger({ level: logLevel as 'debug' | 'info' | 'warn' | 'error', sink: logSink(out) }),
  };
  const interrupt = onInterrupt();
  try {
    return await serve(out, interrupt, options);
  } finally {
    interrupt.dispose();
  }
}

async function serve(out: Output, interrupt: Interrupt, options: RouterStubOptions): Promise<number> {
  const stub = await createRouterStub(options);
  const admin = options.admin;
  const dialect = options.dialect ?? 'auto';
  out.data(`i2cp router stub listening on ${stub.address.host}:${stub.address.port} (dialect ${dialect}${admin ? ', admin enabled' : ''})`, {
    listening: stub.address,
    dialect,
    admin: admin !== undefined,
  });

  const failure = await Promise.race([interrupt.interrupted, stub.closed]);
  if (failure !== undefined) {
    out.error(`the router stub stopped: ${failure.message}`);
    return 1;
  }
  out.info('stopping…');
  await stub.close();
  out.info('stopped');
  return 0;
}
