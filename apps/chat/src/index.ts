import { readFile } from 'node:fs/promises';
import { SigType, generateDestination, readPrivateKeyFile, toBase64 } from '@i2cp/data';
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
  // Fixed keys keep the address when the chat has to find a router again.
  const identity = keys ?? generateDestination({ sigType: args.dialect === '2003' ? SigType.DSA_SHA1 : SigType.EdDSA_SHA512_Ed25519, encType: 0 });
  let previous: Chat | undefined;
  let how: 'quit' | 'closed' = 'quit';
  let quickEnds = 0;
  for (;;) {
    const choice = await chooseRouter(args.router, args.dialect);
    terminal.print(`* ${choice.note}`);
    try {
      const chat = await Chat.open({ name: args.name, dialect: args.dialect, connect: choice.connect, onEvent: terminal.show, keys: identity, ...(previous ? { previous } : {}) });
      if (previous === undefined) {
        terminal.print(`* you are ${args.name} at ${chat.address}; /help for commands`);
        if (args.dialect === '2003') terminal.print(`* 2003 dialect: no lookups; others /add ${args.name} ${toBase64(chat.destination.bytes)}`);
      } else terminal.print(`* back as ${args.name}; /retry resends what failed meanwhile`);
      previous = chat;
      const opened = Date.now();
      try {
        how = await terminal.run(chat);
        if (how === 'quit') await chat.idle(5000);
      } finally {
        await chat.close();
      }
      // With --router the choice was the person's; without, the router was only ever a convenience
      // (often another chat's embedded stub that just left), so find or start one again.
      if (how === 'quit' || args.router !== undefined) break;
      // A router that ends every session as soon as it starts would make this a loop: give up then.
      quickEnds = Date.now() - opened < 5000 ? quickEnds + 1 : 0;
      if (quickEnds >= 3) break;
    } finally {
      await choice.embedded?.close();
    }
  }
  return how === 'quit' ? 0 : 1;
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
