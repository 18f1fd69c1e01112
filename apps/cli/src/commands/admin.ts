import { readFile } from 'node:fs/promises';
import { connectAdmin, getCurrentBandwidthLimits } from '@i2cp/admin';
import type { AdminClient } from '@i2cp/admin';
import { Reader, fromBase64, fromHex, readRouterInfo2003, sha256, toBase64, toI2cpError, utf8Decode, writeRouterInfo2003, encode } from '@i2cp/data';
import type { BandwidthClass, BandwidthLimits2003, RouterInfo2003 } from '@i2cp/data';
import type { CommandSpec, ParsedArgs } from '../args.js';
import { stringOpt } from '../args.js';
import { usageError } from '../cli-error.js';
import { readInput } from '../input.js';
import type { Output } from '../output.js';
import { routerOptions, routerTarget, timeoutSignal } from '../session.js';

export const adminSpec: CommandSpec = {
  name: 'admin',
  summary: 'Administer a router with the 2003 admin messages (bandwidth, trusted routers, visibility, rotation, peers).',
  usage:
    'i2cp admin get <bandwidth|trusted|visibility|rotation|peers> | set <bandwidth|trusted|visibility|rotation|peers> VALUE… | rotate | passphrase  [--router HOST:PORT] [--passphrase-file FILE] [--json]',
  positionals: { min: 1, max: 64 },
  options: {
    router: routerOptions['router']!,
    dialect: {
      type: 'string',
      value: '2003|current',
      default: '2003',
      description: "current: only 'get bandwidth', answered by i2pd and Java I2P without a passphrase",
    },
    'passphrase-file': {
      type: 'string',
      value: 'FILE',
      description: 'file holding the admin passphrase (default: the environment variable I2CP_ADMIN_PASSPHRASE)',
    },
    'new-passphrase-file': {
      type: 'string',
      value: 'FILE',
      description: "for 'admin passphrase': the new passphrase (default: I2CP_ADMIN_NEW_PASSPHRASE)",
    },
    file: { type: 'string', short: 'f', value: 'FILE', description: "for 'set bandwidth' (JSON) and 'set peers' (one RouterInfo per line); '-' = stdin" },
    timeout: { type: 'string', short: 't', value: 'S', default: '30', description: 'give up after S seconds' },
    json: { type: 'boolean', description: 'print JSON' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  examples: [
    'export I2CP_ADMIN_PASSPHRASE=…   # or --passphrase-file FILE; never on the command line',
    'i2cp admin get bandwidth',
    'i2cp admin set bandwidth 64000 32000 128000 64000   # default class: average down/up, peak down/up (bytes/s)',
    'i2cp admin get bandwidth --json > bw.json && i2cp admin set bandwidth --file bw.json',
    'i2cp admin get bandwidth --dialect current           # any router: the 16 integers, KBps',
    'i2cp admin set trusted <hash> <hash>…                # hex or base64; none clears',
    'i2cp admin set visibility true|false|unknown',
    'i2cp admin set rotation 3600                         # seconds, 0 = never',
    'i2cp admin get peers --json > peers.jsonl && i2cp admin set peers --file peers.jsonl',
    'i2cp admin rotate',
    'I2CP_ADMIN_NEW_PASSPHRASE=… i2cp admin passphrase',
  ],
};

const topics = ['bandwidth', 'trusted', 'visibility', 'rotation', 'peers'] as const;
type Topic = (typeof topics)[number];

/** A passphrase file is UTF-8 with one trailing line break removed, as the router reads its own. */
async function readPassphrase(file: string | undefined, env: string, what: string): Promise<string> {
  let text: string | undefined;
  if (file !== undefined) {
    try {
      text = (await readFile(file, 'utf8')).replace(/\r?\n$/, '');
    } catch (e) {
      throw toI2cpError(e, 'BAD_CONFIG', `cannot read ${what} file ${file}`);
    }
  } else text = process.env[env];
  if (text === undefined || text === '') {
    throw usageError(`the ${what} is missing: use --${what.replace(/ /g, '-')}-file FILE or set ${env} (never a plain argument)`);
  }
  return text;
}

function parseHash(text: string): Uint8Array {
  const bytes = /^[0-9a-f]{64}$/i.test(text) ? fromHex(text) : /^[A-Za-z0-9~+/-]{43}=$/.test(text) ? fromBase64(text.replace(/\+/g, '-').replace(/\//g, '~')) : undefined;
  if (bytes?.length !== 32) throw usageError(`'${text}' is not a router hash (32 bytes as 64 hex digits or 44 base64 characters)`);
  return bytes;
}

function parseSeconds(text: string | undefined): number {
  const n = Number(text);
  if (text === undefined || !Number.isInteger(n) || n < 0 || n > 65535) throw usageError(`the rotation period is whole seconds from 0 to 65535, got '${text ?? ''}'`);
  return n;
}

function parseVisibility(text: string | undefined): boolean | null {
  if (text === 'true' || text === 'yes' || text === 'on') return true;
  if (text === 'false' || text === 'no' || text === 'off') return false;
  if (text === 'unknown') return null;
  throw usageError(`visibility is true, false or unknown, got '${text ?? ''}'`);
}

function parseRate(text: string | undefined, what: string): number {
  const n = Number(text);
  if (text === undefined || !Number.isInteger(n) || n < 0 || n > 0xffffffff) throw usageError(`${what} is bytes per second (0 = unlimited), got '${text ?? ''}'`);
  return n;
}

function classToJson(c: BandwidthClass): Record<string, unknown> {
  return { ...c, routers: c.routers.map(toBase64) };
}

function classFromJson(v: unknown, i: number): BandwidthClass {
  const o = v as Partial<Record<keyof BandwidthClass, unknown>>;
  const num = (k: 'averageDown' | 'averageUp' | 'peakDown' | 'peakUp'): number => parseRate(String(o[k]), `classes[${i}].${k}`);
  if (typeof o.name !== 'string' || !Array.isArray(o.routers)) throw usageError(`classes[${i}] needs a name and a routers array`);
  return { name: o.name, routers: o.routers.map((r) => parseHash(String(r))), averageDown: num('averageDown'), averageUp: num('averageUp'), peakDown: num('peakDown'), peakUp: num('peakUp') };
}

async function bandwidthFromFile(file: string | undefined): Promise<BandwidthLimits2003 | undefined> {
  if (file === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8Decode(await readInput(file)));
  } catch (e) {
    throw toI2cpError(e, 'BAD_ARGUMENT', `${file} is not JSON in the form 'i2cp admin get bandwidth --json' prints`);
  }
  const classes = (parsed as { classes?: unknown }).classes;
  if (!Array.isArray(classes)) throw usageError(`${file}: expected { "classes": [ … ] }`);
  return { classes: classes.map(classFromJson) };
}

type Rates = Pick<BandwidthClass, 'averageDown' | 'averageUp' | 'peakDown' | 'peakUp'>;

function defaultClassFromArgs(values: readonly string[]): Rates {
  if (values.length !== 2 && values.length !== 4) throw usageError('set bandwidth takes AVERAGE_DOWN AVERAGE_UP [PEAK_DOWN PEAK_UP] (bytes/s) or --file FILE');
  const [ad, au, pd, pu] = values;
  const averageDown = parseRate(ad, 'average down');
  const averageUp = parseRate(au, 'average up');
  return { averageDown, averageUp, peakDown: pd === undefined ? averageDown : parseRate(pd, 'peak down'), peakUp: pu === undefined ? averageUp : parseRate(pu, 'peak up') };
}

/** Only the default class (the one naming no routers) changes; the others stay as they are. */
function withDefaultClass(current: BandwidthLimits2003, rates: Rates): BandwidthLimits2003 {
  const hasDefault = current.classes.some((c) => c.routers.length === 0);
  const classes = current.classes.map((c) => (c.routers.length === 0 ? { ...c, ...rates } : c));
  return { classes: hasDefault ? classes : [...classes, { name: 'default', routers: [], ...rates }] };
}

/** Peers come as base64 RouterInfo structures, one per line, or the JSON lines 'get peers --json' prints. */
async function peersFromFile(file: string | undefined): Promise<RouterInfo2003[]> {
  if (file === undefined) throw usageError('set peers needs --file FILE (one base64 RouterInfo per line, or the JSON lines of get peers --json; an empty file clears)');
  const lines = utf8Decode(await readInput(file)).split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  return lines.map((line, i) => {
    try {
      const text = line.startsWith('{') ? String((JSON.parse(line) as { routerInfo?: unknown }).routerInfo) : line;
      const r = new Reader(fromBase64(text));
      const info = readRouterInfo2003(r);
      r.end();
      return info;
    } catch (e) {
      throw toI2cpError(e, 'BAD_ARGUMENT', `${file} line ${i + 1} is not a RouterInfo`);
    }
  });
}

export async function runAdmin(args: ParsedArgs, out: Output): Promise<number> {
  const [action, topicText, ...values] = args.positionals;
  const dialect = stringOpt(args, 'dialect') ?? '2003';
  if (dialect !== '2003' && dialect !== 'current') throw usageError(`--dialect must be 2003 or current, got '${dialect}'`);
  const expects = action === 'get' ? [2, 2] : action === 'set' ? [2, 64] : action === 'rotate' || action === 'passphrase' ? [1, 1] : undefined;
  if (expects === undefined) throw usageError(`unknown admin action '${action ?? ''}': use get, set, rotate or passphrase`);
  const n = args.positionals.length;
  if (n < expects[0]! || n > expects[1]!) throw usageError(`usage: ${adminSpec.usage}`);
  let topic: Topic | undefined;
  if (action === 'get' || action === 'set') {
    topic = topics.find((t) => t === topicText);
    if (topic === undefined) throw usageError(`admin ${action} takes one of ${topics.join(', ')}, got '${topicText ?? ''}'`);
  }
  const target = routerTarget(args);
  const signal = timeoutSignal(args, 30);
  const so = signal ? { signal } : {};

  if (dialect === 'current') {
    if (action !== 'get' || topic !== 'bandwidth') throw usageError("--dialect current supports only 'admin get bandwidth'");
    const limits = await getCurrentBandwidthLimits({ host: target.host, port: target.port, ...so });
    const names = ['client inbound KBps', 'client outbound KBps', 'router inbound KBps', 'router inbound burst KBps', 'router outbound KBps', 'router outbound burst KBps', 'burst time s'];
    if (out.json) out.data('', { limits });
    else names.forEach((name, i) => { out.data(`${name.padEnd(26)} ${limits[i] ?? 0}`); });
    return 0;
  }

  const apply = action === 'set' ? await prepareSet(topic!, values, args) : undefined;
  const passphrase = await readPassphrase(stringOpt(args, 'passphrase-file'), 'I2CP_ADMIN_PASSPHRASE', 'passphrase');
  const next = action === 'passphrase' ? await readPassphrase(stringOpt(args, 'new-passphrase-file'), 'I2CP_ADMIN_NEW_PASSPHRASE', 'new passphrase') : undefined;
  const admin = await connectAdmin({ host: target.host, port: target.port, passphrase, ...so });
  try {
    if (action === 'rotate') {
      const at = await admin.forceAddressRotation(so);
      out.data(`address rotated at ${at.toISOString()}`, { lastRotation: at.toISOString() });
    } else if (action === 'passphrase') {
      await admin.setPassphrase(next!, { ...so, confirm: true });
      out.data('passphrase changed', { changed: true });
    } else if (action === 'get') await get(admin, topic!, out, so);
    else {
      await apply!(admin, { ...so, confirm: true });
      out.data(`${topic!} set`, { set: topic });
    }
    return 0;
  } finally {
    await admin.close();
  }
}

async function get(admin: AdminClient, topic: Topic, out: Output, so: { signal?: AbortSignal }): Promise<void> {
  switch (topic) {
    case 'bandwidth': {
      const { classes } = await admin.getBandwidthLimits(so);
      if (out.json) out.data('', { classes: classes.map(classToJson) });
      for (const c of out.json ? [] : classes) {
        const who = c.routers.length === 0 ? 'default' : `${c.routers.length} router(s)`;
        out.data(`${c.name} (${who}): average ${c.averageDown} down / ${c.averageUp} up, peak ${c.peakDown} down / ${c.peakUp} up (bytes/s, 0 = unlimited)`);
      }
      return;
    }
    case 'trusted': {
      const hashes = (await admin.getTrustedRouters(so)).map(toBase64);
      if (out.json) out.data('', { trusted: hashes });
      else for (const h of hashes) out.data(h);
      return;
    }
    case 'visibility': {
      const v = await admin.getAddressVisibility(so);
      out.data(v === null ? 'unknown' : String(v), { visible: v });
      return;
    }
    case 'rotation': {
      const seconds = await admin.getAddressRotationPeriod(so);
      out.data(seconds === 0 ? '0 (never)' : `${seconds} s`, { seconds });
      return;
    }
    case 'peers': {
      for (const p of await admin.getPeers(so)) {
        const hash = toBase64(sha256(p.identity.bytes));
        out.data(`${hash} version ${p.version}, ${p.addresses.length} address(es), ${p.sightings.length} sighting(s)`, {
          hash,
          version: p.version,
          addresses: p.addresses.map((a) => ({ transport: a.transport, options: Object.fromEntries(a.options) })),
          routerInfo: toBase64(encode(writeRouterInfo2003, p)),
        });
      }
      return;
    }
  }
}

type Apply = (admin: AdminClient, options: { signal?: AbortSignal; confirm: true }) => Promise<void>;

/** Checks a set's values before connecting, so bad input is a usage error whatever the router does. */
async function prepareSet(topic: Topic, values: readonly string[], args: ParsedArgs): Promise<Apply> {
  const one = (): string | undefined => {
    if (values.length !== 1) throw usageError(`set ${topic} takes one value`);
    return values[0];
  };
  switch (topic) {
    case 'bandwidth': {
      const fromFile = await bandwidthFromFile(stringOpt(args, 'file'));
      const fresh = fromFile === undefined ? defaultClassFromArgs(values) : undefined;
      return async (admin, options) => {
        await admin.setBandwidthLimits(fromFile ?? withDefaultClass(await admin.getBandwidthLimits(options), fresh!), options);
      };
    }
    case 'trusted': {
      const hashes = values.map(parseHash);
      return (admin, options) => admin.setTrustedRouters(hashes, options);
    }
    case 'visibility': {
      const visible = parseVisibility(one());
      return (admin, options) => admin.setAddressVisibility(visible, options);
    }
    case 'rotation': {
      const seconds = parseSeconds(one());
      return (admin, options) => admin.setAddressRotationPeriod(seconds, options);
    }
    case 'peers': {
      if (values.length > 0) throw usageError('set peers reads --file FILE');
      const peers = await peersFromFile(stringOpt(args, 'file'));
      return (admin, options) => admin.setPeers(peers, options);
    }
  }
}
