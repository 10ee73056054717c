import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { environmentFolderOf, NewEnvironmentWatch } from '../../../src/setup/newEnvironmentWatch';

void test('the environment folder a watcher event names', () => {
  assert.equal(environmentFolderOf('/w/.venv'), '/w/.venv');
  assert.equal(environmentFolderOf('/w/venv'), '/w/venv');
  assert.equal(environmentFolderOf('/w/.venv/pyvenv.cfg'), '/w/.venv');
  assert.equal(environmentFolderOf('/w/envs/ml/bin'), '/w/envs/ml');
  assert.equal(environmentFolderOf('/w/data/raw.csv'), undefined);
  assert.equal(environmentFolderOf('/w/.venv/bin/dvc'), undefined, 'the file itself is an event of its own');
});

void test('says once when dvc arrives in a watched venv, seconds after the venv', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'dvc-lens-new-venv-'));
  let arrived = 0;
  const watch = new NewEnvironmentWatch(() => arrived++);
  try {
    watch.watch(folder);
    watch.watch(folder);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    assert.equal(arrived, 0);
    await mkdir(join(folder, 'bin'));
    await writeFile(join(folder, 'bin', 'dvc'), '#!/bin/sh\n');
    await chmod(join(folder, 'bin', 'dvc'), 0o755);
    const deadline = Date.now() + 10_000;
    while (arrived === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(arrived, 1);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    assert.equal(arrived, 1, 'once');
  } finally {
    watch.dispose();
    await rm(folder, { recursive: true, force: true });
  }
});
