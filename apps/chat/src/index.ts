import { readFile } from 'node:fs/promises';
import { readPrivateKeyFile, toBase64 } from '@i2cp/data';
import type { DestinationKeys } from '@i2cp/data';
import { USAGE, parseChatArgs } from './args.js';
import { Chat } from './chat.js';
import { chooseRouter } from './router.js';
import { createTerminal } from './terminal.js';

async function main(argv: readonly string[]): Promise<number> {
  const args = parseChatArgs(argv);
  if ('help' in args) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if ('error' in args) {
    process.stderr.write(`i2cp-chat: ${args.error}\nRun 'i2cp-chat --help' for usage.\n`);
    return 2;
  }
  let keys: DestinationKeys | undefined;
  if (args.keys !== undefined) {
    try {
      keys = readPrivateKeyFile(new Uint8Array(await readFile(args.keys)));
    } catch (e) {
      process.stderr.write(`i2cp-chat: ${args.keys} is not a readable I2P private key file (${e instanceof Error ? e.message : String(e)})\n`);
      return 2;
    }
  }
  const terminal = createTerminal();
  const choice = await chooseRouter(args.router, args.dialect);
  terminal.print(`* ${choice.note}`);
  try {
    const chat = await Chat.open({ name: args.name, dialect: args.dialect, connect: choice.connect, onEvent: terminal.show, ...(keys ? { keys } : {}) });
    terminal.print(`* you are ${args.name} at ${chat.address}; /help for commands`);
    if (args.dialect === '2003') terminal.print(`* 2003 dialect: no lookups; others /add ${args.name} ${toBase64(chat.destination.bytes)}`);
    try {
      await terminal.run(chat);
      await chat.idle(5000);
    } finally {
      await chat.close();
    }
  } finally {
    await choice.embedded?.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`i2cp-chat: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
