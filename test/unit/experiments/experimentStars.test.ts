import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isStarList, withStars } from '../../../src/core/experiments/experimentStars';

void test('starring adds each id once, in order; unstarring removes only those', () => {
  assert.deepEqual(withStars([], ['a', 'b', 'a'], true), ['a', 'b']);
  assert.deepEqual(withStars(['a', 'b'], ['b', 'c'], true), ['a', 'b', 'c']);
  assert.deepEqual(withStars(['a', 'b', 'c'], ['b', 'x'], false), ['a', 'c']);
});

void test('a stored list is trusted only when it is a list of strings', () => {
  assert.ok(isStarList(['abc', 'workspace']));
  assert.equal(isStarList('abc'), false);
  assert.equal(isStarList([1]), false);
  assert.equal(isStarList(undefined), false);
});
