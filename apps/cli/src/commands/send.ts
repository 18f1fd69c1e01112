import { b32Address, isI2cpError, parseB32Address, utf8Encode } from '@i2cp/data';
import type { SendOptions, SendResult, Session } from '@i2cp/client';
import type { CommandSpec, ParsedArgs } from '../args.js';
import { intOpt, stringOpt } from '../args.js';
import { usageError } from '../cli-error.js';
import { readInput } from '../input.js';
import type { Output } from '../output.js';
import { openSession, routerTarget, sessionOptionSpec, timeoutSignal } from '../session.js';
import { onInterrupt } from '../signals.js';

export const sendSpec: CommandSpec = {
  name: 'send',
  summary: 'Send a message to a destination and print its final delivery status.',
  usage:
    'i2cp send --keys FILE --to NAME|B32|BASE64 [--router HOST:PORT] [--dialect 2003|current] [-o key=value …] [--protocol P] [--from-port N] [--to-port N] [--reliability status|none] [--count N] [MESSAGE | --file F | -]',
  positionals: { min: 0, max: 1 },
  options: {
    ...sessionOptionSpec,
    to: { type: 'string', value: 'NAME|B32|BASE64', description: 'recipient: host name, .b32.i2p address or base64 destination' },
    file: { type: 'string', short: 'f', value: 'F', description: "send the contents of F ('-' for standard input)" },
    protocol: { type: 'string', value: 'P', default: '18', description: 'I2P protocol: 18 raw datagram, 17 repliable (signed) datagram (current dialect)' },
    'from-port': { type: 'string', value: 'N', default: '0', description: 'source port (current dialect)' },
    'to-port': { type: 'string', value: 'N', default: '0', description: 'destination port (current dialect)' },
    reliability: { type: 'string', value: 'status|none', default: 'status', description: "none: fire and forget, no delivery status" },
    count: { type: 'string', short: 'n', value: 'N', default: '1', description: 'send the message N times' },
    timeout: { type: 'string', short: 't', value: 'S', default: '60', description: 'give up after S seconds' },
    json: { type: 'boolean', description: 'one JSON object per status' },
    quiet: { type: 'boolean', short: 'q', description: 'print failures only' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  examples: [
    "i2cp send --keys alice.dat --to bob 'hello bob'",
    'i2cp send --keys alice.dat --to xyz….b32.i2p --file photo.jpg',
    'date | i2cp send --keys alice.dat --to bob --protocol 17 -',
    'i2cp send --keys alice.dat --to bob --count 1000 hi',
  ],
};

/** Sends in flight at once during a bulk send: enough to keep the router busy, bounded for memory. */
const WINDOW = 32;

async function readMessage(args: ParsedArgs): Promise<Uint8Array> {
  const file = stringOpt(args, 'file');
  const positional = args.positionals[0];
  if (file !== undefined && positional !== undefined) throw usageError('give the message either as an argument or with --file, not both');
  if (file !== undefined) return readInput(file);
  if (positional === undefined) throw usageError("the message is missing: give MESSAGE, --file F or '-' for standard input");
  return positional === '-' ? readInput('-') : utf8Encode(positional);
}

function sendOptionsOf(args: ParsedArgs): Omit<SendOptions, 'signal'> {
  const reliability = stringOpt(args, 'reliability') ?? 'status';
  if (reliability !== 'status' && reliability !== 'none') throw usageError(`--reliability must be status or none, got '${reliability}'`);
  return {
    protocol: intOpt(args, 'protocol', 18, 0, 255),
    fromPort: intOpt(args, 'from-port', 0, 0, 65535),
    toPort: intOpt(args, 'to-port', 0, 0, 65535),
    reliability,
  };
}

type Outcome = { readonly index: number; readonly result: SendResult } | { readonly index: number; readonly error: unknown };

export async function runSend(args: ParsedArgs, out: Output): Promise<number> {
  const to = stringOpt(args, 'to');
  if (to === undefined) throw usageError('--to NAME|B32|BASE64 is required');
  // A malformed address is a usage error, found before connecting.
  if (/\.b32\.i2p$/i.test(to)) parseB32Address(to);
  const count = intOpt(args, 'count', 1, 1, 10_000_000);
  const options = sendOptionsOf(args);
  if (routerTarget(args).dialect === '2003' && (options.protocol !== 18 || options.fromPort !== 0 || options.toPort !== 0)) {
    out.warn('the 2003 dialect has no protocol or ports: --protocol, --from-port and --to-port are ignored');
  }
  const data = await readMessage(args);
  const interrupt = onInterrupt();
  const deadline = timeoutSignal(args, 60);
  const signal = deadline ? AbortSignal.any([interrupt.signal, deadline]) : interrupt.signal;
  try {
    const { connection, session } = await openSession(args, true, signal);
    try {
      return await sendAll(session, to, data, count, { ...options, signal }, out);
    } finally {
      await connection.close();
    }
  } finally {
    interrupt.dispose();
  }
}

async function sendAll(session: Session, to: string, data: Uint8Array, count: number, options: SendOptions, out: Output): Promise<number> {
  const shownTo = to.length > 60 ? `${to.slice(0, 16)}…` : to;
  out.info(`sending ${count === 1 ? '' : `${count} × `}${data.length} B from ${b32Address(session.destination)} to ${shownTo}`);
  let failed = 0;
  let done = 0;
  let next = 0;
  const report = (o: Outcome): void => {
    done++;
    const label = count === 1 ? '' : `#${o.index + 1} `;
    if ('result' in o) {
      const { result } = o;
      if (!result.success) failed++;
      const line = `${label}${result.success ? out.green(result.name) : out.red(result.name)}${result.final ? '' : ' (fate unknown: the connection dropped)'}`;
      const value = { index: o.index, status: result.status ?? null, name: result.name, success: result.success, final: result.final, messageId: result.messageId ?? null };
      if (!out.quiet || !result.success) out.data(line, value);
    } else {
      failed++;
      const message = isI2cpError(o.error) ? `${o.error.message} [${o.error.code}]` : String(o.error);
      out.data(`${label}${out.red('not sent')}: ${message}`, { index: o.index, success: false, error: message, code: isI2cpError(o.error) ? o.error.code : null });
    }
    if (count > 1) out.progress(`${done}/${count} sent, ${failed} failed`, done === count);
  };
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      try {
        report({ index, result: await session.send(to, data, options) });
      } catch (error) {
        report({ index, error });
        // A send that could not even start (no router, unknown name, timeout) would fail for every copy.
        if (isI2cpError(error) && error.code !== 'SEND_FAILED') next = count;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(WINDOW, count) }, worker));
  if (count > 1) out.info(`${done - failed} of ${count} delivered${done < count ? `, ${count - done} not attempted` : ''}`);
  return failed > 0 || done < count ? 1 : 0;
}
