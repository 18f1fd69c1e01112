/** Structured logging: one record per event, level + message + fields, written to a sink. */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export interface LogRecord {
  readonly time: number;
  readonly level: Exclude<LogLevel, 'silent'>;
  readonly msg: string;
  readonly fields: LogFields;
}

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  /** Records below this level are dropped (default 'info'). */
  readonly level?: LogLevel;
  /** Where records go (default: one JSON line per record on stderr). */
  readonly sink?: (record: LogRecord) => void;
}

const rank: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * A logger that drops records below `level`. Callers pass only what is safe to show: the router stub
 * logs session ids, addresses and reasons, never key material or passphrases.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = rank[options.level ?? 'info'];
  const sink = options.sink ?? writeJsonLine;
  const at =
    (level: Exclude<LogLevel, 'silent'>) =>
    (msg: string, fields: LogFields = {}): void => {
      if (rank[level] < threshold) return;
      try {
        sink({ time: Date.now(), level, msg, fields });
      } catch {
        // A failing sink must not take the router down with it.
      }
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

function writeJsonLine(record: LogRecord): void {
  process.stderr.write(`${JSON.stringify({ ...record.fields, time: new Date(record.time).toISOString(), level: record.level, msg: record.msg })}\n`);
}
