import { describe, expect, it } from 'vitest';
import { generateDestination, toBase64 } from '@i2cp/data';
import { parseHostsFile } from './names.js';

describe('parseHostsFile', () => {
  it('reads name=base64 lines, skips comments, blank lines and #! metadata, reports bad lines with their number', () => {
    const d = generateDestination().destination;
    const text = `# comment\n\nalice.i2p=${toBase64(d.bytes)}#!date=1\r\nnoequals\nbob.i2p=****\n`;
    const { entries, problems } = parseHostsFile(text);
    expect(entries).toHaveLength(1);
    expect(entries[0]![0]).toBe('alice.i2p');
    expect(entries[0]![1].bytes).toEqual(d.bytes);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^line 4:/);
    expect(problems[1]).toMatch(/^line 5: bob\.i2p/);
  });
});
