import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, findNode, waitFor, workspaceRoot } from '../suiteHelpers';

const encoder = new TextEncoder();

async function withPipeline(
  folder: string,
  text: string,
  check: (uri: vscode.Uri) => Promise<void>,
): Promise<void> {
  const dir = vscode.Uri.joinPath(workspaceRoot(), folder);
  const uri = vscode.Uri.joinPath(dir, 'dvc.yaml');
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
  try {
    await check(uri);
  } finally {
    await vscode.workspace.fs.delete(dir, { recursive: true });
  }
  await waitFor(`${folder} diagnostics to clear`, () => vscode.languages.getDiagnostics(uri).length === 0);
}

describe('bad dvc.yaml', () => {
  it('reports a YAML syntax error in Problems at its line and as an error node, keeping the other pipelines', async () => {
    const api = await extensionApi();
    await withPipeline('broken', 'stages:\n  ok:\n    cmd: echo ok\n  bad: [unclosed\n', async (uri) => {
      const diagnostics = await waitFor('a diagnostic', () => {
        const found = vscode.languages.getDiagnostics(uri);
        return found.length > 0 ? found : undefined;
      });
      assert.equal(diagnostics[0]?.severity, vscode.DiagnosticSeverity.Error);
      assert.ok(
        diagnostics[0] && diagnostics[0].range.start.line >= 3,
        `error at line ${diagnostics[0]?.range.start.line}`,
      );
      const file = await waitFor('the broken pipeline node', () =>
        findNode(api.pipelineTree.rootNodes(), 'broken/dvc.yaml'),
      );
      assert.ok(file.children.some((child) => child.kind === 'model' && child.node.kind === 'problem'));
      assert.ok(findNode(api.pipelineTree.rootNodes(), 'train'), 'the demo pipeline still shows');
      // DVC itself refuses the repository now: its message shows as an error node above the stages.
      const statusError = await waitFor(
        'the dvc status error node',
        () => findNode(api.pipelineTree.rootNodes(), 'dvc status failed'),
        60_000,
      );
      assert.match(String(api.pipelineTree.getTreeItem(statusError).description), /dvc\.yaml/);
    });
    await waitFor(
      'the status error to clear',
      () => !findNode(api.pipelineTree.rootNodes(), 'dvc status failed'),
      60_000,
    );
  }).timeout(180_000);

  it('reports wrong types, an unknown top-level key and a foreach over a missing variable', async () => {
    const text = [
      'stages:',
      '  train:',
      '    cmd: 42',
      '  loop:',
      '    foreach: ${missing_list}',
      '    do:',
      '      cmd: echo ${item}',
      'unexpected: true',
      '',
    ].join('\n');
    await withPipeline('wrong', text, async (uri) => {
      const diagnostics = await waitFor('three diagnostics', () => {
        const found = vscode.languages.getDiagnostics(uri);
        return found.length >= 3 ? found : undefined;
      });
      const lines = diagnostics.map((diagnostic) => diagnostic.range.start.line);
      assert.ok(lines.includes(2), `cmd type at line 3: ${lines.join(',')}`);
      assert.ok(lines.includes(4), `foreach at line 5: ${lines.join(',')}`);
      assert.ok(lines.includes(7), `unknown key at line 8: ${lines.join(',')}`);
      assert.ok(diagnostics.some((diagnostic) => diagnostic.message.includes('missing_list')));
    });
  });
});
