import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SlurmTargetSettings } from '../../../src/core/execution/computeTargetSettings';
import { experimentRunRequest, type RepositoryExperimentsAccess } from '../../../src/execution';
import { planRemoteRuns } from '../../../src/execution/remoteRunPlan';

const settings: SlurmTargetSettings = {
  kind: 'slurm',
  name: 'HPC Cluster #2',
  workFolder: '/w',
  gitRemote: 'upstream',
  dvcCommand: '/opt/dvc/bin/dvc',
  setup: ['module load python'],
};
const BASELINE = 'a'.repeat(40);

function experiments(identity: { name?: string; email?: string } = {}): {
  port: RepositoryExperimentsAccess;
  asked: string[];
} {
  const asked: string[] = [];
  const unused = (): never => {
    throw new Error('not used by a plan');
  };
  const port: RepositoryExperimentsAccess = {
    root: '/repo',
    run: unused,
    queue: unused,
    queueGrid: unused,
    show: unused,
    kill: unused,
    remove: unused,
    logs: unused,
    followLogsCommand: unused,
    pull: unused,
    remoteRunSource: (gitRemote) => {
      asked.push(gitRemote);
      return Promise.resolve({
        baseline: BASELINE,
        url: 'git@host:team/project.git',
        identity: { name: identity.name, email: identity.email },
      });
    },
  };
  return { port, asked };
}

const lr = (value: string): Array<{ file: string; key: string; value: string }> => [
  { file: 'params.yaml', key: 'lr', value },
];

void test('a grid is one run per combination, each with the fixed values, named name-1, name-2…', async () => {
  const { port, asked } = experiments({ name: 'Ada', email: 'ada@example.org' });
  const request = experimentRunRequest(
    'queue',
    [...lr('0.1, 0.2'), { file: 'params.yaml', key: 'epochs', value: '5' }],
    'sweep',
  );
  const runs = await planRemoteRuns(settings, request, { experiments: port });
  assert.deepEqual(asked, ['upstream'], 'the target’s git remote');
  assert.deepEqual(
    runs.map((run) => [run.script.experimentBase, run.overrides]),
    [
      ['sweep-1', ['epochs=5', 'lr=0.1']],
      ['sweep-2', ['epochs=5', 'lr=0.2']],
    ],
  );
  const [first] = runs;
  assert.equal(first?.baseline, BASELINE);
  assert.equal(first?.script.repositoryUrl, 'git@host:team/project.git');
  assert.equal(first?.script.dvcCommand, '/opt/dvc/bin/dvc');
  assert.deepEqual(first?.script.setup, ['module load python']);
  assert.deepEqual(first?.script.identity, { name: 'Ada', email: 'ada@example.org' });
});

void test('no name: the target’s name as a ref-safe base; no identity: a stand-in one', async () => {
  const { port } = experiments();
  const [run] = await planRemoteRuns(settings, experimentRunRequest('queue', lr('0.3')), {
    experiments: port,
  });
  assert.equal(run?.script.experimentBase, 'hpc-cluster-2');
  assert.deepEqual(run?.script.identity, { name: 'DVC Lens', email: 'dvc-lens@localhost' });
});

void test('a name git would refuse as a ref is refused before anything is asked or submitted', async () => {
  const { port, asked } = experiments();
  await assert.rejects(
    planRemoteRuns(settings, experimentRunRequest('queue', lr('0.3'), 'bad name'), { experiments: port }),
    /cannot be used/,
  );
  assert.deepEqual(asked, []);
});
