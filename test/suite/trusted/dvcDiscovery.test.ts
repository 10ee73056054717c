import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { extensionApi, processLines, waitFor, workspaceRoot } from '../suiteHelpers';

describe('finding DVC', () => {
  it('uses the dvc from the dvcLens.dvcPath setting and says so in the log', async () => {
    const api = await extensionApi();
    const executable = await api.locator.ready();
    assert.ok(executable, 'DVC is found');
    assert.equal(executable.source, 'setting');
    assert.equal(executable.command, vscode.workspace.getConfiguration().get('dvcLens.dvcPath'));
    assert.match(executable.version, /^3\.\d+\.\d+$/);
    // The pinned DVC is pip-installed in a venv: its version is read from files, and the log says so.
    assert.ok(
      api
        .outputLines()
        .some((line) => /found DVC 3\.\d+\.\d+ \(version from files .*dist-info, no process\)/.test(line)),
      'the version check and where it came from are logged',
    );
    assert.ok(!processLines(api).some((line) => line.includes('--version')), 'no dvc --version process');
    assert.ok(api.outputLines().some((line) => line.startsWith('DVC discovery: using DVC')));
  });

  it('picks up a venv with DVC created in the workspace after start-up, without a reload', async function () {
    // A venv, DVC linked into it, and the discovery that follows: well within a minute, even on a busy machine.
    this.timeout(120_000);
    const api = await extensionApi();
    const configuration = vscode.workspace.getConfiguration();
    const pinned = configuration.get<string>('dvcLens.dvcPath');
    assert.ok(pinned, 'the suite runs with the pinned DVC in dvcLens.dvcPath');
    const venv = join(workspaceRoot().fsPath, '.venv');
    const venvDvc = join(venv, 'bin', 'dvc');
    try {
      // Without the setting, only what discovery finds by itself counts.
      await configuration.update('dvcLens.dvcPath', '', vscode.ConfigurationTarget.Global);
      await waitFor(
        'discovery without the setting',
        () => api.locator.discovery?.candidates[0]?.outcome.kind === 'notConfigured',
        60_000,
      );
      assert.notEqual(api.locator.executable?.command, venvDvc);
      // What a person does in a terminal: make a venv and install DVC into it (here: link the pinned one).
      await promisify(execFile)('python3', ['-m', 'venv', '--without-pip', venv]);
      // pip takes its time between making the venv and writing bin/dvc.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await symlink(pinned, venvDvc);
      const found = await waitFor(
        'the new venv’s DVC',
        () => api.locator.executable?.command === venvDvc && api.locator.executable,
        60_000,
      );
      assert.equal(found.source, 'workspaceVenv');
      assert.ok(
        api
          .outputLines()
          .some((line) =>
            line.includes(
              `DVC discovery: using DVC ${found.version} from a virtual environment in the workspace: ${venvDvc}`,
            ),
          ),
      );
    } finally {
      await configuration.update('dvcLens.dvcPath', pinned, vscode.ConfigurationTarget.Global);
      await rm(venv, { recursive: true, force: true });
    }
    await waitFor('the pinned DVC again', () => api.locator.executable?.command === pinned, 60_000);
  });
});
