import { b32Address, destinationHash, fromBase64, fromHex, toBase64 } from '@i2cp/data';
import type { CommandSpec, ParsedArgs } from '../args.js';
import { usageError } from '../cli-error.js';
import type { Output } from '../output.js';
import { openSession, sessionOptionSpec, timeoutSignal } from '../session.js';

export const lookupSpec: CommandSpec = {
  name: 'lookup',
  summary: 'Resolve a host name, .b32.i2p address or destination hash through the router.',
  usage: 'i2cp lookup NAME|B32|HASH [--router HOST:PORT] [--dialect 2003|current] [--keys FILE] [--timeout S] [--json]',
  positionals: { min: 1, max: 1 },
  options: {
    ...sessionOptionSpec,
    timeout: { type: 'string', short: 't', value: 'S', default: '30', description: 'give up after S seconds' },
    json: { type: 'boolean', description: 'print JSON' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  examples: ['i2cp lookup bob', 'i2cp lookup stats.i2p --json', 'i2cp lookup ukeu3k5o….b32.i2p'],
};

/** A 32-byte hash in hex (64 digits) or base64 (44 characters) becomes bytes; anything else stays a name. */
function parseKey(text: string): string | Uint8Array {
  if (/^[0-9a-f]{64}$/i.test(text)) return fromHex(text);
  if (/^[A-Za-z0-9~+/-]{43}=$/.test(text)) return fromBase64(text.replace(/\+/g, '-').replace(/\//g, '~'));
  if (text.trim() === '') throw usageError('the name to look up is empty');
  return text;
}

export async function runLookup(args: ParsedArgs, out: Output): Promise<number> {
  const query = args.positionals[0]!;
  const key = parseKey(query);
  const signal = timeoutSignal(args, 30);
  // Lookups belong to a session; without --keys a throwaway destination asks.
  const { connection, session } = await openSession(args, false, signal);
  try {
    const destination = await session.lookup(key, signal ? { signal } : {});
    const b32 = b32Address(destination);
    const base64 = toBase64(destination.bytes);
    if (out.json) out.data('', { query, b32, hash: toBase64(destinationHash(destination)), base64 });
    else {
      out.data(b32);
      out.data(base64);
    }
    return 0;
  } finally {
    await connection.close();
  }
}
