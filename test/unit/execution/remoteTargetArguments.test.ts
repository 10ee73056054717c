import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sbatchArguments, sbatchHeader } from '../../../src/core/execution/sbatchArguments';
import { sshArguments, sshDestination } from '../../../src/core/execution/sshArguments';
import { parseTargetCheck, targetCheckSnippet } from '../../../src/core/execution/targetCheck';
import type { SlurmTargetSettings } from '../../../src/core/execution/computeTargetSettings';

const slurm: SlurmTargetSettings = { kind: 'slurm', name: 'hpc', workFolder: '/scratch/runs' };

void test('ssh: batch mode, the connection options, then -- host and one remote command line', () => {
  assert.deepEqual(sshArguments({ host: 'gpu-box' }, 'echo hi'), [
    '-o',
    'BatchMode=yes',
    '-o',
    'ConnectTimeout=20',
    '-T',
    '--',
    'gpu-box',
    'echo hi',
  ]);
  const full = sshArguments(
    { host: '127.0.0.1', user: 'ada', port: 2222, identityFile: '/k/id', configFile: '/t/ssh_config' },
    'true',
    { terminal: true },
  );
  assert.deepEqual(full.slice(0, 2), ['-F', '/t/ssh_config']);
  assert.ok(full.join(' ').includes('-p 2222 -i /k/id -o IdentitiesOnly=yes -l ada -t -- 127.0.0.1 true'));
  assert.ok(!full.some((arg) => /StrictHostKeyChecking|UserKnownHostsFile=\/dev\/null/.test(arg)));
  assert.equal(sshDestination({ host: 'h', user: 'u', port: 22 }), 'u@h:22');
});

void test('ssh: a host or user that ssh would read as an option, or a bad port, is refused', () => {
  assert.throws(() => sshArguments({ host: '-oProxyCommand=touch x' }, 'true'), /not an SSH host/);
  assert.throws(() => sshArguments({ host: 'h', user: '-l' }, 'true'), /not an SSH user/);
  assert.throws(() => sshArguments({ host: 'h', port: 70000 }, 'true'), /not a TCP port/);
});

void test('sbatch: values glued to their options; output file per job id in the work folder', () => {
  assert.deepEqual(
    sbatchArguments(
      { ...slurm, partition: 'gpu', timeLimit: '2:00:00', cpus: 4, gres: 'gpu:a100:1' },
      '/scratch/runs/',
      'lr-sweep-1',
    ),
    [
      'sbatch',
      '--parsable',
      '--job-name=dvc-lens-lr-sweep-1',
      '--output=/scratch/runs/dvc-lens-%j.log',
      '--partition=gpu',
      '--time=2:00:00',
      '--cpus-per-task=4',
      '--gres=gpu:a100:1',
    ],
  );
  assert.deepEqual(sbatchArguments({ ...slurm, partition: '-x' }, 'runs', 'e').slice(4), ['--partition=-x']);
  assert.throws(() => sbatchArguments(slurm, '/scratch/100%', 'e'), /'%'/);
  assert.throws(() => sbatchArguments({ ...slurm, cpus: 0 }, '/w', 'e'), /whole number/);
  assert.throws(() => sbatchArguments({ ...slurm, partition: 'a\nb' }, '/w', 'e'), /no usable value/);
});

void test('extra #SBATCH lines: one option each, on one line', () => {
  assert.deepEqual(sbatchHeader({ ...slurm, sbatchOptions: ['--account=ml', ' --qos=low '] }), [
    '#SBATCH --account=ml',
    '#SBATCH --qos=low',
  ]);
  assert.throws(() => sbatchHeader({ ...slurm, sbatchOptions: ['rm -rf ~'] }), /one option/);
  assert.throws(() => sbatchHeader({ ...slurm, sbatchOptions: ['--a\n--b'] }), /one option/);
});

void test('Test Target: versions and failures as lines; not reached at all says so', () => {
  const snippet = targetCheckSnippet(
    [{ label: 'git', command: 'git --version' }],
    ['source /v/bin/activate'],
    [{ label: 'dvc', command: '"$1" --version' }],
  );
  assert.match(snippet, /check git git --version\nsource \/v\/bin\/activate\ncheck dvc "\$1" --version$/);
  assert.throws(() => targetCheckSnippet([], ['a\nb'], []), /line break/);
  assert.deepEqual(
    parseTargetCheck(
      'ok\thost\tnode1\nok\tgit\tgit version 2.39.5\nfail\tdvc\tbash: dvc: command not found\n',
      'h',
    ),
    {
      ok: false,
      lines: [
        'Reached node1 (h)',
        'git: git version 2.39.5',
        'dvc: not usable (bash: dvc: command not found)',
      ],
    },
  );
  assert.deepEqual(parseTargetCheck('Permission denied (publickey).', 'u@h'), {
    ok: false,
    lines: ['Could not run commands on u@h: Permission denied (publickey).'],
  });
});
