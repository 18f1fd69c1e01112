// `npx vitest bench src/payload` — cost of the gzip payload format per message.
import { bench, describe } from 'vitest';
import { randomBytes, utf8Encode } from '@i2cp/data';
import { decodePayload, encodePayload } from './gzip-payload.js';

const text = (n: number): Uint8Array =>
  utf8Encode('{"from":"alice","text":"hello over i2p","seq":12345} '.repeat(Math.ceil(n / 52)).slice(0, n));

for (const size of [64, 1024, 32 * 1024]) {
  const kinds = { text: text(size), random: randomBytes(size) };
  for (const [kind, data] of Object.entries(kinds)) {
    describe(`${size} B ${kind}`, () => {
      const stored = encodePayload({ data, compress: false });
      const deflated = encodePayload({ data });
      bench('encode, compress: false', () => {
        encodePayload({ data, compress: false });
      });
      bench('encode, compress: true', () => {
        encodePayload({ data });
      });
      bench('decode stored', () => {
        decodePayload(stored);
      });
      bench(`decode ${deflated.length < stored.length ? 'deflated' : 'stored (did not compress)'}`, () => {
        decodePayload(deflated);
      });
    });
  }
}
