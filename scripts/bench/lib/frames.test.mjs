// node --test scripts/: the bench's frame splitter must yield exactly the frames sent, however the
// stream is cut into reads.
import assert from 'node:assert/strict';
import test from 'node:test';
import { FrameReader, bodyOf, encodeFrame } from './frames.mjs';

const frames = Array.from({ length: 120 }, (_, i) => encodeFrame(i % 256, Buffer.alloc((i * 53) % 2500, i)));
const stream = Buffer.concat(frames);

/** @param {number[]} cuts read sizes, repeated until the stream is consumed */
function readAll(cuts) {
  const reader = new FrameReader();
  /** @type {Buffer[]} */
  const got = [];
  for (let offset = 0, i = 0; offset < stream.length; i++) {
    const size = cuts[i % cuts.length] ?? 1;
    reader.push(stream.subarray(offset, offset + size), (frame) => got.push(Buffer.from(frame)));
    offset += size;
  }
  return got;
}

test('frames come out whole and in order for any read size', () => {
  for (const cuts of [[1], [2, 3], [5], [7, 4093], [65_536], [stream.length], [1, 6000, 2, 17]]) {
    assert.deepEqual(readAll(cuts), frames, `reads of ${cuts.join(', ')} bytes`);
  }
});

test('type and body are read from the frame', () => {
  const reader = new FrameReader();
  /** @type {[number | undefined, string][]} */
  const seen = [];
  reader.push(encodeFrame(42, Buffer.from('hello')), (frame) => seen.push([frame[4], bodyOf(frame).toString()]));
  assert.deepEqual(seen, [[42, 'hello']]);
});

test('a frame longer than the limit is refused before it is buffered', () => {
  const reader = new FrameReader(10);
  assert.throws(() => reader.push(encodeFrame(1, Buffer.alloc(11)).subarray(0, 5), () => {}), /exceeds 10/);
});

test('takeRest hands over an incomplete frame', () => {
  const reader = new FrameReader();
  const frame = encodeFrame(3, Buffer.from('abcdef'));
  reader.push(frame.subarray(0, 8), () => assert.fail('no frame is complete'));
  assert.deepEqual(reader.takeRest(), frame.subarray(0, 8));
  assert.equal(reader.takeRest().length, 0);
});
