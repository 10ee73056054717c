import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dvcPythonCandidates } from '../../../src/setup/dvcEnvironmentPython';

void test('a plugin goes into the environment DVC runs from', () => {
  const venv = {
    command: '/p/.venv/bin/dvc',
    prefixArgs: [],
    source: 'workspaceVenv',
    version: '3.67.1',
  } as const;
  assert.deepEqual(dvcPythonCandidates(venv, '/p/.venv/bin/dvc', 'linux'), [
    '/p/.venv/bin/python',
    '/p/.venv/bin/python3',
  ]);
  // pipx links ~/.local/bin/dvc into its own venv: the link is resolved first.
  const pipx = { ...venv, command: '/home/u/.local/bin/dvc', source: 'path' } as const;
  assert.deepEqual(
    dvcPythonCandidates(pipx, '/home/u/.local/pipx/venvs/dvc/bin/dvc', 'linux')[0],
    '/home/u/.local/pipx/venvs/dvc/bin/python',
  );
  const module = {
    command: '/usr/bin/python3',
    prefixArgs: ['-m', 'dvc'],
    source: 'pythonModule',
    version: '3.67.1',
  } as const;
  assert.deepEqual(dvcPythonCandidates(module, '/usr/bin/python3.11', 'linux'), ['/usr/bin/python3']);
  assert.deepEqual(dvcPythonCandidates(venv, 'C:\\p\\.venv\\Scripts\\dvc.exe', 'win32'), [
    'C:\\p\\.venv\\Scripts\\python.exe',
    'C:\\p\\.venv\\python.exe',
  ]);
});
