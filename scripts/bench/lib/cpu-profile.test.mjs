// node --test scripts/: the CPU profile summary adds self samples per function and per area.
import assert from 'node:assert/strict';
import test from 'node:test';
import { areaOf, summariseProfile } from './cpu-profile.mjs';

/** @param {number} id @param {string} name @param {string} url @param {number} hits @param {number} [line] */
const node = (id, name, url, hits, line = 0) => ({ id, hitCount: hits, callFrame: { functionName: name, url, lineNumber: line } });

test('areas name the package, Node internals, dependencies and V8 pseudo-frames', () => {
  assert.equal(areaOf('file:///work/main/packages/codec/dist/index.js', 'f'), '@i2cp/codec');
  assert.equal(areaOf('node:internal/stream_base_commons', 'writeGeneric'), 'node internals');
  assert.equal(areaOf('file:///x/node_modules/@noble/curves/ed25519.js', 'f'), '@noble/curves');
  assert.equal(areaOf('', '(garbage collector)'), '(garbage collector)');
  assert.equal(areaOf('', 'writev'), '(native)');
});

test('self samples of one function at several nodes are added; shares are of all samples', () => {
  const url = 'file:///w/packages/router-stub/dist/index.js';
  const summary = summariseProfile({
    nodes: [
      node(1, '(root)', '', 0),
      node(2, 'deliver', url, 30, 9),
      node(3, 'deliver', url, 20, 9),
      node(4, '(idle)', '', 40),
      node(5, 'writev', '', 10),
    ],
  });
  assert.equal(summary.total, 100);
  assert.deepEqual(summary.frames[0], { frame: 'deliver index.js:10', area: '@i2cp/router-stub', samples: 50, share: 0.5 });
  assert.deepEqual(
    summary.areas.map((a) => [a.area, a.samples]),
    [['@i2cp/router-stub', 50], ['(idle)', 40], ['(native)', 10]],
  );
});

test('top limits the listed functions, not the areas', () => {
  const summary = summariseProfile({ nodes: [node(1, 'a', 'node:x', 3), node(2, 'b', 'node:y', 2), node(3, 'c', '', 1)] }, 2);
  assert.deepEqual(summary.frames.map((f) => f.frame), ['a node:x:1', 'b node:y:1']);
  assert.equal(summary.areas.length, 2);
});

test('a window counts only the samples taken within it', () => {
  const profile = {
    nodes: [node(1, 'setup', 'node:a', 2), node(2, 'relay', 'node:b', 2)],
    startTime: 1_000,
    samples: [1, 1, 2, 2],
    timeDeltas: [10, 10, 10, 10], // samples at 1010, 1020, 1030, 1040 µs
  };
  const all = summariseProfile(profile);
  assert.equal(all.total, 4);
  const windowed = summariseProfile(profile, 15, { fromUs: 1_025, toUs: 1_040 });
  assert.equal(windowed.total, 2);
  assert.deepEqual(windowed.frames.map((f) => [f.frame, f.samples]), [['relay node:b:1', 2]]);
});
