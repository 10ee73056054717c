import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import {
  ciOptionsProblem,
  remoteRequirements,
  type CiWorkflowOptions,
} from '../../../src/core/ciWorkflow/ciWorkflowOptions';
import { githubWorkflowYaml } from '../../../src/core/ciWorkflow/githubWorkflow';
import { gitlabCiYaml } from '../../../src/core/ciWorkflow/gitlabCi';

interface ParsedStep {
  name: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  run?: string;
}

const options: CiWorkflowOptions = {
  name: 'DVC report',
  mainBranch: 'main',
  ...(() => {
    const { extras, secretEnv } = remoteRequirements('s3://bucket/cache');
    return { dvcExtras: extras, secretEnv };
  })(),
  requirementsFile: 'requirements.txt',
};

function parsedWorkflow(text: string): {
  on: Record<string, { branches: string[] }>;
  permissions: Record<string, string>;
  jobs: { report: { steps: ParsedStep[] } };
} {
  return parse(text) as ReturnType<typeof parsedWorkflow>;
}

void describe('GitHub Actions workflow', () => {
  const text = githubWorkflowYaml(options);
  const workflow = parsedWorkflow(text);
  const steps = workflow.jobs.report.steps;
  const step = (name: string): ParsedStep => {
    const found = steps.find((candidate) => candidate.name === name);
    assert.ok(found, `a step "${name}"`);
    return found;
  };

  void it('runs on pull requests and pushes to the main branch', () => {
    assert.deepEqual(workflow.on.push?.branches, ['main']);
    assert.deepEqual(workflow.on.pull_request?.branches, ['main']);
    assert.equal(workflow.permissions['pull-requests'], 'write');
  });

  void it('checks out with full history, sets up Python, CML and a pinned DVC, then pulls and reproduces', () => {
    assert.deepEqual(
      steps.map((candidate) => candidate.name),
      [
        'Check out with full history',
        'Set up Python',
        'Set up CML',
        'Install DVC',
        'Pull data from the default remote',
        'Reproduce the pipeline',
        'Post the report',
      ],
    );
    assert.equal(step('Check out with full history').with?.['fetch-depth'], 0);
    assert.match(step('Install DVC').run ?? '', /pip install "dvc\[s3\]==3\.67\.1"/);
    assert.match(step('Install DVC').run ?? '', /pip install -r requirements\.txt/);
    assert.equal(step('Pull data from the default remote').run, 'dvc pull');
    assert.equal(step('Reproduce the pipeline').run, 'dvc repro');
  });

  void it('pins every action to an exact tag (CML through its version input)', () => {
    for (const used of steps.flatMap((candidate) => (candidate.uses ? [candidate.uses] : [])))
      assert.match(used, /@v\d+(\.\d+\.\d+)?$/, used);
    assert.match(step('Check out with full history').uses ?? '', /@v\d+\.\d+\.\d+$/);
    assert.match(step('Set up Python').uses ?? '', /@v\d+\.\d+\.\d+$/);
    assert.match(String(step('Set up CML').with?.version), /^v\d+\.\d+\.\d+$/);
  });

  void it('references secrets and never writes a value', () => {
    assert.equal(
      step('Pull data from the default remote').env?.AWS_SECRET_ACCESS_KEY,
      '${{ secrets.AWS_SECRET_ACCESS_KEY }}',
    );
    assert.equal(step('Post the report').env?.REPO_TOKEN, '${{ secrets.GITHUB_TOKEN }}');
    // No anchors (`&a1`/`*a1`): each step reads on its own.
    assert.doesNotMatch(text, /[&*]a\d/);
  });

  void it('posts metrics and params diffs against the main branch, with plots as images', () => {
    const run = step('Post the report').run ?? '';
    assert.match(run, /BASE="origin\/main"/);
    assert.match(run, /dvc metrics diff "\$BASE" --md/);
    assert.match(run, /dvc params diff "\$BASE" --md/);
    assert.match(run, /vl2png/);
    // Image plots are copied too, and every linked file must exist: CML drops links to missing files silently.
    assert.match(run, /dvc plots diff "\$BASE" --json -o report-plots\/dvc/);
    assert.match(run, /shutil\.copyfile\(source, image\)/);
    assert.match(run, /assert image\.is_file\(\)/);
    // Links relative to report.md: `cml comment create --publish` resolves them from the report's folder.
    assert.match(run, /!\[\{title\}\]\(\.\/\{image\.as_posix\(\)\}\)/);
    assert.match(run, /cml comment create --publish report\.md$/);
    // No expression from the event payload inside the script (script injection).
    assert.doesNotMatch(run, /\$\{\{/);
  });

  void it('uses a given report command instead of DVC tables, and can leave plots out', () => {
    const run =
      parsedWorkflow(
        githubWorkflowYaml({
          ...options,
          reportCommand: 'npm run report -- --base "$BASE" --out report.md',
          plots: false,
        }),
      ).jobs.report.steps.at(-1)?.run ?? '';
    assert.match(run, /npm run report -- --base "\$BASE" --out report\.md/);
    assert.doesNotMatch(run, /dvc metrics diff|vl2png/);
  });

  void it('leaves the plots to a given report command (it renders them beside the report itself)', () => {
    const run =
      parsedWorkflow(
        githubWorkflowYaml({ ...options, reportCommand: 'npm run report -- --base "$BASE" --out report.md' }),
      ).jobs.report.steps.at(-1)?.run ?? '';
    assert.doesNotMatch(run, /vl2png|dvc plots diff/);
    assert.match(run, /cml comment create --publish report\.md$/);
  });

  void it('runs in the DVC project folder when it is below the repository top', () => {
    const parsed = parse(githubWorkflowYaml({ ...options, workingDirectory: 'ml' })) as {
      jobs: { report: { defaults?: { run?: Record<string, string> } } };
    };
    assert.equal(parsed.jobs.report.defaults?.run?.['working-directory'], 'ml');
  });

  void it('refuses names that could inject into the file', () => {
    assert.match(
      ciOptionsProblem({ ...options, secretEnv: { X: 'A }} ${{ github.token' } }) ?? '',
      /not a valid secret/,
    );
    assert.throws(() => githubWorkflowYaml({ ...options, mainBranch: '-x' }), /branch/);
  });
});

void describe('GitLab CI job', () => {
  void it('fetches history, installs pinned DVC and CML, pulls, reproduces and comments', () => {
    const parsed = parse(gitlabCiYaml(options)) as Record<
      string,
      {
        variables: Record<string, string>;
        before_script: string[];
        script: string[];
        rules: { if: string }[];
      }
    >;
    const job = parsed['dvc-report'];
    assert.ok(job);
    assert.equal(job.variables.GIT_DEPTH, '0');
    assert.ok(job.before_script.some((line) => line.includes('"dvc[s3]==3.67.1"')));
    assert.deepEqual(job.script.slice(0, 2), ['dvc pull', 'dvc repro']);
    assert.equal(ciOptionsProblem({ ...options, workingDirectory: 'a;b' }), '"a;b" is not a usable folder');
    assert.match(job.script[2] ?? '', /CI_MERGE_REQUEST_TARGET_BRANCH_NAME/);
    assert.equal(job.script.at(-1), 'cml comment create --publish report.md');
    assert.ok(job.rules.some((rule) => rule.if.includes('merge_request_event')));
  });
});
