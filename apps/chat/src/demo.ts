import { Chat } from './chat.js';
import type { ChatEvent } from './chat.js';
import { startEchoBot } from './echo-bot.js';
import { formatHistory, formatReceived, formatSent, formatStatus, paint } from './format.js';
import { DEFAULT_PORT, startEmbeddedStub } from './router.js';
import { createTerminal } from './terminal.js';

/**
 * `pnpm start`: the chat on an embedded router stub, no I2P router needed. On a terminal you chat
 * as "you" with an echo bot; anywhere else a scripted conversation shows the same thing and exits 0.
 */
async function main(): Promise<number> {
  return process.stdin.isTTY && process.stdout.isTTY ? interactive() : scripted();
}

async function interactive(): Promise<number> {
  // 7654 lets `pnpm chat --name bob` in another terminal join; when it is taken, any free port.
  const stub = await startEmbeddedStub(DEFAULT_PORT).catch(() => startEmbeddedStub(0));
  const terminal = createTerminal();
  const connect = { transport: () => stub.connectMemory() };
  const bot = await startEchoBot({ dialect: 'current', connect });
  const you = await Chat.open({ name: 'you', dialect: 'current', connect, onEvent: terminal.show });
  you.current = 'echo';
  terminal.print(`* demo: an embedded router stub on 127.0.0.1:${stub.address.port}, no I2P router involved`);
  terminal.print(`* you are "you" at ${you.address}; type a line to talk to the echo bot, /help for commands`);
  if (stub.address.port === DEFAULT_PORT) terminal.print('* others can join: pnpm chat --name bob   (then /msg bob hi)');
  try {
    await terminal.run(you);
  } finally {
    await you.close();
    await bot.close();
    await stub.close();
  }
  return 0;
}

async function scripted(): Promise<number> {
  const c = paint(false);
  const stub = await startEmbeddedStub(0);
  const connect = { host: stub.address.host, port: stub.address.port };
  const say = (who: string) => (line: string) => {
    process.stdout.write(`${`[${who}]`.padEnd(8)} ${line}\n`);
  };
  const waiting: ((e: ChatEvent) => void)[] = [];
  const view = (who: string) => (event: ChatEvent) => {
    const out = say(who);
    switch (event.kind) {
      case 'sent':
        out(formatSent(event.message, who, c));
        break;
      case 'status':
        out(formatStatus(event.message, c));
        break;
      case 'received':
        out(formatReceived(event.message, c));
        for (const w of waiting.splice(0)) w(event);
        break;
      case 'notice':
        out(`* ${event.text}`);
        break;
      case 'closed':
        out(`* session ended: ${event.error.message}`);
        break;
    }
  };
  const received = (): Promise<unknown> => new Promise((resolve) => waiting.push(resolve));

  process.stdout.write(`i2cp-chat demo: a router stub on 127.0.0.1:${stub.address.port} (no I2P router), alice and bob connect over TCP\n\n`);
  const alice = await Chat.open({ name: 'alice', dialect: 'current', connect, onEvent: view('alice') });
  const bob = await Chat.open({ name: 'bob', dialect: 'current', connect, onEvent: view('bob') });
  try {
    let r = received();
    await alice.settled(alice.send('bob', 'hi bob! this went through the router stub'));
    await r;
    r = received();
    await bob.settled(bob.send('alice', 'hi alice, your signature checks out'));
    await r;
    const lost = alice.send('carol', 'carol, are you there?');
    await alice.settled(lost);
    say('demo')('* carol joins; alice types /retry');
    const carol = await Chat.open({ name: 'carol', dialect: 'current', connect, onEvent: view('carol') });
    r = received();
    await Promise.all(alice.retry().map((m) => alice.settled(m)));
    await r;
    await carol.close();
    process.stdout.write('\nalice /history:\n');
    for (const line of formatHistory(alice.history, alice.name, c)) process.stdout.write(`  ${line}\n`);
    const ok = lost.state === 'delivered';
    process.stdout.write(`\n${ok ? 'demo finished: every message delivered' : 'demo failed: a message was not delivered'}\n`);
    return ok ? 0 : 1;
  } finally {
    await alice.close();
    await bob.close();
    await stub.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`i2cp-chat demo: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
