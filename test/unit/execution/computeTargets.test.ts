/** The registry of compute targets: one target per id, found by id, listed in registration order. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ComputeTargets,
  LOCAL_MACHINE_TARGET_ID,
  LocalMachineTarget,
  type ComputeTarget,
} from '../../../src/execution';

function target(id: string, label = id): ComputeTarget {
  return {
    id,
    label,
    kind: 'ssh',
    modes: ['queue'],
    submit: () => Promise.reject(new Error('not in this test')),
  };
}

void test('a registered target is found by its id and listed in registration order', () => {
  const targets = new ComputeTargets();
  const local = new LocalMachineTarget();
  targets.register(local);
  targets.register(target('gpu-box'));
  assert.equal(targets.get(LOCAL_MACHINE_TARGET_ID), local);
  assert.equal(targets.require('gpu-box').id, 'gpu-box');
  assert.deepEqual(
    targets.list().map((each) => each.id),
    ['local', 'gpu-box'],
  );
});

void test('a second target with an id already taken is refused, and the first one stays', () => {
  const targets = new ComputeTargets();
  const first = target('cluster', 'First');
  targets.register(first);
  assert.throws(() => targets.register(target('cluster', 'Second')), /'cluster' is registered already/);
  assert.equal(targets.get('cluster'), first);
  assert.equal(targets.list().length, 1);
});

void test('an unknown id: get answers undefined, require says which ids exist', () => {
  const targets = new ComputeTargets();
  assert.equal(targets.get('nowhere'), undefined);
  assert.throws(() => targets.require('nowhere'), /No compute target 'nowhere' \(registered: none\)/);
  targets.register(new LocalMachineTarget());
  assert.throws(() => targets.require('slurm'), /\(registered: local\)/);
});

void test('disposing a registration takes the target away and frees its id', () => {
  const targets = new ComputeTargets();
  const registration = targets.register(target('gpu-box'));
  registration.dispose();
  assert.equal(targets.get('gpu-box'), undefined);
  const again = target('gpu-box', 'Again');
  targets.register(again);
  // Disposing the old registration twice must not remove the new target with the same id.
  registration.dispose();
  assert.equal(targets.get('gpu-box'), again);
});
