import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateEncryptionKeys, isI2cpError, sha256, utf8Encode } from '@i2cp/data';
import { afterEach, describe, expect, it } from 'vitest';
import { E2eDecryptor } from './decryptor.js';
import { E2eEncryptor } from './encryptor.js';
import { decodeE2eState, encodeE2eState } from './state.js';
import { e2eStateFile } from './state-store.js';

const alice = generateEncryptionKeys(0);
const owner = sha256(utf8Encode('alice'));
const msg = (s: string): Uint8Array => utf8Encode(s);

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isI2cpError(e) ? e.code : `not an I2cpError: ${String(e)}`;
  }
  return undefined;
}

/** A sender that has had its first (ElGamal, 40 tags) message confirmed, and the receiver that read it. */
function pair(): { enc: E2eEncryptor; dec: E2eDecryptor } {
  const enc = new E2eEncryptor();
  const dec = new E2eDecryptor(alice.privateKey);
  dec.decrypt(enc.encrypt(alice.publicKey, msg('first')));
  return { enc, dec };
}

describe('receiving state: opened messages, snapshots', () => {
  it('an opened message holds its tag until commit; release makes the tag usable again', () => {
    const { enc, dec } = pair();
    const tagged = enc.encrypt(alice.publicKey, msg('tagged'));
    const opened = dec.open(tagged);
    expect(opened.body).toEqual(msg('tagged'));
    expect(dec.tagCount).toBe(39);
    opened.release();
    expect(dec.tagCount).toBe(40);
    const again = dec.open(tagged);
    expect(again.body).toEqual(msg('tagged'));
    again.commit();
    again.release(); // settled already
    expect(dec.tagCount).toBe(39);
    expect(codeOf(() => dec.decrypt(tagged))).toBe('DECRYPT_FAILED');
  });

  it('a scenario 1 message opened but not committed is not a replay for a restored decryptor; once committed it is', () => {
    const enc = new E2eEncryptor();
    const dec = new E2eDecryptor(alice.privateKey);
    const first = enc.encrypt(alice.publicKey, msg('first'));
    const opened = dec.open(first);
    expect(opened.tagsDelivered).toBe(40);
    const before = new E2eDecryptor(alice.privateKey);
    before.restore(dec.snapshot());
    expect(before.decrypt(first)).toEqual(msg('first'));
    opened.commit();
    const after = new E2eDecryptor(alice.privateKey);
    after.restore(dec.snapshot());
    expect(codeOf(() => after.decrypt(first))).toBe('DECRYPT_FAILED');
  });

  it('a snapshot lets a new decryptor read what the old one had opened but not committed, and nothing it committed', () => {
    const { enc, dec } = pair();
    const committed = enc.encrypt(alice.publicKey, msg('committed'));
    const pending = enc.encrypt(alice.publicKey, msg('pending'));
    const unseen = enc.encrypt(alice.publicKey, msg('unseen'));
    dec.decrypt(committed);
    dec.open(pending);
    const bytes = encodeE2eState(owner, dec.snapshot());
    const restored = new E2eDecryptor(alice.privateKey);
    restored.restore(decodeE2eState(owner, bytes));
    // 40 from the first message, 1 spent by the committed one, which brought 40 more (39 were left,
    // fewer than the 40 that make a delivery ride along); the pending one, with 78 left, brought none.
    expect(restored.tagCount).toBe(79);
    expect(restored.decrypt(pending)).toEqual(msg('pending'));
    expect(restored.decrypt(unseen)).toEqual(msg('unseen'));
    expect(codeOf(() => restored.decrypt(committed))).toBe('DECRYPT_FAILED');
    // Without the snapshot, a tag message cannot be read at all.
    expect(codeOf(() => new E2eDecryptor(alice.privateKey).decrypt(enc.encrypt(alice.publicKey, msg('x'))))).toBe('DECRYPT_FAILED');
  });

  it('expired tags are left out of snapshots and restores', () => {
    let now = 1_700_000_000_000;
    const clock = { now: () => now };
    const enc = new E2eEncryptor(clock);
    const dec = new E2eDecryptor(alice.privateKey, clock);
    dec.decrypt(enc.encrypt(alice.publicKey, msg('a')));
    const state = dec.snapshot();
    expect(state.tags).toHaveLength(40);
    now += 60 * 60 * 1000;
    expect(dec.snapshot().tags).toHaveLength(0);
    const late = new E2eDecryptor(alice.privateKey, clock);
    late.restore(state);
    expect(late.tagCount).toBe(0);
  });

  it('the encoded state round-trips; other bytes, versions, owners and cut files are STATE_CORRUPT', () => {
    const { dec } = pair();
    const bytes = encodeE2eState(owner, dec.snapshot());
    expect(decodeE2eState(owner, bytes)).toEqual(dec.snapshot());
    expect(codeOf(() => decodeE2eState(sha256(utf8Encode('bob')), bytes))).toBe('STATE_CORRUPT');
    for (const bad of [new Uint8Array(0), bytes.subarray(0, bytes.length - 1), utf8Encode('{"json": true}'), Uint8Array.of(...bytes, 0)]) {
      expect(codeOf(() => decodeE2eState(owner, bad))).toBe('STATE_CORRUPT');
    }
    const otherVersion = bytes.slice();
    otherVersion[8] = 2;
    expect(codeOf(() => decodeE2eState(owner, otherVersion))).toBe('STATE_CORRUPT');
  });
});

describe('sender: a failed tagged message', () => {
  it('makes the next message to that recipient open with a fresh ElGamal block', () => {
    const { enc } = pair();
    const tagged = enc.seal(alice.publicKey, msg('lost'));
    expect(tagged.scenario).toBe(2);
    tagged.fail();
    const next = enc.seal(alice.publicKey, msg('next'));
    expect(next.scenario).toBe(1);
    expect(next.tagsDelivered).toBe(40);
    // A receiver that lost its tags (a new process) reads it.
    expect(new E2eDecryptor(alice.privateKey).decrypt(next.data)).toEqual(msg('next'));
  });

  it('a failed scenario 1 message forgets only what it carried', () => {
    const enc = new E2eEncryptor();
    const first = enc.seal(alice.publicKey, msg('first'));
    const second = enc.seal(alice.publicKey, msg('second'));
    expect([first.scenario, second.scenario, second.tagsDelivered]).toEqual([1, 1, 0]);
    second.fail();
    first.confirm();
    expect(enc.usableTags(alice.publicKey)).toBe(40);
    expect(enc.seal(alice.publicKey, msg('third')).scenario).toBe(2);
  });
});

describe('e2eStateFile', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const tempDir = (): string => {
    const d = mkdtempSync(path.join(tmpdir(), 'i2cp-e2e-state-'));
    dirs.push(d);
    return d;
  };

  it('loads nothing before the first save, then what was saved; mode 0600, no temporary file left', () => {
    const dir = tempDir();
    const file = path.join(dir, 'state');
    const store = e2eStateFile(file);
    expect(store.load()).toBeUndefined();
    store.save(Uint8Array.of(1, 2, 3));
    store.save(Uint8Array.of(4, 5));
    expect(store.load()).toEqual(Uint8Array.of(4, 5));
    expect(readdirSync(dir)).toEqual(['state']);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('IO errors are typed: an unwritable place, an unreadable file', () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'not-a-dir');
    writeFileSync(blocker, 'x');
    const store = e2eStateFile(path.join(blocker, 'state'));
    expect(codeOf(() => store.save(Uint8Array.of(1)))).toBe('IO');
    expect(codeOf(() => e2eStateFile(dir).load())).toBe('IO'); // a directory
    expect(existsSync(path.join(blocker, 'state'))).toBe(false);
    expect(() => e2eStateFile('')).toThrow(TypeError);
  });
});
