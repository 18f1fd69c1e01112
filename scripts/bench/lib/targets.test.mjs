// node --test scripts/: target verdicts say met, or by how much a figure missed.
import assert from 'node:assert/strict';
import test from 'node:test';
import { ratio, verdict } from './targets.mjs';

test('at least: met at or above the target, else the shortfall relative to the target', () => {
  assert.equal(verdict(0.6, 0.6, 'at least'), 'met');
  assert.equal(verdict(0.75, 0.6, 'at least'), 'met');
  assert.equal(verdict(0.45, 0.6, 'at least'), 'missed by 25 %');
  assert.equal(verdict(5.7, 6, 'at least'), 'missed by 5.0 %');
});

test('at most: met at or below the target, else the excess relative to the target', () => {
  assert.equal(verdict(1.9, 2, 'at most'), 'met');
  assert.equal(verdict(5, 2, 'at most'), 'missed by 150 %');
  assert.equal(verdict(16.5, 16, 'at most'), 'missed by 3.1 %');
});

test('a missing figure is never a pass', () => {
  assert.equal(verdict(Number.NaN, 2, 'at most'), 'not measured');
});

test('ratios', () => {
  assert.equal(ratio(150, 250), '0.60×');
  assert.equal(ratio(160_000, 15_000), '10.7×');
  assert.equal(ratio(1, undefined), 'n/a');
  assert.equal(ratio(1, 0), 'n/a');
});
