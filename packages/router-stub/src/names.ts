import { destinationFromBytes, destinationHash, fromBase64, toHex } from '@i2cp/data';
import type { Destination } from '@i2cp/data';

/** Names known from a hosts file and the `hosts` option, by lower-case name and by hash. */
export interface NameTable {
  readonly byName: Map<string, Destination>;
  readonly byHash: Map<string, Destination>;
}

export function createNameTable(): NameTable {
  return { byName: new Map(), byHash: new Map() };
}

export function addName(table: NameTable, name: string, destination: Destination): void {
  table.byName.set(name.toLowerCase(), destination);
  table.byHash.set(toHex(destinationHash(destination)), destination);
}

/**
 * Reads the address-book format: `name=base64destination` per line; `#` comments and blank lines
 * are skipped. A malformed line is reported, with its number, and skipped (the rest still loads).
 */
export function parseHostsFile(text: string): { entries: [string, Destination][]; problems: string[] } {
  const entries: [string, Destination][] = [];
  const problems: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) {
      problems.push(`line ${i + 1}: expected name=base64destination`);
      continue;
    }
    const name = line.slice(0, eq).trim();
    // Address books may append `#!key=value` metadata after the destination.
    const value = line.slice(eq + 1).split('#')[0]!.trim();
    try {
      entries.push([name, destinationFromBytes(fromBase64(value))]);
    } catch (e) {
      problems.push(`line ${i + 1}: ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { entries, problems };
}
