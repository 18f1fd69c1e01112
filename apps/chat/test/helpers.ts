import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CHAT = fileURLToPath(new URL('../dist/index.js', import.meta.url));
export const DEMO = fileURLToPath(new URL('../dist/demo.js', import.meta.url));
if (!existsSync(CHAT) || !existsSync(DEMO)) throw new Error(`run 'pnpm --filter @i2cp/chat build' first (${CHAT})`);

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** A tmux server of our own (its own socket), so killing it touches nothing else. */
export class Tmux {
  readonly socket = `i2cp-chat-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  open(name: string, command: string): void {
    this.tmux('new-session', '-d', '-s', name, '-x', '120', '-y', '30', command);
  }

  /** Types a line as a person would, then Enter. */
  type(name: string, line: string, enter = true): void {
    this.tmux('send-keys', '-t', name, '-l', line);
    if (enter) this.tmux('send-keys', '-t', name, 'Enter');
  }

  screen(name: string): string {
    return this.tmux('capture-pane', '-p', '-t', name);
  }

  /** Polls the screen until it matches, also across wrapped lines (bounded); returns it; the last screen is in the error. */
  async waitFor(name: string, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < until) {
      last = this.screen(name);
      if (pattern.test(last) || pattern.test(last.replace(/\n/g, ''))) return last;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`screen ${name} never showed ${String(pattern)}:\n${last}`);
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}
