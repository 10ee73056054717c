import * as assert from 'node:assert/strict';
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { extensionApi, waitFor } from '../suiteHelpers';

describe('DVC missing or too old', () => {
  it('falls back to the welcome state when the configured DVC is too old, and recovers when fixed', async () => {
    const api = await extensionApi();
    const configuration = vscode.workspace.getConfiguration();
    const original = configuration.get<string>('dvcLens.dvcPath');
    const folder = await mkdtemp(join(tmpdir(), 'dvc-lens-old-dvc-'));
    const oldDvc = join(folder, 'dvc');
    await writeFile(oldDvc, '#!/bin/sh\necho 2.58.2\n');
    await chmod(oldDvc, 0o755);
    try {
      await configuration.update('dvcLens.dvcPath', oldDvc, vscode.ConfigurationTarget.Global);
      const discovery = await waitFor('discovery of the old DVC', () => {
        const current = api.locator.discovery;
        return current?.candidates[0]?.command === oldDvc ? current : undefined;
      });
      assert.deepEqual(discovery.candidates[0]?.outcome, {
        kind: 'tooOld',
        version: '2.58.2',
        minimum: '3.0.0',
      });
      // Never the old one (a newer DVC on PATH may still be chosen after it).
      assert.notEqual(api.locator.executable?.command, oldDvc);
      assert.ok(api.outputLines().some((line) => line.includes('2.58.2 is older than the minimum 3.0.0')));
    } finally {
      await configuration.update('dvcLens.dvcPath', original, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the pinned DVC to be found again', () => api.locator.executable?.version.startsWith('3.'));
  });
});
