import { destinationHash, generateDestination, isI2cpError, utf8Encode } from '@i2cp/data';
import { describe, expect, it } from 'vitest';
import { decodeE2eState } from './e2e/state.js';
import { E2eDecryptor } from './e2e/index.js';
import type { E2eStateStore } from './e2e/index.js';
import { createPayloadFormat } from './payload-formats.js';
import type { OutgoingPayload, PayloadFormat } from './payload-format.js';

const bob = generateDestination();
const alice = generateDestination();
const outgoing = (text: string): OutgoingPayload => ({ data: utf8Encode(text), protocol: 0, fromPort: 0, toPort: 0, compress: false });

function memoryStore(): E2eStateStore & { readonly saved: () => Uint8Array | undefined } {
  let saved: Uint8Array | undefined;
  return {
    load: () => saved,
    save: (state) => {
      saved = state.slice();
    },
    saved: () => saved,
  };
}

/** Whether a fresh process restoring the saved `state` can read `sealed` (the router's copy of a message). */
function readableAfterRestore(state: Uint8Array | undefined, sealed: Uint8Array): boolean {
  const fresh = new E2eDecryptor(bob.privateKey);
  if (state !== undefined) fresh.restore(decodeE2eState(destinationHash(bob.destination), state));
  try {
    fresh.decrypt(sealed);
    return true;
  } catch (error) {
    if (isI2cpError(error) && error.code === 'DECRYPT_FAILED') return false;
    throw error;
  }
}

/**
 * A receiver (keeping its state in a memory store) that has read and ended a first message (ElGamal,
 * it brings tags), and the second message its confirmed sender sealed with one of those tags.
 */
function taggedMessage(): { store: ReturnType<typeof memoryStore>; receiver: PayloadFormat; tagged: Uint8Array } {
  const store = memoryStore();
  const sender = createPayloadFormat('2003', alice);
  const receiver = createPayloadFormat('2003', bob, store);
  const first = sender.encode(bob.destination, outgoing('first'));
  receiver.decode(first.bytes).accept(() => Promise.resolve());
  first.settle(true);
  return { store, receiver, tagged: sender.encode(bob.destination, outgoing('tagged')).bytes };
}

describe('2003 payload format: a received message is spent only once its End is out', () => {
  it('a state saved between the End and its write still reads the message; once written, the tag is spent', async () => {
    const { store, receiver, tagged } = taggedMessage();

    const decoded = receiver.decode(tagged);
    expect(decoded.data).toEqual(utf8Encode('tagged'));
    let written!: () => void;
    decoded.accept(() => new Promise<void>((resolve) => (written = resolve)));
    receiver.close(); // a save while the End waits for the socket (e.g. for a later message of the burst)
    expect(readableAfterRestore(store.saved(), tagged)).toBe(true);

    written();
    await Promise.resolve();
    receiver.close();
    expect(readableAfterRestore(store.saved(), tagged)).toBe(false);
  });

  it('an End that could not be written leaves the tag usable for the router’s copy', async () => {
    const { store, receiver, tagged } = taggedMessage();

    receiver.decode(tagged).accept(() => Promise.reject(new Error('link lost')));
    await Promise.resolve();
    await Promise.resolve();
    receiver.close();
    expect(readableAfterRestore(store.saved(), tagged)).toBe(true);
  });
});
