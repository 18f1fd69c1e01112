import { b32Address, isI2cpError, toBase64 } from '@i2cp/data';
import type { ReceivedMessage } from '@i2cp/client';
import type { CommandSpec, ParsedArgs } from '../args.js';
import { intOpt } from '../args.js';
import type { Output } from '../output.js';
import { openSession, sessionOptionSpec, timeoutSignal } from '../session.js';
import { onInterrupt } from '../signals.js';

export const listenSpec: CommandSpec = {
  name: 'listen',
  summary: 'Receive messages for a destination and print each one.',
  usage: 'i2cp listen --keys FILE [--router HOST:PORT] [--dialect 2003|current] [-o key=value …] [--count N] [--timeout S] [--json]',
  options: {
    ...sessionOptionSpec,
    count: { type: 'string', short: 'n', value: 'N', description: 'stop after N messages' },
    timeout: { type: 'string', short: 't', value: 'S', description: 'stop after S seconds (exit 1 if --count was not reached)' },
    json: { type: 'boolean', description: 'one JSON object per message' },
    quiet: { type: 'boolean', short: 'q', description: 'no notices on stderr' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  examples: [
    'i2cp listen --keys bob.dat',
    'i2cp listen --keys bob.dat -o i2cp.stub.hostname=bob --count 1 --json',
  ],
};

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The payload as text when it is printable UTF-8, else undefined (printed as base64 instead). */
function asText(payload: Uint8Array): string | undefined {
  try {
    const text = strictUtf8.decode(payload);
    // eslint-disable-next-line no-control-regex -- control characters other than tab/newline mean binary data
    return /[\u0000-\u0008\u000b-\u001f\u007f]/.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

export function describeReceived(m: ReceivedMessage): Record<string, unknown> {
  const text = asText(m.payload);
  return {
    messageId: m.messageId,
    from: m.sender === undefined ? null : b32Address(m.sender),
    protocol: m.protocol,
    fromPort: m.fromPort,
    toPort: m.toPort,
    size: m.payload.length,
    ...(text !== undefined ? { text } : { base64: toBase64(m.payload) }),
  };
}

function formatReceived(m: ReceivedMessage, out: Output): string {
  const text = asText(m.payload);
  const from = m.sender === undefined ? 'unknown sender' : b32Address(m.sender);
  const ports = m.fromPort !== 0 || m.toPort !== 0 ? ` ports ${m.fromPort}→${m.toPort}` : '';
  const head = out.dim(`[${m.messageId}] from ${from} protocol ${m.protocol}${ports} ${m.payload.length} B:`);
  return `${head} ${text ?? `base64:${toBase64(m.payload)}`}`;
}

export async function runListen(args: ParsedArgs, out: Output): Promise<number> {
  const count = intOpt(args, 'count', 0, 1, Number.MAX_SAFE_INTEGER);
  const deadline = timeoutSignal(args);
  const { connection, session } = await openSession(args, true, deadline);
  out.notice(`listening as ${b32Address(session.destination)} on ${connection.routerVersion ?? 'a 2003 router'}`);
  const interrupt = onInterrupt();
  const signals = AbortSignal.any([interrupt.signal, ...(deadline ? [deadline] : [])]);
  let received = 0;
  try {
    for await (const m of session.messages({ signal: signals })) {
      out.data(formatReceived(m, out), describeReceived(m));
      received++;
      if (received === count) break;
    }
  } catch (e) {
    // A timeout or Ctrl-C ends listening; anything else is a failure.
    if (!(isI2cpError(e) && (e.code === 'TIMEOUT' || e.code === 'ABORTED'))) throw e;
  } finally {
    interrupt.dispose();
    await connection.close();
  }
  const closedBy = await session.closed;
  if (closedBy !== undefined && received !== count) throw closedBy;
  if (count > 0 && received < count) {
    out.error(`received ${received} of ${count} message(s) before the timeout`);
    return 1;
  }
  return 0;
}
