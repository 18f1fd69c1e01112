// Whatever bytes a router sends, the client never throws anything but I2cpError, never crashes the
// process, and once the stream ends every pending call has settled.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { generateDestination, isI2cpError } from '@i2cp/data';
import { encodeMessage, type Message } from '@i2cp/codec';
import { connect } from '../src/index.js';
import { fakeTransport } from './helpers/fake-transport.js';

const keys = { current: generateDestination(), '2003': generateDestination({ sigType: 0 }) } as const;

/** Frames a router could plausibly send, to mix valid messages into the noise. */
const plausible = (sessionId: number, dialect: 'current' | '2003'): Message[] => [
  { type: 'SessionStatus', sessionId, status: 1 },
  { type: 'SessionStatus', sessionId, status: 0 },
  { type: 'MessageStatus', sessionId, messageId: 1, status: 0, size: 10, ...(dialect === 'current' ? { nonce: 0 } : {}) },
  { type: 'MessagePayload', sessionId, messageId: 1, payload: Uint8Array.of(1, 2, 3) },
  { type: 'Disconnect', reason: 'noise' },
  dialect === 'current'
    ? { type: 'RequestVariableLeaseSet', sessionId, leases: [] }
    : { type: 'RequestLeaseSet', dialect: '2003', sessionId, tunnels: [], startDate: Date.now(), endDate: Date.now() + 600_000 },
];

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} not settled within ${ms} ms`)), ms).unref())]);
}

describe.each(['current', '2003'] as const)('noise from the router (%s)', (dialect) => {
  test.prop(
    [
      fc.array(fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 0, max: 5 })), { maxLength: 12 }),
      fc.integer({ min: 0, max: 0xffff }),
    ],
    { numRuns: 100 },
  )('pending calls settle with I2cpErrors once the stream ends', async (pieces, sessionId) => {
    const transport = fakeTransport();
    const connecting = connect({ transport, dialect, handshakeTimeoutMs: 2000 });
    if (dialect === 'current') transport.feed(encodeMessage({ type: 'SetDate', date: Date.now(), version: '0.9.67' }, 'current'));
    const connection = await connecting;
    const creating = connection.createSession({ keys: keys[dialect] }).then(
      (session) => session.closed,
      (error: unknown) => error,
    );
    for (const piece of pieces) {
      transport.feed(typeof piece === 'number' ? encodeMessage(plausible(sessionId, dialect)[piece]!, dialect) : piece);
    }
    transport.end();
    const closed = await within(connection.closed, 2000, 'connection.closed');
    expect(isI2cpError(closed)).toBe(true);
    const outcome = await within(creating, 2000, 'createSession');
    expect(isI2cpError(outcome)).toBe(true);
  });
});
