import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { pinnedVersions } from '../../../src/core/ciWorkflow/ciWorkflowOptions';
import {
  PINNED_GTO_VERSION,
  deployGithubWorkflowYaml,
  deployGitlabCiYaml,
  deployOptionsProblem,
} from '../../../src/core/registry/deployWorkflow';

interface Step {
  name: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}

const options = { name: 'Deploy model', stages: ['prod', 'staging'], deploySecrets: ['DEPLOY_TOKEN'] };

void describe('deploy workflows', () => {
  void it('GitHub: triggered by GTO stage tags, pinned versions, secrets referenced', () => {
    const text = deployGithubWorkflowYaml(options);
    const workflow = parse(text) as { on: { push: { tags: string[] } }; jobs: { deploy: { steps: Step[] } } };
    assert.deepEqual(workflow.on, { push: { tags: ['*#prod#*', '*#staging#*'] } });
    const steps = workflow.jobs.deploy.steps;
    for (const step of steps) if (step.uses) assert.match(step.uses, /@v\d+\.\d+\.\d+$/, step.uses);
    const install = steps.find((step) => step.name === 'Install DVC and GTO')?.run ?? '';
    assert.ok(install.includes(`"dvc==${pinnedVersions.dvc}"`));
    assert.ok(install.includes(`"gto==${PINNED_GTO_VERSION}"`));
    assert.ok(steps.some((step) => step.run?.includes('gto check-ref --json "$TAG"')));
    assert.ok(steps.some((step) => step.run?.includes('dvc artifacts get . "$ARTIFACT" --rev "$VERSION"')));
    const deploy = steps.find((step) => step.name === 'Deploy');
    assert.equal(deploy?.env?.DEPLOY_TOKEN, '${{ secrets.DEPLOY_TOKEN }}');
  });

  void it('GitLab: a job for stage tags with the same pinned tools', () => {
    const job = (
      parse(deployGitlabCiYaml(options)) as Record<string, { rules: Array<{ if: string }>; script: string[] }>
    )['deploy-model'];
    assert.ok(job);
    assert.equal(job.rules[0]?.if, '$CI_COMMIT_TAG =~ /#(prod|staging)#[0-9]+$/');
    assert.ok(job.script.some((line) => line.includes(`"gto==${PINNED_GTO_VERSION}"`)));
  });

  void it('refuses a stage or secret name that could break the file', () => {
    assert.match(deployOptionsProblem({ ...options, stages: ['prod"'] }) ?? '', /not a valid stage/);
    assert.match(deployOptionsProblem({ ...options, deploySecrets: ['A-B'] }) ?? '', /not a valid secret/);
    assert.throws(() => deployGithubWorkflowYaml({ ...options, stages: [] }));
  });
});
