import { isI2cpError } from '@i2cp/data';
import type { CommandSpec, ParsedArgs } from './args.js';
import { formatHelp, parseCommandArgs } from './args.js';
import { ExitCode, exitCodeFor } from './cli-error.js';
import { createOutput } from './output.js';
import type { Output, OutputStreams } from './output.js';
import { commands } from './commands/index.js';

export interface Command {
  readonly spec: CommandSpec;
  readonly run: (args: ParsedArgs, out: Output) => Promise<number>;
}

function overview(): string {
  const width = Math.max(...commands.map((c) => c.spec.name.length));
  return [
    'i2cp: the I2P client protocol from the command line.',
    '',
    'Usage: i2cp <command> [options]   (i2cp <command> --help for details)',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.spec.name.padEnd(width)}  ${c.spec.summary}`),
    '',
    'The router stub (i2cp router) listens on 127.0.0.1:7654 by default, where real I2P routers listen too.',
  ].join('\n');
}

/** Runs one command line; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: readonly string[], streams?: OutputStreams): Promise<number> {
  const [name, ...rest] = argv;
  const plain = createOutput({}, streams);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    plain.data(overview());
    return name === undefined ? ExitCode.Usage : ExitCode.Ok;
  }
  if (name === '--version' || name === '-v') {
    plain.data('i2cp 0.1.0');
    return ExitCode.Ok;
  }
  const command = commands.find((c) => c.spec.name === name);
  if (!command) {
    plain.error(`unknown command '${name}'. Run 'i2cp --help' for the list.`);
    return ExitCode.Usage;
  }
  try {
    const args = parseCommandArgs(command.spec, rest);
    if (args.values['help'] === true) {
      plain.data(formatHelp(command.spec));
      return ExitCode.Ok;
    }
    const out = createOutput({ json: args.values['json'] === true, quiet: args.values['quiet'] === true }, streams);
    return await command.run(args, out);
  } catch (e) {
    plain.error(isI2cpError(e) ? `${e.message}${e.code === 'BAD_ARGUMENT' ? '' : ` [${e.code}]`}` : String(e));
    return exitCodeFor(e);
  }
}
