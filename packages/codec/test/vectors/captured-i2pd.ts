/**
 * Frames captured from a real router: i2pd 2.45.1 (Debian package, API 0.9.57), offline on
 * 127.0.0.1 as /work/shared/interop/i2pd.md describes, on 2026-11-22, by the exchange in
 * test/i2pd.interop.test.ts (which re-checks live that every frame i2pd sends decodes and
 * re-encodes to its exact bytes). Annotations added by hand.
 */
import type { Vector } from './hex.js';
import { ascii, hex } from './hex.js';

const SOURCE = 'captured from i2pd 2.45.1 on loopback (2026-11-22)';

const captured = (name: string, frame: Uint8Array, message: Vector['message'], validPrefixes?: number[]): Vector => ({
  name: `i2pd ${name}`,
  dialect: 'current',
  source: SOURCE,
  frame,
  message,
  ...(validPrefixes === undefined ? {} : { validPrefixes }),
});

export const vectorsI2pd: readonly Vector[] = [
  captured(
    'SetDate (echoing the client version)',
    hex`00 00 00 0f 21           // length 15, type 33
        00 00 01 a2 01 cc 32 cc  // Date 1795326489292 (the router's clock)
        06 ${ascii('0.9.62')}    // the version the client sent, echoed (I2CP-wire §4.16)`,
    { type: 'SetDate', date: 1795326489292, version: '0.9.62' },
    [8],
  ),
  captured(
    'BandwidthLimits (idle)',
    hex`00 00 00 40 17  ${' 00'.repeat(64)} // 16 × 4-byte integers, all zero when idle`,
    { type: 'BandwidthLimits', dialect: 'current', limits: new Array<number>(16).fill(0) },
  ),
  captured(
    'DestReply without session (the hash looked up)',
    hex`00 00 00 20 23  6e b8 39 64 9d b9 4f 47 5c a1 8d 0d 64 98 2a 61 b4 da d0 9c 25 a2 58 77 74 de 36 06 3d a6 d7 f2`,
    {
      type: 'DestReply',
      hash: hex`6e b8 39 64 9d b9 4f 47 5c a1 8d 0d 64 98 2a 61 b4 da d0 9c 25 a2 58 77 74 de 36 06 3d a6 d7 f2`,
    },
    [0],
  ),
  captured(
    'HostReply failure without session',
    hex`00 00 00 07 27  ff ff // SessionId: none
        00 00 00 09          // request id 9
        01                   // result: failure`,
    { type: 'HostReply', sessionId: 0xffff, requestId: 9, resultCode: 1 },
  ),
  captured('SessionStatus created', hex`00 00 00 03 14  c9 d2  01 // SessionId 51666, created`, {
    type: 'SessionStatus',
    sessionId: 51666,
    status: 1,
  }),
  captured(
    'RequestVariableLeaseSet (zero-hop tunnel)',
    hex`00 00 00 2f 25  c9 d2  01 // SessionId, 1 lease
        5b 8d 5e 65 cb a2 71 51 8f 58 9b 92 e6 00 81 e3 c6 1b 06 6e 62 7f 0f f6 8b 2b ae 3b fc a8 de da // gateway Hash
        d9 0a 03 7e               // TunnelId 3641312126
        00 00 01 a2 01 d5 61 38   // end Date 1795327091000`,
    {
      type: 'RequestVariableLeaseSet',
      sessionId: 51666,
      leases: [
        {
          gateway: hex`5b 8d 5e 65 cb a2 71 51 8f 58 9b 92 e6 00 81 e3 c6 1b 06 6e 62 7f 0f f6 8b 2b ae 3b fc a8 de da`,
          tunnelId: 3641312126,
          endDate: 1795327091000,
        },
      ],
    },
  ),
];

