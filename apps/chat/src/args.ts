import { parseArgs } from 'node:util';
import { NAME_PATTERN } from './commands.js';

export interface ChatArgs {
  readonly name: string;
  readonly router: { host: string; port: number } | undefined;
  readonly dialect: 'current' | '2003';
  readonly keys: string | undefined;
}

export const USAGE = `i2cp-chat: a terminal chat between I2P destinations.

Usage: i2cp-chat --name NAME [--router HOST:PORT] [--dialect current|2003] [--keys FILE]

  --name NAME          your name; the router stub resolves it for the others
  --router HOST:PORT   the I2CP router (default 127.0.0.1:7654; when nothing answers there and
                       --router is not given, a router stub starts inside this chat)
  --dialect D          current (default: i2pd, Java I2P) or 2003
  --keys FILE          private key file of your destination (i2cp keygen); fresh keys otherwise
  -h, --help           this help

In the chat, /help lists the commands.`;

/** The command line, or a message for a usage error (exit 2). */
export function parseChatArgs(argv: readonly string[]): ChatArgs | { readonly help: true } | { readonly error: string } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        name: { type: 'string', short: 'n' },
        router: { type: 'string', short: 'r' },
        dialect: { type: 'string', default: 'current' },
        keys: { type: 'string', short: 'k' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  if (values['help'] === true) return { help: true };
  const name = values['name'];
  if (typeof name !== 'string') return { error: '--name NAME is required' };
  if (!NAME_PATTERN.test(name)) return { error: `--name: '${name}' is not a usable name (letters, digits, . - _; at most 64)` };
  const dialect = values['dialect'];
  if (dialect !== 'current' && dialect !== '2003') return { error: `--dialect must be current or 2003, got '${String(dialect)}'` };
  let router: ChatArgs['router'];
  const r = values['router'];
  if (typeof r === 'string') {
    const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(r);
    const port = m ? Number(m[3]) : NaN;
    if (!m || port < 1 || port > 65535) return { error: `--router expects HOST:PORT, got '${r}'` };
    router = { host: m[1] ?? m[2]!, port };
  }
  const keys = values['keys'];
  return { name, router, dialect, keys: typeof keys === 'string' ? keys : undefined };
}
