import assert from 'node:assert/strict';
import test from 'node:test';
import { Histogram } from './histogram.mjs';

test('quantiles are within 1 % of the exact values', () => {
  const h = new Histogram();
  const values = Array.from({ length: 10_000 }, (_, i) => 1_000 + i * 97); // 1 µs … ~0.97 ms in ns
  for (const v of values) h.record(v);
  for (const q of [0.5, 0.99, 0.999]) {
    const exact = values[Math.ceil(q * values.length) - 1] ?? 0;
    const got = h.quantile(q);
    assert.ok(got >= exact && got <= exact * 1.0101, `q${q}: ${got} vs ${exact}`);
  }
});

test('an empty histogram has no quantiles, and JSON round-trips', () => {
  assert.ok(Number.isNaN(new Histogram().quantile(0.5)));
  const h = new Histogram();
  h.record(5_000);
  h.record(7_000_000);
  const copy = Histogram.fromJSON(JSON.parse(JSON.stringify(h)));
  assert.equal(copy.count, 2);
  assert.equal(copy.quantile(1), h.quantile(1));
});
