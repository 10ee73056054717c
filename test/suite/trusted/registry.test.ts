/**
 * The model registry in a real VS Code with real gto and git on the demo: Declare Artifact, Register Version,
 * Assign Stage (with the Argo CD manifest commit), Deprecate, the refusal of an existing version, the preview
 * that a declined modal stops, the Models view's nodes, the badges in the Experiments and History views, and
 * Create Deploy Workflow. Everything it makes (commits, tags, files) is undone afterwards.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { ModelsNode } from '../../../src/registry/modelsTreeProvider';
import { extensionApi, waitFor, workspaceRoot } from '../suiteHelpers';

const run = promisify(execFile);
const git = async (...args: string[]): Promise<string> =>
  (await run('git', args, { cwd: workspaceRoot().fsPath })).stdout;
const readText = async (uri: vscode.Uri): Promise<string> =>
  new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

function describeOf(item: vscode.TreeItem): string {
  return typeof item.description === 'string' ? item.description : '';
}

describe('model registry (Models view, gto actions, badges)', function () {
  this.timeout(180_000);
  const root = (): vscode.Uri => workspaceRoot();
  let originalHead = '';
  let savedDvcYaml = '';

  before(async () => {
    originalHead = (await git('rev-parse', 'HEAD')).trim();
    savedDvcYaml = await readText(vscode.Uri.joinPath(root(), 'dvc.yaml'));
    await git('config', 'user.name', 'Suite Tester');
    await git('config', 'user.email', 'suite@dvc-lens.invalid');
  });

  after(async () => {
    const tags = (await git('tag', '-l', 'demo-model*')).split('\n').filter((tag) => tag.length > 0);
    if (tags.length > 0) await git('tag', '-d', ...tags);
    // Only what this file did is undone: earlier files' uncommitted changes in the demo stay as they were.
    await git('reset', '-q', '--soft', originalHead);
    await git('restore', '--staged', '--', 'dvc.yaml', 'deploy');
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(root(), 'dvc.yaml'),
      new TextEncoder().encode(savedDvcYaml),
    );
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(root(), 'deploy'), { recursive: true }).then(
      () => undefined,
      () => undefined,
    );
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(root(), '.github'), { recursive: true }).then(
      () => undefined,
      () => undefined,
    );
    const config = vscode.workspace.getConfiguration('dvcLens');
    await config.update('registry.manifestPath', undefined, vscode.ConfigurationTarget.Workspace);
    await config.update('registry.manifestKey', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('Declare Artifact writes artifacts: into dvc.yaml, keeping the rest', async () => {
    const before = await readText(vscode.Uri.joinPath(root(), 'dvc.yaml'));
    await vscode.commands.executeCommand('dvcLens.declareArtifact', {
      root: root(),
      name: 'demo-model',
      path: 'model.pkl',
      type: 'model',
      desc: 'The demo model',
      file: 'dvc.yaml',
    });
    const after = await readText(vscode.Uri.joinPath(root(), 'dvc.yaml'));
    assert.ok(after.startsWith(before.endsWith('\n') ? before : `${before}\n`));
    const parsed = parse(after) as { artifacts: Record<string, { path: string; desc: string }> };
    assert.deepEqual(parsed.artifacts['demo-model'], {
      path: 'model.pkl',
      type: 'model',
      desc: 'The demo model',
    });
    await git('add', 'dvc.yaml');
    await git('commit', '-q', '-m', 'declare demo-model');
    const api = await extensionApi();
    await waitFor('the Models view lists the declared artifact', () =>
      api.registry.tree
        .getChildren()
        .some((node) => node.kind === 'artifact' && node.artifact.name === 'demo-model'),
    );
  });

  it('Register Version asks for the tag preview first: declined, nothing is made', async () => {
    // Without `confirmed` the preview is a modal, which the test host declines.
    const result = await vscode.commands.executeCommand('dvcLens.registerModelVersion', {
      root: root(),
      artifact: 'demo-model',
      rev: 'HEAD',
      version: 'v0.0.1',
      remote: undefined,
    });
    assert.equal(result, undefined);
    assert.equal((await git('tag', '-l', 'demo-model*')).trim(), '');
  });

  it('Register Version and Assign Stage make GTO tags; the view and the badges show them', async () => {
    const api = await extensionApi();
    const registered = await vscode.commands.executeCommand<{ tags: string[] }>(
      'dvcLens.registerModelVersion',
      {
        root: root(),
        artifact: 'demo-model',
        rev: 'HEAD',
        version: 'v0.0.1',
        confirmed: true,
        remote: undefined,
      },
    );
    assert.deepEqual(registered.tags, ['demo-model@v0.0.1']);
    const assigned = await vscode.commands.executeCommand<{ tags: string[] }>('dvcLens.assignModelStage', {
      root: root(),
      artifact: 'demo-model',
      version: 'v0.0.1',
      stage: 'staging',
      confirmed: true,
      remote: undefined,
    });
    assert.deepEqual(assigned.tags, ['demo-model#staging#1']);
    assert.match(await git('tag', '-l', 'demo-model*'), /demo-model#staging#1/);

    const artifact = await waitFor('the artifact with its stage', () =>
      api.registry.tree
        .getChildren()
        .find(
          (node): node is Extract<ModelsNode, { kind: 'artifact' }> =>
            node.kind === 'artifact' && node.artifact.stages.staging === 'v0.0.1',
        ),
    );
    const versions = api.registry.tree.getChildren(artifact);
    assert.equal(versions.length, 1);
    const versionItem = api.registry.tree.getTreeItem(versions[0] as ModelsNode);
    assert.equal(versionItem.label, 'v0.0.1');
    assert.match(describeOf(versionItem), /\[staging\]/);

    const head = (await git('rev-parse', 'HEAD')).trim();
    assert.deepEqual(api.registry.badges.badges(root().toString(), head), [
      'demo-model@v0.0.1',
      'demo-model#staging',
    ]);
    await api.experiments.store.refresh(root().toString());
    await waitFor('the Experiments view badges HEAD', () => {
      const rows = api.experiments.tree.getChildren().filter((node) => node.kind === 'row');
      return rows.some((node) =>
        describeOf(api.experiments.tree.getTreeItem(node)).includes('demo-model#staging'),
      );
    });
    await vscode.commands.executeCommand('dvcLens.showExperimentsTable', { root: root() });
    const panel = await waitFor('the table panel', () => api.experiments.table.panels()[0]);
    await waitFor(
      'the table badges the commit',
      () =>
        panel.source
          .snapshot()
          ?.rows.some(
            (row) => row.sha === head && row.label.includes('demo-model@v0.0.1 demo-model#staging'),
          ),
      60_000,
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("an existing version is refused with GTO's reason in one line", async () => {
    const api = await extensionApi();
    const result = await vscode.commands.executeCommand('dvcLens.registerModelVersion', {
      root: root(),
      artifact: 'demo-model',
      rev: 'HEAD',
      version: 'v0.0.1',
      confirmed: true,
      remote: undefined,
    });
    assert.equal(result, undefined);
    await waitFor('the refusal in the log', () =>
      api.outputLines().some((line) => /GTO refused: .*already/.test(line)),
    );
  });

  it('Assign Stage with the Argo CD manifest set commits the new version into it', async () => {
    const values = vscode.Uri.joinPath(root(), 'deploy', 'values.yaml');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(root(), 'deploy'));
    await vscode.workspace.fs.writeFile(
      values,
      new TextEncoder().encode('# served model\nmodel:\n  version: v0.0.0 # set by DVC Lens\n'),
    );
    await git('add', 'deploy/values.yaml');
    await git('commit', '-q', '-m', 'deployment manifest');
    const config = vscode.workspace.getConfiguration('dvcLens');
    await config.update('registry.manifestPath', 'deploy/values.yaml', vscode.ConfigurationTarget.Workspace);
    await config.update('registry.manifestKey', 'model.version', vscode.ConfigurationTarget.Workspace);
    // As from the Experiments view's context menu on a commit row (its node carries the row).
    const manifestCommit = (await git('rev-parse', 'HEAD')).trim();
    await vscode.commands.executeCommand('dvcLens.registerModelVersion', {
      kind: 'row',
      root: root().toString(),
      row: { kind: 'commit', rev: manifestCommit },
      artifact: 'demo-model',
      version: 'v0.0.2',
      confirmed: true,
      remote: undefined,
    });
    const result = await vscode.commands.executeCommand<{ tags: string[]; manifestCommit?: string }>(
      'dvcLens.assignModelStage',
      {
        root: root(),
        artifact: 'demo-model',
        version: 'v0.0.2',
        stage: 'prod',
        confirmed: true,
        updateManifest: true,
        remote: undefined,
      },
    );
    assert.ok(result.manifestCommit);
    assert.equal(await readText(values), '# served model\nmodel:\n  version: v0.0.2 # set by DVC Lens\n');
    assert.match(await git('log', '-1', '--format=%s'), /Deploy demo-model v0.0.2 to prod/);
    assert.equal((await git('rev-list', '-n', '1', 'demo-model@v0.0.2')).trim(), manifestCommit);
  });

  it('Compare with the Version in prod opens the comparison of the two commits', async () => {
    const api = await extensionApi();
    const artifact = api.registry.store
      .get(root())
      ?.state?.artifacts.find((item) => item.name === 'demo-model');
    const older = artifact?.versions.find((version) => version.version === 'v0.0.1');
    assert.ok(older && artifact?.stages.prod === 'v0.0.2');
    const before = api.experiments.compare.panels().length;
    await vscode.commands.executeCommand('dvcLens.compareModelVersionWithProd', {
      root: root(),
      artifact: 'demo-model',
      version: older,
    });
    const panel = await waitFor('the compare panel', () => api.experiments.compare.panels()[before], 30_000);
    assert.match(panel.panel.title, /↔/);
    panel.panel.dispose();
  });

  it('Deprecate on a version deregisters it', async () => {
    const result = await vscode.commands.executeCommand<{ tags: string[] }>('dvcLens.deprecateModel', {
      root: root(),
      artifact: 'demo-model',
      version: 'v0.0.1',
      confirmed: true,
      remote: undefined,
    });
    assert.deepEqual(result.tags, ['demo-model@v0.0.1!']);
    const api = await extensionApi();
    const state = await waitFor('the deregistered version', () => {
      const artifact = api.registry.store
        .get(root())
        ?.state?.artifacts.find((item) => item.name === 'demo-model');
      return artifact?.versions.find((version) => version.version === 'v0.0.1' && !version.active)
        ? artifact
        : undefined;
    });
    assert.equal(state.latest, 'v0.0.2');
  });

  it('Create Deploy Workflow writes a workflow run by stage tags', async () => {
    const written = await vscode.commands.executeCommand<vscode.Uri[]>('dvcLens.createDeployWorkflow', {
      root: root(),
      name: 'deploy-model',
      stages: ['prod'],
      secrets: ['DEPLOY_TOKEN'],
      gitlab: false,
    });
    assert.equal(written.length, 1);
    const workflow = parse(await readText(written[0] as vscode.Uri)) as { on: { push: { tags: string[] } } };
    assert.deepEqual(workflow.on.push.tags, ['*#prod#*']);
  });
});
