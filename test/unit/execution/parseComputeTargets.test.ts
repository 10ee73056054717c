/** `dvcLens.computeTargets` from settings.json: good entries typed, bad ones left out with a problem naming entry and field. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeTargetsValue, parseComputeTargets } from '../../../src/core/execution/parseComputeTargets';

const ssh = {
  name: 'gpu-box',
  kind: 'ssh',
  workFolder: '/scratch/runs',
  ssh: { host: 'gpu.example.org', user: 'ana', port: 2222, identityFile: '~/.ssh/id_ed25519' },
};
const slurm = {
  name: 'cluster',
  kind: 'slurm',
  workFolder: '/home/ana/runs',
  dvcCommand: '/opt/venv/bin/dvc',
  partition: 'gpu',
  timeLimit: '2:00:00',
  cpus: 4,
  gres: 'gpu:a100:1',
  sbatchOptions: ['--account=ml'],
  setup: ['module load python', 'source ~/venv/bin/activate'],
  login: { host: 'login.hpc' },
};

void test('an ssh and a slurm entry become typed targets, in order', () => {
  const parsed = parseComputeTargets([ssh, slurm]);
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.targets, [ssh, slurm]);
});

void test('no setting is no targets and no problem', () => {
  assert.deepEqual(parseComputeTargets(undefined), { targets: [], problems: [] });
  assert.deepEqual(parseComputeTargets([]), { targets: [], problems: [] });
});

void test('a setting that is not a list is one problem', () => {
  const parsed = parseComputeTargets({ name: 'x' });
  assert.deepEqual(parsed.targets, []);
  assert.match(parsed.problems[0] ?? '', /dvcLens\.computeTargets must be a list/);
});

void test('each bad field leaves its entry out with a problem naming the entry and the field', () => {
  const cases: Array<[unknown, RegExp]> = [
    [{ ...ssh, kind: 'kubernetes' }, /#1 "gpu-box": 'kind' .*Kubernetes is not supported/],
    [{ ...ssh, name: undefined }, /#1: 'name' is missing/],
    [{ ...ssh, workFolder: '' }, /#1 "gpu-box": 'workFolder' is empty/],
    [{ ...ssh, ssh: undefined }, /'ssh' is missing/],
    [{ ...ssh, ssh: { host: '-oProxyCommand=evil' } }, /'ssh\.host' must not start with "-"/],
    [{ ...ssh, ssh: { host: 'ana@gpu' } }, /'ssh\.host' must be a host name/],
    [{ ...ssh, ssh: { host: 'gpu', port: 70000 } }, /'ssh\.port' must be a whole number from 1 to 65535/],
    [{ ...slurm, cpus: 0 }, /#1 "cluster": 'cpus' must be a whole number/],
    [{ ...slurm, timeLimit: 'two hours' }, /'timeLimit' must be in Slurm's words/],
    [{ ...slurm, gres: 'gpu 1' }, /'gres' must look like gpu:1/],
    [
      { ...slurm, sbatchOptions: ['--account=ml\n#SBATCH --wrap=x'] },
      /'sbatchOptions' each entry must be one line/,
    ],
    [{ ...slurm, sbatchOptions: ['account=ml'] }, /'sbatchOptions' 'account=ml' is not an sbatch option/],
    [{ ...slurm, setup: 'module load python' }, /'setup' must be a list of text lines/],
    [{ ...slurm, dvcCommand: '--version' }, /'dvcCommand' must not start with "-"/],
    [{ ...slurm, name: '../etc' }, /'name' must start with a letter or digit/],
    ['gpu-box', /#1: is not an object/],
  ];
  for (const [entry, problem] of cases) {
    const parsed = parseComputeTargets([entry]);
    assert.deepEqual(parsed.targets, [], JSON.stringify(entry));
    assert.equal(parsed.problems.length, 1, JSON.stringify(parsed.problems));
    assert.match(parsed.problems[0] ?? '', problem);
    assert.match(parsed.problems[0] ?? '', /the target is left out/);
  }
});

void test('a second target with a name already taken is refused; the first stays', () => {
  const parsed = parseComputeTargets([ssh, { ...slurm, name: 'GPU-box' }]);
  assert.deepEqual(
    parsed.targets.map((target) => target.kind),
    ['ssh'],
  );
  assert.match(parsed.problems[0] ?? '', /#2 "GPU-box": 'name' the name is used by an earlier target/);
});

void test('an unknown field is named (a typo would otherwise vanish) and the entry is kept', () => {
  const parsed = parseComputeTargets([{ ...slurm, paritition: 'gpu' }]);
  assert.equal(parsed.targets.length, 1);
  assert.deepEqual(parsed.problems, [
    'dvcLens.computeTargets #1 "cluster": unknown field \'paritition\' (ignored).',
  ]);
});

void test('text is trimmed and empty setup lines dropped', () => {
  const parsed = parseComputeTargets([
    { name: ' local ', kind: 'slurm', workFolder: ' /tmp/w ', setup: ['  ', 'echo hi '] },
  ]);
  assert.deepEqual(parsed.targets, [
    { name: 'local', kind: 'slurm', workFolder: '/tmp/w', setup: ['echo hi'] },
  ]);
});

void test("Restricted Mode: only the user's value counts; trusted: the most specific level", () => {
  const inspected = {
    defaultValue: [],
    globalValue: ['user'],
    workspaceValue: ['workspace'],
    workspaceFolderValue: ['folder'],
  };
  assert.deepEqual(computeTargetsValue(inspected, false), ['user']);
  assert.deepEqual(computeTargetsValue({ defaultValue: [], workspaceValue: ['workspace'] }, false), []);
  assert.deepEqual(computeTargetsValue(inspected, true), ['folder']);
  assert.deepEqual(computeTargetsValue({ ...inspected, workspaceFolderValue: undefined }, true), [
    'workspace',
  ]);
  assert.equal(computeTargetsValue(undefined, true), undefined);
});
