import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { overrideArguments } from '../../../src/core/experiments/experimentOverrides';
import { modifiedRunPlan } from '../../../src/core/experiments/modifiedRun';

void describe('modify and run: overrides that start from another revision', () => {
  const workspace = {
    'params.yaml': { 'train.lr': 0.01, 'train.epochs': 10, 'train.layers': [64, 32], name: 'base' },
    'conf.json': { seed: 1 },
  };

  void it("overrides every param of the source with its exact value (the workspace's may be stale)", () => {
    const source = {
      'params.yaml': { 'train.lr': 0.123456789012, 'train.epochs': 10, 'train.layers': [128], name: 'true' },
      'conf.json': { seed: 1 },
    };
    const plan = modifiedRunPlan(source, workspace, []);
    assert.deepEqual(overrideArguments(plan.overrides), [
      '-S',
      'train.lr=0.123456789012',
      '-S',
      'train.epochs=10',
      '-S',
      'train.layers=[128]',
      '-S',
      // A string YAML would read as a boolean stays a string.
      'name="true"',
      '-S',
      'conf.json:seed=1',
    ]);
    assert.deepEqual(plan.missingInWorkspace, []);
  });

  void it("the person's edits replace the source's value in place and add the keys they changed", () => {
    const source = { 'params.yaml': { 'train.lr': 0.5, 'train.epochs': 10 }, 'conf.json': { seed: 7 } };
    const plan = modifiedRunPlan(source, workspace, [
      { file: 'params.yaml', key: 'train.lr', value: '0.2' },
      { file: 'params.yaml', key: 'train.epochs', value: '3' },
    ]);
    assert.deepEqual(plan.overrides, [
      { file: 'params.yaml', key: 'train.lr', value: '0.2' },
      { file: 'params.yaml', key: 'train.epochs', value: '3' },
      { file: 'conf.json', key: 'seed', value: '7' },
    ]);
  });

  void it('a string with a comma stays one value (Modify and Queue would read it as a grid)', () => {
    const plan = modifiedRunPlan({ 'params.yaml': { name: 'a, b' } }, workspace, []);
    // (the other params of the workspace are not in this source, so only `name` is overridden)
    assert.deepEqual(plan.overrides, [{ file: 'params.yaml', key: 'name', value: '"a, b"' }]);
  });

  void it("a string in a Python params file equal to the workspace's is left out (DVC cannot rewrite it)", () => {
    const python = { 'params.py': { NAME: 'cnn', LR: 0.1 } };
    const plan = modifiedRunPlan(python, python, []);
    assert.deepEqual(plan.overrides, [{ file: 'params.py', key: 'LR', value: '0.1' }]);
  });

  void it('params the workspace no longer has are reported, not overridden (DVC cannot add a key)', () => {
    const source = { 'params.yaml': { 'train.lr': 0.01, 'train.dropout': 0.3 }, 'old.yaml': { a: 1 } };
    const plan = modifiedRunPlan(source, workspace, []);
    assert.deepEqual(plan.overrides, [{ file: 'params.yaml', key: 'train.lr', value: '0.01' }]);
    assert.deepEqual(plan.missingInWorkspace, ['params.yaml:train.dropout', 'old.yaml:a']);
  });
});
