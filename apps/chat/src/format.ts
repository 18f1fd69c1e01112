import type { Incoming, Outgoing, Peer } from './chat.js';

export interface Paint {
  green(s: string): string;
  red(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export function paint(colour: boolean): Paint {
  const p = (code: number) => (s: string) => (colour ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { green: p(32), red: p(31), dim: p(2), bold: p(1) };
}

const clock = (d: Date): string => d.toTimeString().slice(0, 8);

/** The line written when a message goes out (its tick follows on a line of its own). */
export function formatSent(m: Outgoing, me: string, c: Paint): string {
  const again = m.attempts > 0 ? ` (retry ${m.attempts})` : '';
  return `${c.dim(clock(m.at))} ${c.bold(me)} → ${m.to}: ${m.text}${c.dim(` …${again}`)}`;
}

/** ✓ or ✗ for one message, with the status name and how to resend when it failed. */
export function formatStatus(m: Outgoing, c: Paint): string {
  const quote = m.text.length > 40 ? `${m.text.slice(0, 39)}…` : m.text;
  if (m.state === 'delivered') return `${c.dim(clock(new Date()))} ${c.green('✓')} delivered to ${m.to}: "${quote}" ${c.dim(`(${m.status ?? ''})`)}`;
  if (m.state === 'failed') {
    const detail = m.reason !== undefined && m.reason !== m.status ? `: ${m.reason}` : '';
    return `${c.dim(clock(new Date()))} ${c.red('✗')} failed to ${m.to}: "${quote}" ${c.red(`${m.status ?? 'failed'}${detail}`)} — /retry to resend`;
  }
  return `${c.dim(clock(m.at))} … sending to ${m.to}: "${quote}"`;
}

export function formatReceived(m: Incoming, c: Paint): string {
  const who = m.verified !== undefined ? `${c.bold(m.name)} ${c.dim(`(${m.verified})`)}` : `${c.bold(m.name)} ${c.dim('(unverified)')}`;
  return `${c.dim(clock(m.at))} ${who}: ${m.text}`;
}

export function formatHistory(entries: readonly (Outgoing | Incoming)[], me: string, c: Paint): string[] {
  if (entries.length === 0) return ['(no messages yet)'];
  return entries.map((e) => {
    if (e.kind === 'in') return formatReceived(e, c);
    const tick = e.state === 'delivered' ? c.green('✓') : e.state === 'failed' ? c.red(`✗ ${e.status ?? ''}`) : '…';
    return `${c.dim(clock(e.at))} ${c.bold(me)} → ${e.to}: ${e.text} ${tick}`;
  });
}

export function formatPeers(me: { name: string; address: string }, peers: Iterable<Peer>, current: string | undefined, c: Paint): string[] {
  const lines = [`you are ${c.bold(me.name)} at ${me.address}`];
  for (const p of peers) {
    const marker = current?.toLowerCase() === p.name.toLowerCase() ? ' (current)' : '';
    lines.push(`  ${p.name}${marker}  ${p.b32 ?? (typeof p.to === 'string' ? p.to : '')}  ${c.dim(p.source === 'seen' ? 'wrote to you' : 'added')}`);
  }
  if (lines.length === 1) lines.push("  no peers yet: /msg NAME text, or wait for someone to write");
  return lines;
}
