import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { HistoryNode } from '../../../src/history/historyTreeProvider';
import { extensionApi, processLines, waitFor, workspaceRoot } from '../suiteHelpers';

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

async function readText(uri: vscode.Uri): Promise<string> {
  return decode(await vscode.workspace.fs.readFile(uri));
}

function commitNodes(nodes: readonly HistoryNode[]): Array<Extract<HistoryNode, { kind: 'commit' }>> {
  return nodes.filter((node): node is Extract<HistoryNode, { kind: 'commit' }> => node.kind === 'commit');
}

describe('history, report preview and CI workflow', () => {
  const root = (): vscode.Uri => workspaceRoot();
  const workflow = (): vscode.Uri => vscode.Uri.joinPath(root(), '.github', 'workflows', 'dvc-report.yml');

  after(async () => {
    await vscode.commands.executeCommand('dvcLens.showAllHistoryCommits');
    for (const path of ['.github', '.gitlab-ci.yml'])
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(root(), path), { recursive: true }).then(
        () => undefined,
        () => undefined,
      );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Create CI Workflow writes a GitHub workflow (and a GitLab job) with the DVC steps', async () => {
    const written = await vscode.commands.executeCommand<vscode.Uri[] | undefined>(
      'dvcLens.createCiWorkflow',
      {
        root: root(),
        name: 'dvc-report',
        gitlab: true,
      },
    );
    assert.deepEqual(
      written?.map((uri) => vscode.workspace.asRelativePath(uri)),
      ['.github/workflows/dvc-report.yml', '.gitlab-ci.yml'],
    );
    const parsed = parse(await readText(workflow())) as {
      jobs: { report: { steps: Array<{ name: string; run?: string; with?: Record<string, unknown> }> } };
    };
    const steps = parsed.jobs.report.steps;
    assert.equal(steps[0]?.with?.['fetch-depth'], 0);
    assert.ok(steps.some((step) => step.run === 'dvc pull'));
    assert.ok(steps.some((step) => step.run === 'dvc repro'));
    assert.match(steps.at(-1)?.run ?? '', /cml comment create/);
  });

  it('Create CI Workflow never replaces an existing file without confirmation', async () => {
    await vscode.workspace.fs.writeFile(workflow(), new TextEncoder().encode('# mine\n'));
    // Without `confirmed` the command asks with a modal, which the test host refuses: nothing is written.
    const refused = await vscode.commands.executeCommand('dvcLens.createCiWorkflow', {
      root: root(),
      name: 'dvc-report',
      gitlab: false,
    });
    assert.equal(refused, undefined);
    assert.equal(await readText(workflow()), '# mine\n');
    await vscode.commands.executeCommand('dvcLens.createCiWorkflow', {
      root: root(),
      name: 'dvc-report',
      gitlab: false,
      confirmed: true,
    });
    assert.match(await readText(workflow()), /dvc repro/);
  });

  it('Preview Report builds the report against a ref and opens it in the Markdown preview', async () => {
    const api = await extensionApi();
    const report = await vscode.commands.executeCommand<vscode.Uri | undefined>('dvcLens.previewReport', {
      root: root(),
      base: 'HEAD~1',
    });
    assert.ok(report, 'a report file');
    const markdown = await readText(report);
    assert.match(markdown, /^## DVC report: `workspace` vs `HEAD~1`/);
    // HEAD~1 (the demo's first commit) has no metrics yet: every metric of the workspace is new.
    assert.match(markdown, /\| metrics\.json \| accuracy \| — \| [\d.]+ \| added \|/);
    assert.ok(processLines(api).some((line) => /metrics diff '?HEAD~1'? --json/.test(line)));
    // The plots' diff, rendered to SVG by vega in the extension's worker thread, beside the report and linked.
    const links = [...markdown.matchAll(/!\[[^\]]*\]\(([^)]+\.svg)\)/g)].map((match) => match[1] ?? '');
    assert.ok(links.length >= 3, `SVG links in the report: ${links.join(', ')}`);
    for (const link of links) {
      const svg = await readText(vscode.Uri.joinPath(report, '..', decodeURI(link)));
      assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*<\/svg>$/);
    }
  });

  it('History lists the branch with metrics, deltas and markers; a click compares with the parent', async () => {
    const api = await extensionApi();
    await api.history.reloadAll();
    const commits = await waitFor(
      'history with metrics',
      () => {
        const nodes = commitNodes(api.history.tree.rootNodes());
        return nodes.length >= 2 && nodes.every((node) => node.entry.metrics.kind !== 'loading') && nodes;
      },
      60_000,
    );
    const [head] = commits;
    const first = commits.at(-1);
    assert.ok(head && first);
    assert.equal(head.entry.subject, 'Reproduce the pipeline');
    assert.equal(head.entry.metrics.kind, 'available');
    assert.match(String(api.history.tree.getTreeItem(head).description), /accuracy 0\.\d+/);
    assert.ok(head.entry.markers.includes('metrics'));
    assert.equal(first.entry.metrics.kind, 'unavailable', 'the first commit has no metrics');
    assert.ok(first.entry.markers.includes('pipeline'));
    assert.ok(processLines(api).some((line) => /exp show --json --rev HEAD --num 51/.test(line)));

    // A click opens the compare view of the commit against its parent.
    const before = api.experiments.compare.panels().length;
    await vscode.commands.executeCommand('dvcLens.openHistoryCommit', head);
    const panel = await waitFor('a compare panel', () => api.experiments.compare.panels()[before]);
    await panel.whenLoaded();
    const state = panel.state;
    assert.equal(state.kind, 'ready', JSON.stringify(state));
    if (state.kind !== 'ready') return;
    assert.equal(state.model.a.ref, first.entry.sha);
    assert.equal(state.model.b.ref, head.entry.sha);
    const accuracy = state.model.metrics.find((row) => row.key === 'accuracy');
    assert.ok(accuracy && accuracy.a === undefined && accuracy.b !== undefined, JSON.stringify(accuracy));
    panel.panel.dispose();
  });

  it('the toggle hides commits that changed nothing DVC tracks', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('dvcLens.hideUnrelatedHistoryCommits');
    assert.equal(api.history.tree.hidingUnrelated, true);
    assert.ok(commitNodes(api.history.tree.rootNodes()).every((node) => node.entry.markers.length > 0));
    await vscode.commands.executeCommand('dvcLens.showAllHistoryCommits');
    assert.equal(api.history.tree.hidingUnrelated, false);
  });

  it('params.yaml shows the value at HEAD and its blame at the cursor line; the hover has the SHA', async () => {
    const api = await extensionApi();
    const uri = vscode.Uri.joinPath(root(), 'params.yaml');
    const editor = await vscode.window.showTextDocument(uri);
    const line = editor.document
      .getText()
      .split('\n')
      .findIndex((text) => text.includes('learning_rate:'));
    assert.ok(line > 0);
    editor.selection = new vscode.Selection(line, 2, line, 2);
    // The demo's first commit added params.yaml, and nothing on the branch changed learning_rate since.
    const { stdout } = await promisify(execFile)('git', ['rev-list', '--max-parents=0', 'HEAD'], {
      cwd: root().fsPath,
    });
    const added = stdout.trim();
    const shown = await waitFor('the annotation on the learning_rate line', () => {
      const annotation = api.history.annotations.current;
      return annotation?.line === line && annotation;
    });
    assert.match(shown.text, new RegExp(`^HEAD [\\d.]+ · added before ${added.slice(0, 7)} `));
    // The root commit has no metrics (nor a parent): the annotation says so rather than showing a number.
    const settled = await waitFor('the movement of the root commit', () => {
      const annotation = api.history.annotations.current;
      return annotation?.line === line && annotation.movement?.kind !== 'loading' && annotation;
    });
    assert.match(settled.text, / · metrics not available$/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(line, 4),
    );
    const hoverText = hovers
      .flatMap((hover) => hover.contents)
      .map((content) => (typeof content === 'string' ? content : content.value))
      .join('\n');
    assert.ok(hoverText.includes(added), `the hover names ${added}: ${hoverText}`);
    assert.match(hoverText.replace(/&nbsp;/g, ' '), /Metrics not available for that commit/);
    // Off the params lines: no annotation.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await waitFor('no annotation on a section line', () => api.history.annotations.current === undefined);
  });
  it('param blame says how the headline metric moved in the blamed commit (arrow and verdict)', async () => {
    const api = await extensionApi();
    const run = (args: string[]): Promise<{ stdout: string }> =>
      promisify(execFile)('git', args, { cwd: root().fsPath });
    const paramsUri = vscode.Uri.joinPath(root(), 'params.yaml');
    const metricsUri = vscode.Uri.joinPath(root(), 'metrics.json');
    const savedParams = await readText(paramsUri);
    const savedMetrics = await readText(metricsUri);
    const headParams = (await run(['show', 'HEAD:params.yaml'])).stdout;
    const headMetrics = JSON.parse((await run(['show', 'HEAD:metrics.json'])).stdout) as Record<
      string,
      unknown
    >;
    // A commit that changes evaluate.threshold and raises every metric by 0.01 (accuracy: better).
    const threshold = Number(/threshold: ([\d.]+)/.exec(headParams)?.[1]);
    const committedParams = headParams.replace(/threshold: [\d.]+/, `threshold: ${threshold + 0.05}`);
    const raised = Object.fromEntries(
      Object.entries(headMetrics).map(([key, value]) => [
        key,
        typeof value === 'number' ? value + 0.01 : value,
      ]),
    );
    const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
    // Closed first: an open editor reloading the file from disk would move the cursor off the line.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    try {
      await vscode.workspace.fs.writeFile(paramsUri, encode(committedParams));
      await vscode.workspace.fs.writeFile(metricsUri, encode(`${JSON.stringify(raised, null, 2)}\n`));
      await run([
        ...['-c', 'user.name=Suite', '-c', 'user.email=suite@dvc-lens.invalid'],
        ...['commit', '-q', '-m', 'Suite: raise the threshold', '--', 'params.yaml', 'metrics.json'],
      ]);
      const sha = (await run(['rev-parse', 'HEAD'])).stdout.trim();
      // Nothing but the commit moved HEAD: blame reads git again because the ref moved.
      const editor = await vscode.window.showTextDocument(paramsUri);
      await waitFor('params.yaml as committed', () => editor.document.getText() === committedParams);
      const line = editor.document
        .getText()
        .split('\n')
        .findIndex((text) => text.includes('threshold:'));
      editor.selection = new vscode.Selection(line, 3, line, 3);
      let last: unknown;
      const shown = await waitFor(
        'the blame of threshold with the metrics movement',
        () => {
          const annotation = api.history.annotations.current;
          last = annotation;
          return (
            annotation?.line === line &&
            annotation.text.includes(sha.slice(0, 7)) &&
            annotation.movement?.kind === 'moved' &&
            annotation
          );
        },
        60_000,
      ).catch((error: unknown) => {
        const log = [
          ...api
            .outputLines()
            .filter((entry) => /blame|metrics of/.test(entry))
            .slice(-4),
          `active: ${vscode.window.activeTextEditor?.document.uri.path ?? 'none'}`,
          ...api.outputLines().slice(-12),
        ];
        throw new Error(
          `${String(error)}; last annotation: ${JSON.stringify(last)} (line ${line}, ${sha}); log: ${log.join(' | ')}`,
        );
      });
      assert.match(shown.text, / · \S+ [\d.]+ ▲\+0\.01$/, shown.text);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        paramsUri,
        new vscode.Position(line, 3),
      );
      const hoverText = hovers
        .flatMap((hover) => hover.contents)
        .map((content) => (typeof content === 'string' ? content : content.value))
        .join('\n');
      const plain = hoverText.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
      assert.match(plain, /In that commit metrics\.json \S+: [\d.]+ → [\d.]+ \(▲\+0\.01/, plain);
      if (shown.movement?.kind === 'moved' && shown.movement.key === 'accuracy')
        assert.equal(shown.movement.verdict, 'better');
    } finally {
      await run(['reset', '-q', '--soft', 'HEAD~1']);
      await run(['restore', '-q', '--staged', 'params.yaml', 'metrics.json']);
      await vscode.workspace.fs.writeFile(paramsUri, encode(savedParams));
      await vscode.workspace.fs.writeFile(metricsUri, encode(savedMetrics));
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  }).timeout(150_000);
});
