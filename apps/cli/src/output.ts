/** Where a command writes: data to stdout, progress and diagnostics to stderr; colour only on a TTY (and never with NO_COLOR). */
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
  const noColour = process.env['NO_COLOR'] !== undefined;
  const painter = (tty: boolean | undefined) => (code: number) => (s: string) => (tty === true && !noColour ? `\u001b[${code}m${s}\u001b[0m` : s);
  // green/red/… colour result lines, so they follow stdout; the error and warning prefixes follow stderr.
  const paint = painter(streams.stdout.isTTY);
  const paintErr = painter(streams.stderr.isTTY);
  // A progress line stands on the terminal until something else is written there: erase it first.
  let progressShown = false;
  const clearProgress = (): void => {
    if (!progressShown) return;
    progressShown = false;
    streams.stderr.write('\r\u001b[2K');
  };
  return {
    json,
    quiet,
    data(text, value) {
      clearProgress();
      streams.stdout.write(json && value !== undefined ? `${JSON.stringify(value)}\n` : `${text}\n`);
    },
    info(text) {
      clearProgress();
      if (!quiet && !json) streams.stderr.write(`${text}\n`);
    },
    notice(text) {
      if (!quiet) streams.stderr.write(`${text}\n`);
    },
    progress(text, done = false) {
      if (quiet || json || streams.stderr.isTTY !== true) return;
      streams.stderr.write(`\r\u001b[2K${text}${done ? '\n' : ''}`);
      progressShown = !done;
    },
    log(text) {
      streams.stderr.write(`${text}\n`);
    },
    warn(text) {
      streams.stderr.write(`${paintErr(33)('warning:')} ${text}\n`);
    },
    error(text) {
      clearProgress();
      streams.stderr.write(`${paintErr(31)('error:')} ${text}\n`);
    },
    green: paint(32),
    red: paint(31),
    yellow: paint(33),
    dim: paint(2),
  };
}
