import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createRouterStub } from '@i2cp/router-stub';
import type { RouterStub } from '@i2cp/router-stub';
import { CHAT, DEMO, Tmux, hasTmux } from './helpers.js';

// The chat as a person uses it: a real terminal (tmux), keystrokes in, the screen read back.
if (!hasTmux) {
  if (process.env['CI'] !== undefined) throw new Error('tmux is required in CI for the chat end-to-end test');
  console.warn('\n*** SKIPPED: i2cp-chat end-to-end tests need tmux (apt-get install tmux) ***\n');
}

let stub: RouterStub;
let tmux: Tmux;

beforeAll(async () => {
  stub = await createRouterStub({ port: 0, logLevel: 'silent' });
});
afterAll(async () => {
  await stub.close();
});
afterEach(() => {
  tmux.kill();
});

const chat = (name: string): string => `node ${CHAT} --name ${name} --router 127.0.0.1:${stub.address.port}`;

describe.skipIf(!hasTmux)('i2cp-chat under tmux', () => {
  test('two people chat: names resolve through the stub, ticks show, the sender is verified', async () => {
    tmux = new Tmux();
    tmux.open('alice', chat('alice'));
    tmux.open('bob', chat('bob'));
    const aliceIntro = await tmux.waitFor('alice', /you are alice at ([a-z2-7]{52})\.b32\.i2p/);
    const aliceB32 = /you are alice at ([a-z2-7]{52})\.b32\.i2p/.exec(aliceIntro)![1]!;
    await tmux.waitFor('bob', /you are bob at/);

    tmux.type('alice', '/msg bob hello bob, how are you?');
    await tmux.waitFor('alice', /✓ delivered to bob: "hello bob, how are you\?"/);
    // The sender's short b32 comes from the signature the router checked, not from the text.
    const bobScreen = await tmux.waitFor('bob', /alice \(\S+\): hello bob, how are you\?/);
    expect(bobScreen).toContain(`alice (${aliceB32.slice(0, 6)}…${aliceB32.slice(46)})`);

    // Plain text goes to whoever wrote last.
    tmux.type('bob', 'fine, thanks');
    await tmux.waitFor('bob', /✓ delivered to alice: "fine, thanks"/);
    await tmux.waitFor('alice', /bob \(\S+\): fine, thanks/);

    tmux.type('alice', '/who');
    await tmux.waitFor('alice', /bob \(current\)\s+\S+\s+wrote to you/);
  });

  test('a failed message shows ✗ with the reason, is kept, and /retry delivers it once the peer is there', async () => {
    tmux = new Tmux();
    tmux.open('alice', chat('alice2'));
    await tmux.waitFor('alice', /you are alice2 at/);
    tmux.type('alice', '/msg carol are you there?');
    await tmux.waitFor('alice', /✗ failed to carol: "are you there\?" LOOKUP_FAILED.*\/retry to resend/);

    // What is being typed when a message arrives stays on the prompt line.
    tmux.open('carol', chat('carol'));
    await tmux.waitFor('carol', /you are carol at/);
    tmux.type('alice', 'half a sent', false);
    tmux.type('carol', '/msg alice2 I am here now');
    const screen = await tmux.waitFor('alice', /carol \(\S+\): I am here now/);
    expect(screen.trimEnd().split('\n').at(-1)).toBe('alice2> half a sent');
    tmux.type('alice', 'ence', false);
    tmux.type('alice', '', true);
    await tmux.waitFor('carol', /alice2 \(\S+\): half a sentence/);

    tmux.type('alice', '/retry');
    await tmux.waitFor('alice', /✓ delivered to carol: "are you there\?"/);
    await tmux.waitFor('carol', /alice2 \(\S+\): are you there\?/);

    tmux.type('alice', '/history');
    const history = await tmux.waitFor('alice', /alice2 → carol: are you there\? ✓/);
    expect(history).toMatch(/carol \(\S+\): I am here now/);

    tmux.type('alice', '/quit');
    await tmux.waitFor('carol', /carol>/);
  });

  test('bad arguments: exit 2 with the reason', async () => {
    tmux = new Tmux();
    tmux.open('bad', `node ${CHAT} --name 'a b'; echo "exit=$?"; sleep 30`);
    const screen = await tmux.waitFor('bad', /exit=\d/);
    expect(screen).toMatch(/not a usable name/);
    expect(screen).toContain('exit=2');
  });
});

async function portIsFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => {
      resolve(false);
    });
    server.listen(port, '127.0.0.1', () => {
      server.close(() => {
        resolve(true);
      });
    });
  });
}

describe.skipIf(!hasTmux)('pnpm start on a terminal', () => {
  test('you chat with the echo bot on the embedded router stub, then /quit ends the demo with exit 0', async () => {
    tmux = new Tmux();
    tmux.open('demo', `node ${DEMO}; echo "exit=$?"; sleep 30`);
    await tmux.waitFor('demo', /type a line to talk to the echo bot/);
    tmux.type('demo', 'hello echo');
    await tmux.waitFor('demo', /✓ delivered to echo: "hello echo"/);
    await tmux.waitFor('demo', /echo \(\S+\): echo: hello echo/);
    tmux.type('demo', '/quit');
    const screen = await tmux.waitFor('demo', /exit=\d/);
    expect(screen).toContain('exit=0');
  });
});

describe.skipIf(!hasTmux)('i2cp-chat with no router', () => {
  test('the first chat starts an embedded router stub on 127.0.0.1:7654 and the second joins it', async (ctx) => {
    if (!(await portIsFree(7654))) {
      console.warn('*** SKIPPED: 127.0.0.1:7654 is taken, so the embedded-router test cannot run ***');
      ctx.skip();
    }
    tmux = new Tmux();
    tmux.open('alice', `node ${CHAT} --name alice3`);
    await tmux.waitFor('alice', /started an embedded router stub there/);
    await tmux.waitFor('alice', /you are alice3 at/);
    tmux.open('bob', `node ${CHAT} --name bob3`);
    await tmux.waitFor('bob', /using the router at 127\.0\.0\.1:7654/);
    tmux.type('bob', '/msg alice3 joined you');
    await tmux.waitFor('alice', /bob3 \(\S+\): joined you/);
    await tmux.waitFor('bob', /✓ delivered to alice3/);

    // alice leaves and her router with her: bob starts one of his own, keeps his address and history.
    const bobAddress = /you are bob3 at (\S+)/.exec(tmux.screen('bob'))![1]!;
    tmux.type('alice', '/quit');
    await tmux.waitFor('bob', /the router ended the session/);
    await tmux.waitFor('bob', /back as bob3/);
    expect(tmux.screen('bob')).toMatch(/started an embedded router stub there/);
    tmux.open('carol', `node ${CHAT} --name carol3`);
    await tmux.waitFor('carol', /using the router at 127\.0\.0\.1:7654/);
    tmux.type('carol', '/msg bob3 still there?');
    await tmux.waitFor('bob', /carol3 \(\S+\): still there\?/);
    tmux.type('bob', '/who');
    await tmux.waitFor('bob', new RegExp(`you are bob3 at ${bobAddress.replace(/\./g, '\\.')}`));
    tmux.type('bob', '/history');
    await tmux.waitFor('bob', /bob3 → alice3: joined you ✓/);
  });
});
