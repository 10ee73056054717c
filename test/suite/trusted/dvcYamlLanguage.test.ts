import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, waitFor, workspaceRoot } from '../suiteHelpers';

/** The line and column just after `text` on its first line in the document. */
function positionAfter(document: vscode.TextDocument, text: string): vscode.Position {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `dvc.yaml holds ${JSON.stringify(text)}`);
  return document.positionAt(offset + text.length);
}

/** The hovers' markdown as a person reads it: without the escapes text gets in markdown. */
function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/\\(.)/g, '$1');
}

function completionLabels(list: vscode.CompletionList | undefined): string[] {
  return (list?.items ?? []).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

/** The editor features of dvc.yaml, asked for as the editor itself asks (hover, completion, definition). */
describe('dvc.yaml language features', () => {
  let document: vscode.TextDocument;
  let original: Uint8Array;
  const file = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), 'dvc.yaml');

  before(async () => {
    await extensionApi();
    // code-server saves edits after a second by default: the completion test's edits must stay unsaved.
    await vscode.workspace
      .getConfiguration('files')
      .update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    original = await vscode.workspace.fs.readFile(file());
    document = await vscode.workspace.openTextDocument(file());
    await vscode.window.showTextDocument(document);
    // An earlier suite had dvc.yaml open while DVC rewrote it and then put the demo's bytes back on disk: the
    // editor's copy follows the disk a moment later (seen in CI: the old text was still in it). Start from the
    // file as it is on disk.
    const onDisk = new TextDecoder().decode(original);
    if (document.getText() !== onDisk) await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('the editor to hold dvc.yaml as it is on disk', () => document.getText() === onDisk);
  });

  after(async () => {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.writeFile(file(), original);
    await vscode.workspace
      .getConfiguration('files')
      .update('autoSave', undefined, vscode.ConfigurationTarget.Global);
  });

  it('hover on a stage name shows its description and status', async () => {
    const position = positionAfter(document, '\n  tra');
    let last = '';
    const text = await waitFor('a hover on the train stage', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        position,
      );
      last = hoverText(hovers);
      return last.includes('gradient descent') ? last : undefined;
    }).catch((error: unknown) => {
      throw new Error(`${String(error)}; the hover said: ${JSON.stringify(last)}`);
    });
    assert.match(text, /Fit a logistic regression with gradient descent\./);
    assert.doesNotMatch(text, /Shuffle the raw rows/, 'only the stage under the cursor');
  });

  it('go to definition on a param jumps to its key in params.yaml; on a dependency, to the file', async () => {
    const seed = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
      'vscode.executeDefinitionProvider',
      document.uri,
      positionAfter(document, '- prepare.se'),
    );
    const target = seed[0];
    assert.ok(target, 'a definition for prepare.seed');
    const uri = 'uri' in target ? target.uri : target.targetUri;
    const range = 'range' in target ? target.range : target.targetRange;
    assert.equal(uri.toString(), vscode.Uri.joinPath(workspaceRoot(), 'params.yaml').toString());
    const params = await vscode.workspace.openTextDocument(uri);
    assert.match(params.lineAt(range.start.line).text, /^\s+seed: 7/);

    const script = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
      'vscode.executeDefinitionProvider',
      document.uri,
      positionAfter(document, '- src/prep'),
    );
    const scriptTarget = script[0];
    assert.ok(scriptTarget, 'a definition for src/prepare.py');
    const scriptUri = 'uri' in scriptTarget ? scriptTarget.uri : scriptTarget.targetUri;
    assert.equal(scriptUri.toString(), vscode.Uri.joinPath(workspaceRoot(), 'src/prepare.py').toString());
  });

  it('completion offers the params of params.yaml in a params list and stage outputs in a deps list', async () => {
    const editor = await vscode.window.showTextDocument(document);
    const paramsLine = positionAfter(document, '      - train\n');
    await editor.edit((edit) => edit.insert(paramsLine, '      - tra\n'));
    const inParams = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(paramsLine.line, '      - tra'.length),
    );
    const paramLabels = completionLabels(inParams);
    for (const key of ['train.learning_rate', 'train.epochs', 'prepare.seed'])
      assert.ok(paramLabels.includes(key), `${key} among ${paramLabels.join(', ')}`);

    const depsLine = positionAfter(document, '      - src/evaluate.py\n');
    await editor.edit((edit) => edit.insert(depsLine, '      - mod\n'));
    const inDeps = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(depsLine.line, '      - mod'.length),
    );
    const depLabels = completionLabels(inDeps);
    assert.ok(depLabels.includes('model/model.json'), `model/model.json among ${depLabels.join(', ')}`);
  });
});
