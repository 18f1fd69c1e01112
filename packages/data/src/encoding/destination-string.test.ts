import { describe, expect, it } from 'vitest';
import { isI2cpError } from '../errors.js';
import { fromBase64, toBase64 } from './base64.js';
import { b32Address } from './b32-address.js';
import { parseDestinationString } from './destination-string.js';

// zzz.i2p's destination, from Java I2P's ConvertToHashTest (see b32-address.test.ts).
const ZZZ_DEST =
  'GKapJ8koUcBj~jmQzHsTYxDg2tpfWj0xjQTzd8BhfC9c3OS5fwPBNajgF-eOD6eCjFTqTlorlh7Hnd8kXj1qblUGXT-tDoR9~YV8dmXl51cJn9MVTRrEqRWSJVXbUUz9t5Po6Xa247Vr0sJn27R4KoKP8QVj1GuH6dB3b6wTPbOamC3dkO18vkQkfZWUdRMDXk0d8AdjB0E0864nOT~J9Fpnd2pQE5uoFT6P0DqtQR2jsFvf9ME61aqLvKPPWpkgdn4z6Zkm-NJOcDz2Nv8Si7hli94E9SghMYRsdjU-knObKvxiagn84FIwcOpepxuG~kFXdD5NfsH0v6Uri3usE3XWD7Pw6P8qVYF39jUIq4OiNMwPnNYzy2N4mDMQdsdHO3LUVh~DEppOy9AAmEoHDjjJxt2BFBbGxfdpZCpENkwvmZeYUyNCCzASqTOOlNzdpne8cuesn3NDXIpNnqEE6Oe5Qm5YOJykrX~Vx~cFFT3QzDGkIjjxlFBsjUJyYkFjBQAEAAcAAA==';

describe('parseDestinationString', () => {
  it('a base64 destination (with or without ".i2p") gives the Destination', () => {
    for (const s of [ZZZ_DEST, `${ZZZ_DEST}.i2p`, ` ${ZZZ_DEST}\n`]) {
      const d = parseDestinationString(s);
      expect('bytes' in d && toBase64(d.bytes)).toBe(ZZZ_DEST);
      expect('bytes' in d && b32Address(d)).toBe('lhbd7ojcaiofbfku7ixh47qj537g572zmhdc4oilvugzxdpdghua.b32.i2p');
    }
  });

  it('a .b32.i2p address gives its hash', () => {
    const d = parseDestinationString('LHBD7OJCAIOFBFKU7IXH47QJ537G572ZMHDC4OILVUGZXDPDGHUA.b32.i2p');
    expect(d).toEqual({ hash: fromBase64('WcI~uSICHFCVVPoufn4J7v5u~1lhxi45C60Nm43jMeg=') });
  });

  it.each(['', 'zzz.i2p', ZZZ_DEST.slice(0, 400), `${ZZZ_DEST}AAAA`, 'abc.b32.i2p'])('rejects %j with BAD_ADDRESS', (s) => {
    try {
      parseDestinationString(s);
      expect.unreachable();
    } catch (e) {
      expect(isI2cpError(e) && e.code).toBe('BAD_ADDRESS');
    }
  });
});
