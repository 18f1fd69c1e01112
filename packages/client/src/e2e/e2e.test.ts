import { fc, test } from '@fast-check/vitest';
import {
  aes256CbcDecrypt,
  aes256CbcEncrypt,
  concatBytes,
  elgamalDecrypt,
  generateEncryptionKeys,
  isI2cpError,
  sha256,
  utf8Encode,
} from '@i2cp/data';
import { describe, expect, it } from 'vitest';
import { E2E_DEFAULTS } from './constants.js';
import { E2eDecryptor } from './decryptor.js';
import { E2eEncryptor } from './encryptor.js';

const alice = generateEncryptionKeys(0);
const bob = generateEncryptionKeys(0);

function clock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
}

function expectDecryptFailed(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    expect(isI2cpError(e) && e.code).toBe('DECRYPT_FAILED');
    return;
  }
  expect.unreachable('expected DECRYPT_FAILED');
}

const msg = (s: string): Uint8Array => utf8Encode(s);

describe('2003 end-to-end encryption (ElGamal + AES-256, session tags)', () => {
  it('first message is scenario 1 carrying 40 tags; the next ones use those tags', () => {
    const enc = new E2eEncryptor();
    const dec = new E2eDecryptor(alice.privateKey);
    const first = enc.seal(alice.publicKey, msg('hello'));
    first.confirm();
    expect(first.scenario).toBe(1);
    expect(first.tagsDelivered).toBe(E2E_DEFAULTS.tagsPerDelivery);
    expect(dec.decrypt(first.data)).toEqual(msg('hello'));
    expect(dec.tagCount).toBe(40);
    expect(enc.usableTags(alice.publicKey)).toBe(40);

    const second = enc.seal(alice.publicKey, msg('again'));
    second.confirm();
    expect(second.scenario).toBe(2);
    expect(second.tagsDelivered).toBe(0);
    // tag (32) + SHA-256(key) (32) + count 2 + size 4 + hash 32 + flag 1 + body 5 = 108 → 112
    expect(second.data).toHaveLength(32 + 80);
    expect(dec.decrypt(second.data)).toEqual(msg('again'));
    expect(dec.tagCount).toBe(39);
  });

  it('scenario 1 layout: ElGamal(SessionKey ‖ preIV ‖ padding), AES with IV = SHA-256(preIV)[0..16]', () => {
    const sealed = new E2eEncryptor({ tagsPerDelivery: 2 }).seal(alice.publicKey, msg('layout'));
    const clear = elgamalDecrypt(alice.privateKey, sealed.data.subarray(0, 514));
    expect(clear).toHaveLength(222);
    const key = clear.subarray(0, 32);
    const iv = sha256(clear.subarray(32, 64)).subarray(0, 16);
    const plain = aes256CbcDecrypt(key, iv, sealed.data.subarray(514));
    const view = new DataView(plain.buffer, plain.byteOffset);
    expect(view.getUint16(0)).toBe(2);
    expect(view.getUint32(2 + 64)).toBe(6);
    expect(plain.subarray(70, 102)).toEqual(sha256(msg('layout')));
    expect(plain[102]).toBe(0);
    expect(plain.subarray(103, 109)).toEqual(msg('layout'));
    expect(plain.length % 16).toBe(0);
    expect(plain.length - 109).toBeLessThan(16);
  });

  it('scenario 2 layout: tag, then AES with IV = SHA-256(tag)[0..16] starting with SHA-256(SessionKey)', () => {
    const enc = new E2eEncryptor({ tagsPerDelivery: 1 });
    const first = enc.encrypt(alice.publicKey, msg('one'));
    const key = elgamalDecrypt(alice.privateKey, first.subarray(0, 514)).subarray(0, 32);
    const second = enc.encrypt(alice.publicKey, msg('two'));
    const tag = second.subarray(0, 32);
    const plain = aes256CbcDecrypt(key, sha256(tag).subarray(0, 16), second.subarray(32));
    expect(plain.subarray(0, 32)).toEqual(sha256(key));
    expect(new DataView(plain.buffer, plain.byteOffset).getUint16(32)).toBe(1); // fewer than lowTagThreshold left: a new tag rides along
    const bodyAt = 32 + 2 + 32 + 4 + 32 + 1;
    expect(plain[bodyAt - 1]).toBe(0);
    expect(plain.subarray(bodyAt, bodyAt + 3)).toEqual(msg('two'));
  });

  test.prop([fc.array(fc.uint8Array({ maxLength: 3000 }), { minLength: 1, maxLength: 60 })], { numRuns: 5 })(
    'round-trips any sequence of payloads, refilling tags as they run low',
    (payloads) => {
      const enc = new E2eEncryptor();
      const dec = new E2eDecryptor(alice.privateKey);
      for (const p of payloads) expect(dec.decrypt(enc.encrypt(alice.publicKey, p))).toEqual(p);
      expect(enc.usableTags(alice.publicKey)).toBeGreaterThanOrEqual(E2E_DEFAULTS.lowTagThreshold - 1);
    },
  );

  it('a tag works once: replaying a scenario 2 message fails', () => {
    const enc = new E2eEncryptor();
    const dec = new E2eDecryptor(alice.privateKey);
    dec.decrypt(enc.encrypt(alice.publicKey, msg('a')));
    const tagged = enc.encrypt(alice.publicKey, msg('b'));
    expect(dec.decrypt(tagged)).toEqual(msg('b'));
    expectDecryptFailed(() => dec.decrypt(tagged));
  });

  it('a replayed scenario 1 message fails within the hour', () => {
    const c = clock();
    const dec = new E2eDecryptor(alice.privateKey, { now: c.now });
    const first = new E2eEncryptor().encrypt(alice.publicKey, msg('once'));
    expect(dec.decrypt(first)).toEqual(msg('once'));
    expectDecryptFailed(() => dec.decrypt(first));
    c.advance(59 * 60 * 1000);
    expectDecryptFailed(() => dec.decrypt(first));
  });

  it('tags expire an hour after they are received', () => {
    const senderClock = clock();
    const receiverClock = clock();
    const enc = new E2eEncryptor({ now: senderClock.now });
    const dec = new E2eDecryptor(alice.privateKey, { now: receiverClock.now });
    dec.decrypt(enc.encrypt(alice.publicKey, msg('a')));
    const tagged = enc.encrypt(alice.publicKey, msg('b'));
    receiverClock.advance(60 * 60 * 1000);
    expect(dec.tagCount).toBe(0);
    expectDecryptFailed(() => dec.decrypt(tagged));
  });

  it('a tag used just before the hour still works', () => {
    const c = clock();
    const enc = new E2eEncryptor({ now: c.now });
    const dec = new E2eDecryptor(alice.privateKey, { now: c.now });
    dec.decrypt(enc.encrypt(alice.publicKey, msg('a')));
    c.advance(54 * 60 * 1000);
    const sealed = enc.seal(alice.publicKey, msg('b'));
    expect(sealed.scenario).toBe(2);
    expect(dec.decrypt(sealed.data)).toEqual(msg('b'));
  });

  it('the sender stops using tags after 55 minutes and falls back to scenario 1', () => {
    const c = clock();
    const enc = new E2eEncryptor({ now: c.now });
    const dec = new E2eDecryptor(alice.privateKey, { now: c.now });
    dec.decrypt(enc.encrypt(alice.publicKey, msg('a')));
    c.advance(55 * 60 * 1000);
    expect(enc.usableTags(alice.publicKey)).toBe(0);
    const sealed = enc.seal(alice.publicKey, msg('b'));
    expect(sealed.scenario).toBe(1);
    expect(dec.decrypt(sealed.data)).toEqual(msg('b'));
  });

  it('an unknown tag (another receiver) is read as scenario 1 and fails', () => {
    const enc = new E2eEncryptor();
    enc.encrypt(alice.publicKey, msg('a'));
    const tagged = enc.encrypt(alice.publicKey, msg('b'));
    expectDecryptFailed(() => new E2eDecryptor(alice.privateKey).decrypt(tagged));
  });

  it('a message for another key fails', () => {
    const sealed = new E2eEncryptor().encrypt(bob.publicKey, msg('for bob'));
    expectDecryptFailed(() => new E2eDecryptor(alice.privateKey).decrypt(sealed));
    expect(new E2eDecryptor(bob.privateKey).decrypt(sealed)).toEqual(msg('for bob'));
  });

  it('tampering with the ElGamal block, the body or the tag fails and stores no tags', () => {
    const payload = new Uint8Array(100).fill(7);
    const enc = new E2eEncryptor({ tagsPerDelivery: 3 });
    const first = enc.encrypt(alice.publicKey, payload);
    // body starts after 514 + 2 + 3*32 + 4 + 32 + 1 = 649
    for (const at of [5, 300, 700, first.length - 20]) {
      const dec = new E2eDecryptor(alice.privateKey);
      const bad = first.slice();
      bad[at]! ^= 0x80;
      expectDecryptFailed(() => dec.decrypt(bad));
      expect(dec.tagCount).toBe(0);
    }
    // A failed attempt does not mark the ElGamal block as seen: the genuine message still opens.
    const dec = new E2eDecryptor(alice.privateKey);
    const badBody = first.slice();
    badBody[700]! ^= 1;
    expectDecryptFailed(() => dec.decrypt(badBody));
    expect(dec.decrypt(first)).toEqual(payload);
    const tagged = enc.encrypt(alice.publicKey, payload);
    for (const at of [0, 40, 100, tagged.length - 1]) {
      const bad = tagged.slice();
      bad[at]! ^= 0x01;
      expectDecryptFailed(() => dec.decrypt(bad));
    }
  });

  it('a key-hash mismatch on a known tag falls back to scenario 1 (and spends the tag)', () => {
    const enc = new E2eEncryptor();
    const dec = new E2eDecryptor(alice.privateKey);
    dec.decrypt(enc.encrypt(alice.publicKey, msg('a')));
    const tagged = enc.encrypt(alice.publicKey, msg('b'));
    const bad = tagged.slice();
    bad[40]! ^= 1; // first block after the tag holds SHA-256(SessionKey)
    expectDecryptFailed(() => dec.decrypt(bad));
    expectDecryptFailed(() => dec.decrypt(tagged));
    expect(dec.tagCount).toBe(39);
  });

  it('truncated, empty and random inputs fail with DECRYPT_FAILED', () => {
    const dec = new E2eDecryptor(alice.privateKey);
    const sealed = new E2eEncryptor().encrypt(alice.publicKey, msg('x'));
    for (const data of [new Uint8Array(0), sealed.subarray(0, 31), sealed.subarray(0, 514), sealed.subarray(0, sealed.length - 1)]) {
      expectDecryptFailed(() => dec.decrypt(data));
    }
  });

  test.prop([fc.uint8Array({ maxLength: 700 })], { numRuns: 20 })('random bytes never decrypt', (data) => {
    expectDecryptFailed(() => new E2eDecryptor(alice.privateKey).decrypt(data));
  });

  it('rekeys after 10 minutes: flag 1 with a new SessionKey that later tags are bound to', () => {
    const c = clock();
    const enc = new E2eEncryptor({ now: c.now });
    const dec = new E2eDecryptor(alice.privateKey, { now: c.now });
    const first = enc.encrypt(alice.publicKey, msg('a'));
    const oldKey = elgamalDecrypt(alice.privateKey, first.subarray(0, 514)).subarray(0, 32);
    dec.decrypt(first);
    c.advance(E2E_DEFAULTS.rekeyAfterMs);
    const rekey = enc.seal(alice.publicKey, msg('b'));
    rekey.confirm();
    expect(rekey.rekeyed).toBe(true);
    expect(rekey.tagsDelivered).toBe(40);
    // Read the flag and new key by hand: tag ‖ AES(old key)[SHA-256(key) ‖ count ‖ tags ‖ size ‖ hash ‖ flag ‖ key ‖ body]
    const plain = aes256CbcDecrypt(oldKey, sha256(rekey.data.subarray(0, 32)).subarray(0, 16), rekey.data.subarray(32));
    const flagAt = 32 + 2 + 40 * 32 + 4 + 32;
    expect(plain[flagAt]).toBe(1);
    const newKey = plain.slice(flagAt + 1, flagAt + 33);
    expect(newKey).not.toEqual(oldKey);
    expect(dec.decrypt(rekey.data)).toEqual(msg('b'));
    expect(dec.tagCount).toBe(39 + 40);

    // Old tags stay usable with the old key; once they are gone, the new ones use the new key.
    for (let i = 0; i < 39; i++) dec.decrypt(enc.encrypt(alice.publicKey, msg(`old ${i}`)));
    const next = enc.encrypt(alice.publicKey, msg('new'));
    const newPlain = aes256CbcDecrypt(newKey, sha256(next.subarray(0, 32)).subarray(0, 16), next.subarray(32));
    expect(newPlain.subarray(0, 32)).toEqual(sha256(newKey));
    expect(dec.decrypt(next)).toEqual(msg('new'));
  });

  it('seal() without confirm keeps delivered tags unusable; fail() forgets them', () => {
    const enc = new E2eEncryptor();
    const dec = new E2eDecryptor(alice.privateKey);
    const lost = enc.seal(alice.publicKey, msg('lost'));
    expect(enc.usableTags(alice.publicKey)).toBe(0);
    lost.fail();
    lost.confirm(); // too late: already settled
    expect(enc.usableTags(alice.publicKey)).toBe(0);
    const next = enc.seal(alice.publicKey, msg('next'));
    expect(next.scenario).toBe(1);
    expect(next.tagsDelivered).toBe(40);
    expect(dec.decrypt(next.data)).toEqual(msg('next'));
    next.confirm();
    expect(enc.usableTags(alice.publicKey)).toBe(40);
  });

  it('while a delivery is in flight no second batch is sent', () => {
    const enc = new E2eEncryptor();
    const a = enc.seal(alice.publicKey, msg('a'));
    const b = enc.seal(alice.publicKey, msg('b'));
    expect(a.tagsDelivered).toBe(40);
    expect(b.tagsDelivered).toBe(0);
    expect(b.scenario).toBe(1);
  });

  it('bounds the tags it keeps, per SessionKey and in total', () => {
    const perKey = new E2eDecryptor(alice.privateKey, { maxTagsPerKey: 25 });
    perKey.decrypt(new E2eEncryptor().encrypt(alice.publicKey, msg('a')));
    expect(perKey.tagCount).toBe(25);

    const total = new E2eDecryptor(alice.privateKey, { maxTags: 60 });
    total.decrypt(new E2eEncryptor().encrypt(alice.publicKey, msg('a')));
    const enc = new E2eEncryptor();
    total.decrypt(enc.encrypt(alice.publicKey, msg('b')));
    expect(total.tagCount).toBe(60);
    // The newest sender's tags survived, so it can still use them.
    expect(total.decrypt(enc.encrypt(alice.publicKey, msg('c')))).toEqual(msg('c'));
  });

  it('refuses non-ElGamal keys', () => {
    const x = generateEncryptionKeys(4);
    for (const f of [() => new E2eEncryptor().encrypt(x.publicKey, msg('a')), () => new E2eDecryptor(x.privateKey)]) {
      try {
        f();
        expect.unreachable();
      } catch (e) {
        expect(isI2cpError(e) && e.code).toBe('UNSUPPORTED_TYPE');
      }
    }
  });

  it('decrypts a message whose AES part carries extra padding (other senders may pad more)', () => {
    // Built by hand from the spec layout: scenario 1 with no tags and 32 extra padding bytes.
    const enc = new E2eEncryptor({ tagsPerDelivery: 0 });
    const sealed = enc.encrypt(alice.publicKey, msg('pad'));
    const clear = elgamalDecrypt(alice.privateKey, sealed.subarray(0, 514));
    const key = clear.subarray(0, 32);
    const iv = sha256(clear.subarray(32, 64)).subarray(0, 16);
    const plain = concatBytes([aes256CbcDecrypt(key, iv, sealed.subarray(514)), new Uint8Array(32)]);
    const padded = concatBytes([sealed.subarray(0, 514), aes256CbcEncrypt(key, iv, plain)]);
    expect(new E2eDecryptor(alice.privateKey).decrypt(padded)).toEqual(msg('pad'));
  });
});
