import { parseArgs } from 'node:util';
import { usageError } from './cli-error.js';

export type OptionSpec = Record<
  string,
  { type: 'string' | 'boolean'; short?: string; multiple?: boolean; default?: string | boolean; description: string; value?: string }
>;

export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly options: OptionSpec;
  readonly positionals?: { min: number; max: number };
  readonly examples?: readonly string[];
}

export interface ParsedArgs {
  readonly values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  readonly positionals: string[];
}

/** Parses argv for one command; unknown options and wrong positional counts are BAD_ARGUMENT errors. */
export function parseCommandArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, o]) => [
      name,
      {
        type: o.type,
        ...(o.short !== undefined ? { short: o.short } : {}),
        ...(o.multiple !== undefined ? { multiple: o.multiple } : {}),
        ...(o.default !== undefined ? { default: o.default } : {}),
      },
    ]),
  );
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true }) as ParsedArgs;
  } catch (e) {
    throw usageError(`${e instanceof Error ? e.message : String(e)}\nRun 'i2cp ${spec.name} --help' for usage.`);
  }
  const { min, max } = spec.positionals ?? { min: 0, max: 0 };
  if (parsed.values['help'] !== true && (parsed.positionals.length < min || parsed.positionals.length > max)) {
    throw usageError(`'i2cp ${spec.name}' takes ${min === max ? min : `${min} to ${max}`} argument(s), got ${parsed.positionals.length}.\nUsage: ${spec.usage}`);
  }
  return parsed;
}

export function formatHelp(spec: CommandSpec): string {
  const lines = [spec.summary, '', `Usage: ${spec.usage}`, '', 'Options:'];
  const rows = Object.entries(spec.options).map(([name, o]) => {
    const flag = `${o.short !== undefined ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
    const def = o.default !== undefined && o.default !== false ? ` (default: ${String(o.default)})` : '';
    return [flag, `${o.description}${def}`] as const;
  });
  const width = Math.max(...rows.map(([f]) => f.length));
  for (const [f, d] of rows) lines.push(`  ${f.padEnd(width)}  ${d}`);
  if (spec.examples?.length) lines.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
  return lines.join('\n');
}

export function stringOpt(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function listOpt(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}

export function boolOpt(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** A whole number option within bounds, or the default. */
export function intOpt(args: ParsedArgs, name: string, def: number, min: number, max: number): number {
  const v = stringOpt(args, name);
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw usageError(`--${name} must be a whole number from ${min} to ${max}, got '${v}'`);
  return n;
}

export function numberOpt(args: ParsedArgs, name: string, def: number, min: number, max: number): number {
  const v = stringOpt(args, name);
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw usageError(`--${name} must be a number from ${min} to ${max}, got '${v}'`);
  return n;
}

/** HOST:PORT, with 127.0.0.1:7654 as the default router. */
export function parseHostPort(value: string | undefined, def = { host: '127.0.0.1', port: 7654 }): { host: string; port: number } {
  if (value === undefined) return def;
  // A bare port means the default host.
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(value) ?? /^()(\d{1,5})$/.exec(value);
  const port = m ? Number(m.at(-1)) : NaN;
  if (!m || port < 1 || port > 65535) throw usageError(`expected HOST:PORT (for example 127.0.0.1:7654), got '${value}'`);
  const host = m[1] ?? (m.length === 4 ? m[2] : undefined);
  return { host: host === undefined || host === '' ? def.host : host, port };
}

/** -o key=value options for a session, in order; a key given twice is an error. */
export function parseSessionOptions(pairs: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i <= 0) throw usageError(`-o expects key=value, got '${p}'`);
    const key = p.slice(0, i);
    if (out.has(key)) throw usageError(`option '${key}' given twice`);
    out.set(key, p.slice(i + 1));
  }
  return out;
}

export function parseDialect(value: string | undefined, allowAuto: boolean): 'current' | '2003' | 'auto' {
  const v = value ?? (allowAuto ? 'auto' : 'current');
  if (v === 'current' || v === '2003' || (allowAuto && v === 'auto')) return v;
  throw usageError(`--dialect must be ${allowAuto ? 'auto, ' : ''}2003 or current, got '${v}'`);
}
