import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration } from '../../../webview/dag/durations';
import type { DagLayout } from '../../../webview/dag/layout';
import { neighbour } from '../../../webview/dag/navigation';

//        a
//      /   \
//     b     c     (b, c on one rank)
//      \   /
//        d
const box = (x: number, y: number) => ({ x, y, width: 100, height: 40 });
const layout: DagLayout = {
  nodes: new Map([
    ['a', box(150, 20)],
    ['b', box(50, 100)],
    ['c', box(250, 100)],
    ['d', box(150, 180)],
  ]),
  groups: new Map(),
  edges: [
    { from: 'a', to: 'b', points: [] },
    { from: 'a', to: 'c', points: [] },
    { from: 'b', to: 'd', points: [] },
    { from: 'c', to: 'd', points: [] },
  ],
  width: 300,
  height: 200,
};

void test('arrow keys follow edges down and up, and move along a rank left and right', () => {
  assert.equal(neighbour(layout, 'a', 'down'), 'b');
  assert.equal(neighbour(layout, 'b', 'right'), 'c');
  assert.equal(neighbour(layout, 'c', 'left'), 'b');
  assert.equal(neighbour(layout, 'c', 'down'), 'd');
  assert.equal(neighbour(layout, 'd', 'up'), 'b');
  assert.equal(neighbour(layout, 'a', 'up'), undefined);
  assert.equal(neighbour(layout, 'c', 'right'), undefined);
});

void test('durations read short', () => {
  assert.equal(formatDuration(850), '850 ms');
  assert.equal(formatDuration(6200), '6.2 s');
  assert.equal(formatDuration(42_000), '42 s');
  assert.equal(formatDuration(245_000), '4 min 05 s');
  assert.equal(formatDuration(3_725_000), '1 h 02 min');
});
