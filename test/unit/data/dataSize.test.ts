import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeSize, formatSize } from '../../../src/core/data/dataSize';

void test('sizes in decimal units, one decimal below 100', () => {
  assert.equal(formatSize(0), '0 B');
  assert.equal(formatSize(999), '999 B');
  assert.equal(formatSize(1000), '1.0 kB');
  assert.equal(formatSize(13634), '13.6 kB');
  assert.equal(formatSize(123_456_789), '123 MB');
  assert.equal(formatSize(999_960), '1.0 MB');
  assert.equal(formatSize(5_300_000_000_000), '5.3 TB');
  assert.equal(formatSize(-1), '');
});

void test('folders say how many files they hold', () => {
  assert.equal(describeSize(12_345, 3), '12.3 kB · 3 files');
  assert.equal(describeSize(8, 1), '8 B · 1 file');
  assert.equal(describeSize(148, undefined), '148 B');
  assert.equal(describeSize(undefined, undefined), '');
});
