import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  describeEnvironment,
  environmentExecutables,
  orderEnvironments,
  parseCondaEnvironmentsTxt,
  parseCondaEnvList,
  probedEnvironmentPath,
  type PythonEnvironment,
} from '../../../src/core/setup/pythonEnvironments';

const env = (
  origin: PythonEnvironment['origin'],
  path: string,
  isInterpreter = false,
): PythonEnvironment => ({
  origin,
  path,
  isInterpreter,
});

void describe('Python environments for DVC discovery', () => {
  void it("orders by the person's choice first: Python extension, setting, poetry, pipenv, conda active, conda, pyenv", () => {
    const found = [
      env('pyenv', '/home/u/.pyenv/versions/3.12.1'),
      env('conda', '/opt/conda/envs/ml'),
      env('condaActive', '/opt/conda/envs/base2'),
      env('pipenv', '/home/u/.local/share/virtualenvs/p-x'),
      env('poetry', '/home/u/.cache/pypoetry/virtualenvs/p-py3.12'),
      env('defaultInterpreterPath', '/w/env/bin/python', true),
      env('pythonExtension', '/w/.venv2/bin/python', true),
      env('pyenv', '/home/u/.pyenv/versions/3.11.9'),
    ];
    assert.deepEqual(
      orderEnvironments(found).map((found) => `${found.origin} ${found.path}`),
      [
        'pythonExtension /w/.venv2/bin/python',
        'defaultInterpreterPath /w/env/bin/python',
        'poetry /home/u/.cache/pypoetry/virtualenvs/p-py3.12',
        'pipenv /home/u/.local/share/virtualenvs/p-x',
        'condaActive /opt/conda/envs/base2',
        'conda /opt/conda/envs/ml',
        'pyenv /home/u/.pyenv/versions/3.12.1',
        'pyenv /home/u/.pyenv/versions/3.11.9',
      ],
    );
  });

  void it('one environment named twice is tried once, where it ranks highest', () => {
    const ordered = orderEnvironments([
      env('conda', '/opt/conda/envs/ml'),
      env('condaActive', '/opt/conda/envs/ml/'),
      env('pythonExtension', '/opt/conda/envs/ml/bin/python', true),
    ]);
    assert.deepEqual(
      ordered.map((found) => found.origin),
      ['pythonExtension'],
    );
  });

  void it("runs the environment's own dvc, else python -m dvc, on POSIX and Windows layouts", () => {
    assert.deepEqual(environmentExecutables(env('conda', '/opt/conda/envs/ml/'), 'linux'), {
      dvc: '/opt/conda/envs/ml/bin/dvc',
      python: '/opt/conda/envs/ml/bin/python',
    });
    assert.deepEqual(environmentExecutables(env('pythonExtension', '/w/.venv/bin/python3', true), 'linux'), {
      dvc: '/w/.venv/bin/dvc',
      python: '/w/.venv/bin/python3',
    });
    assert.deepEqual(environmentExecutables(env('poetry', 'C:\\envs\\p'), 'win32'), {
      dvc: 'C:\\envs\\p\\Scripts\\dvc.exe',
      python: 'C:\\envs\\p\\python.exe',
    });
    assert.deepEqual(
      environmentExecutables(env('pythonExtension', 'C:\\w\\.venv\\Scripts\\python.exe', true), 'win32'),
      { dvc: 'C:\\w\\.venv\\Scripts\\dvc.exe', python: 'C:\\w\\.venv\\Scripts\\python.exe' },
    );
    assert.equal(
      describeEnvironment(env('conda', '/opt/conda/envs/ml')),
      'conda environment /opt/conda/envs/ml',
    );
  });

  void it("reads conda's env list and environments.txt, and a probe's printed path", () => {
    assert.deepEqual(parseCondaEnvList('{"envs": ["/opt/conda", "/opt/conda/envs/ml", 3]}'), [
      '/opt/conda',
      '/opt/conda/envs/ml',
    ]);
    assert.deepEqual(parseCondaEnvList('conda: command not found'), []);
    assert.deepEqual(parseCondaEnvironmentsTxt('/opt/conda\n\n# note\n/home/u/envs/x\r\n'), [
      '/opt/conda',
      '/home/u/envs/x',
    ]);
    assert.equal(
      probedEnvironmentPath('Creating virtualenv...\n/home/u/.cache/p/venv\n'),
      '/home/u/.cache/p/venv',
    );
    assert.equal(probedEnvironmentPath('C:\\Users\\u\\envs\\p\r\n'), 'C:\\Users\\u\\envs\\p');
    assert.equal(probedEnvironmentPath('No virtualenv has been created for this project yet!'), undefined);
  });
});
