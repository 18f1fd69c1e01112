import { createInterface } from 'node:readline';
import type { Interface } from 'node:readline';
import { clearLine, cursorTo } from 'node:readline';
import type { Chat, ChatEvent } from './chat.js';
import { HELP, parseChatLine } from './commands.js';
import { formatHistory, formatPeers, formatReceived, formatSent, formatStatus, paint } from './format.js';
import type { Paint } from './format.js';

export interface Terminal {
  /** Writes a line above the prompt, keeping what the person is typing. */
  readonly print: (line: string) => void;
  /** What the chat's events look like on screen. */
  readonly show: (event: ChatEvent) => void;
  /** Reads commands until /quit or Ctrl-D ('quit') or until the router ends the session ('closed'). */
  readonly run: (chat: Chat) => Promise<'quit' | 'closed'>;
}

export function createTerminal(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout): Terminal {
  const tty = output.isTTY === true;
  const c: Paint = paint(tty && process.env['NO_COLOR'] === undefined);
  let rl: Interface | undefined;
  let me = '';
  let ended: ((how: 'quit' | 'closed') => void) | undefined;

  const print = (line: string): void => {
    if (rl !== undefined && tty) {
      clearLine(output, 0);
      cursorTo(output, 0);
      output.write(`${line}\n`);
      rl.prompt(true);
    } else output.write(`${line}\n`);
  };

  const show = (event: ChatEvent): void => {
    switch (event.kind) {
      case 'sent':
        print(formatSent(event.message, me, c));
        return;
      case 'status':
        print(formatStatus(event.message, c));
        return;
      case 'received':
        print(formatReceived(event.message, c));
        return;
      case 'notice':
        print(c.dim(`* ${event.text}`));
        return;
      case 'closed':
        print(c.red(`* the router ended the session (${event.error.message})`));
        ended?.('closed');
        return;
    }
  };

  const handle = (chat: Chat, line: string): boolean => {
    const command = parseChatLine(line);
    switch (command.kind) {
      case 'empty':
        return true;
      case 'say':
        if (chat.current === undefined) print(c.red('* nobody to talk to yet: /msg NAME text first (/help)'));
        else chat.send(chat.current, command.text);
        return true;
      case 'msg':
        chat.send(command.to, command.text);
        return true;
      case 'add':
        try {
          const peer = chat.add(command.name, command.address);
          print(`* ${peer.name} is ${peer.b32 ?? ''}`);
        } catch (e) {
          print(c.red(`* cannot add ${command.name}: ${e instanceof Error ? e.message : String(e)}`));
        }
        return true;
      case 'who':
        for (const l of formatPeers(chat, chat.peers.values(), chat.current, c)) print(l);
        return true;
      case 'history':
        for (const l of formatHistory(chat.history, chat.name, c)) print(l);
        return true;
      case 'retry': {
        const n = chat.retry().length;
        if (n === 0) print('* nothing to retry');
        return true;
      }
      case 'help':
        for (const l of HELP.split('\n')) print(l);
        return true;
      case 'quit':
        return false;
      case 'invalid':
        print(c.red(`* ${command.message}`));
        return true;
    }
  };

  const run = async (chat: Chat): Promise<'quit' | 'closed'> => {
    me = chat.name;
    const lines = createInterface({ input, output, prompt: `${chat.name}> `, terminal: tty });
    rl = lines;
    const done = new Promise<'quit' | 'closed'>((resolve) => {
      ended = resolve;
      lines.on('close', () => {
        resolve('quit');
      });
      lines.on('line', (line) => {
        if (!handle(chat, line)) lines.close();
        else if (tty) lines.prompt();
      });
    });
    if (tty) lines.prompt();
    const how = await done;
    ended = undefined;
    rl = undefined;
    lines.close();
    return how;
  };

  return { print, show, run };
}
