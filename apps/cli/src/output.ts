/** Where a command writes: data to stdout, progress and diagnostics to stderr; colour only on a TTY. */
export interface Output {
  readonly json: boolean;
  readonly quiet: boolean;
  /** A result line (or a JSON value with --json). */
  data(text: string, value?: unknown): void;
  /** Progress or status for a person; dropped with --quiet or --json. */
  info(text: string): void;
  /** A state other programs may wait for ("listening as …"), on stderr; dropped with --quiet only. */
  notice(text: string): void;
  /** A progress line redrawn in place; only on a TTY, never with --quiet or --json. done ends it. */
  progress(text: string, done?: boolean): void;
  /** A log line on stderr, written whatever --quiet or --json say (the caller filters by level). */
  log(text: string): void;
  warn(text: string): void;
  error(text: string): void;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
}

export interface OutputStreams {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export function createOutput(
  { json = false, quiet = false }: { json?: boolean; quiet?: boolean },
  streams: OutputStreams = { stdout: process.stdout, stderr: process.stderr },
): Output {
  const colour = streams.stderr.isTTY === true && process.env['NO_COLOR'] === undefined;
  const paint = (code: number) => (s: string) => (colour ? `\u001b[${code}m${s}\u001b[0m` : s);
  return {
    json,
    quiet,
    data(text, value) {
      streams.stdout.write(json && value !== undefined ? `${JSON.stringify(value)}\n` : `${text}\n`);
    },
    info(text) {
      if (!quiet && !json) streams.stderr.write(`${text}\n`);
    },
    notice(text) {
      if (!quiet) streams.stderr.write(`${text}\n`);
    },
    progress(text, done = false) {
      if (quiet || json || streams.stderr.isTTY !== true) return;
      streams.stderr.write(`\r\u001b[2K${text}${done ? '\n' : ''}`);
    },
    log(text) {
      streams.stderr.write(`${text}\n`);
    },
    warn(text) {
      streams.stderr.write(`${paint(33)('warning:')} ${text}\n`);
    },
    error(text) {
      streams.stderr.write(`${paint(31)('error:')} ${text}\n`);
    },
    green: paint(32),
    red: paint(31),
    yellow: paint(33),
    dim: paint(2),
  };
}
