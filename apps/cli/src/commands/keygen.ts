import { SigType, b32Address, generateDestination, toBase64, writePrivateKeyFile } from '@i2cp/data';
import type { CommandSpec, ParsedArgs } from '../args.js';
import { boolOpt, stringOpt } from '../args.js';
import { usageError } from '../cli-error.js';
import { loadKeys, saveKeyFile } from '../keys.js';
import type { Output } from '../output.js';

export const keygenSpec: CommandSpec = {
  name: 'keygen',
  summary: 'Generate a new destination and write its private key file.',
  usage: 'i2cp keygen --out FILE [--sig ed25519|dsa-sha1] [--force] [--json] [--quiet]',
  options: {
    out: { type: 'string', short: 'o', value: 'FILE', description: 'private key file to write (mode 0600)' },
    sig: {
      type: 'string',
      value: 'ed25519|dsa-sha1',
      default: 'ed25519',
      description: 'signature type: ed25519 for current routers, dsa-sha1 for the 2003 dialect',
    },
    force: { type: 'boolean', description: 'replace FILE if it exists' },
    json: { type: 'boolean', description: 'print JSON' },
    quiet: { type: 'boolean', short: 'q', description: 'no notices on stderr' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  examples: ['i2cp keygen --out alice.dat', 'i2cp keygen --out old.dat --sig dsa-sha1'],
};

export async function runKeygen(args: ParsedArgs, out: Output): Promise<number> {
  const file = stringOpt(args, 'out');
  if (file === undefined) throw usageError('--out FILE is required');
  const sig = stringOpt(args, 'sig') ?? 'ed25519';
  const sigType = sig === 'ed25519' ? SigType.EdDSA_SHA512_Ed25519 : sig === 'dsa-sha1' ? SigType.DSA_SHA1 : undefined;
  if (sigType === undefined) throw usageError(`--sig must be ed25519 or dsa-sha1, got '${sig}'`);
  const keys = generateDestination({ sigType, encType: 0 });
  await saveKeyFile(file, writePrivateKeyFile(keys), boolOpt(args, 'force'));
  const b32 = b32Address(keys.destination);
  out.data(b32, { file, b32, sigType: sig });
  out.info(`wrote ${file}`);
  return 0;
}

export const addressSpec: CommandSpec = {
  name: 'address',
  summary: 'Print the .b32.i2p address and base64 destination of a private key file.',
  usage: 'i2cp address FILE [--json]',
  positionals: { min: 1, max: 1 },
  options: {
    json: { type: 'boolean', description: 'print JSON' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
};

export async function runAddress(args: ParsedArgs, out: Output): Promise<number> {
  const keys = await loadKeys(args.positionals[0]!);
  const b32 = b32Address(keys.destination);
  const base64 = toBase64(keys.destination.bytes);
  if (out.json) out.data('', { b32, base64 });
  else {
    out.data(b32);
    out.data(base64);
  }
  return 0;
}
