// Datagram3 (protocol 20). Golden bytes built by hand from the datagrams spec / proposal 163 layout:
// fromhash (32) ‖ flags (2, version 3 in bits 3-0, options in bit 4) ‖ [options Mapping] ‖ payload.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { destinationHash, fromHex, generateDestination, toHex } from '@i2cp/data';
import { decodeDatagram3, encodeDatagram3 } from './datagram3.js';
import { MAX_UNCOMPRESSED_PAYLOAD } from './protocol.js';
import { expectCode, onlyI2cpErrors } from './expect-code.test-support.js';

const HASH = fromHex('11'.repeat(32));

describe('Datagram3', () => {
  const golden = [
    { name: 'no options', hex: '11'.repeat(32) + '0003' + '6869', options: new Map<string, string>() },
    // flags 0x0013 = version 3 | options; Mapping of 6 bytes: 01 'a' '=' 01 'b' ';'
    { name: 'options a=b', hex: '11'.repeat(32) + '0013' + '0006' + '0161' + '3d' + '0162' + '3b' + '6869', options: new Map([['a', 'b']]) },
  ];
  it.each(golden)('golden bytes ($name): encode, decode, and decode(encode)', ({ hex, options }) => {
    const data = fromHex('6869'); // "hi"
    expect(toHex(encodeDatagram3(HASH, data, { options }))).toBe(hex);
    const decoded = decodeDatagram3(fromHex(hex));
    expect(decoded.senderHash).toEqual(HASH);
    expect(decoded.data).toEqual(data);
    expect(new Map(decoded.options)).toEqual(options);
  });

  it('from a Destination carries its hash', () => {
    const keys = generateDestination();
    const decoded = decodeDatagram3(encodeDatagram3(keys.destination, Uint8Array.of(1, 2)));
    expect(decoded.senderHash).toEqual(destinationHash(keys.destination));
    expect(decoded.data).toEqual(Uint8Array.of(1, 2));
  });

  it('rejects another version (DECODE_INVALID), a cut header (DECODE_TRUNCATED), an overrunning Mapping', () => {
    expectCode(() => decodeDatagram3(fromHex('11'.repeat(32) + '0002')), 'DECODE_INVALID');
    for (const n of [0, 31, 32, 33]) expectCode(() => decodeDatagram3(fromHex('11'.repeat(32) + '0003').subarray(0, n)), 'DECODE_TRUNCATED');
    expectCode(() => decodeDatagram3(fromHex('11'.repeat(32) + '0013' + '0010' + '0161')), 'DECODE_TRUNCATED');
    expectCode(() => decodeDatagram3(fromHex('11'.repeat(32) + '0013' + '0003' + '0561' + '3d')), 'DECODE_INVALID');
  });

  it('ignores flag bits it does not know (Java reads only the version and the options bit)', () => {
    expect(decodeDatagram3(fromHex('11'.repeat(32) + '8083' + '68')).data).toEqual(fromHex('68'));
  });

  it('refuses a sender hash of another length (BAD_ARGUMENT) and more than one I2CP payload (PAYLOAD_TOO_LARGE)', () => {
    expectCode(() => encodeDatagram3(new Uint8Array(31), Uint8Array.of(1)), 'BAD_ARGUMENT');
    const room = MAX_UNCOMPRESSED_PAYLOAD - 34;
    expect(encodeDatagram3(HASH, new Uint8Array(room)).length).toBe(MAX_UNCOMPRESSED_PAYLOAD);
    expectCode(() => encodeDatagram3(HASH, new Uint8Array(room + 1)), 'PAYLOAD_TOO_LARGE');
    expectCode(() => decodeDatagram3(new Uint8Array(MAX_UNCOMPRESSED_PAYLOAD + 1)), 'PAYLOAD_TOO_LARGE');
  });

  test.prop([fc.uint8Array({ maxLength: 300 })], { numRuns: 500 })('arbitrary bytes decode or throw an I2cpError', (bytes) => {
    onlyI2cpErrors(() => decodeDatagram3(bytes));
  });

  test.prop([fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 300 }), fc.dictionary(fc.stringMatching(/^[a-z0-9.]{1,12}$/), fc.string({ maxLength: 20 }), { maxKeys: 4 })], {
    numRuns: 200,
  })('round-trips any sender hash, data and options', (hash, data, record) => {
    const options = new Map(Object.entries(record));
    const decoded = decodeDatagram3(encodeDatagram3(hash, data, { options }));
    expect(decoded.senderHash).toEqual(hash);
    expect(decoded.data).toEqual(data);
    expect(new Map(decoded.options)).toEqual(options);
  });
});
