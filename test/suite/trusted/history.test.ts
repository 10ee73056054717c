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
    assert.match(shown.text, new RegExp(`^HEAD [\\d.]+ · added in ${added.slice(0, 7)} `));
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
    // The hover's actions: the file's diff in that commit and copying the SHA, as command links.
    assert.ok(hoverText.includes('command:dvcLens.openCommitFileDiff?'), hoverText);
    assert.ok(hoverText.includes('command:dvcLens.copyCommitSha?'), hoverText);
    await vscode.commands.executeCommand('dvcLens.openCommitFileDiff', {
      root: root().toString(),
      sha: added,
      path: 'params.yaml',
    });
    const diff = await waitFor('the diff of params.yaml at the first commit', () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff && input;
    });
    assert.equal(diff.modified.scheme, 'dvclens-rev');
    assert.equal(diff.modified.path, '/params.yaml');
    assert.ok(diff.modified.query.includes(added), diff.modified.query);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.commands.executeCommand('dvcLens.copyCommitSha', { sha: added });
    assert.equal(await vscode.env.clipboard.readText(), added);
    const again = await vscode.window.showTextDocument(editor.document);
    // Off the params lines: no annotation.
    again.selection = new vscode.Selection(0, 0, 0, 0);
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
  it('metrics.json shows the value at HEAD and the workspace change, coloured by direction', async () => {
    const api = await extensionApi();
    const metricsUri = vscode.Uri.joinPath(root(), 'metrics.json');
    const saved = await readText(metricsUri);
    const { stdout } = await promisify(execFile)('git', ['show', 'HEAD:metrics.json'], {
      cwd: root().fsPath,
    });
    const head = JSON.parse(stdout) as Record<string, unknown>;
    const accuracy = head.accuracy;
    assert.equal(typeof accuracy, 'number', stdout);
    // Writes the file, opens it and keeps the cursor on the accuracy line (a reload from disk may move it).
    const openWith = async (values: Record<string, unknown>): Promise<() => number> => {
      const text = `${JSON.stringify(values, null, 2)}\n`;
      await vscode.workspace.fs.writeFile(metricsUri, new TextEncoder().encode(text));
      const editor = await vscode.window.showTextDocument(metricsUri);
      await waitFor('metrics.json as written', () => editor.document.getText() === text);
      const line = text.split('\n').findIndex((entry) => entry.includes('"accuracy"'));
      return () => {
        if (editor.selection.active.line !== line) editor.selection = new vscode.Selection(line, 3, line, 3);
        return line;
      };
    };
    try {
      let cursor = await openWith(head);
      // The store may still hold a model from before the previous test reset its commit: wait for HEAD's.
      const same = await waitFor(
        'the annotation of accuracy at HEAD',
        () => {
          const line = cursor();
          const shown = api.history.metricAnnotations.current;
          return shown?.line === line && shown.text === `HEAD ${String(accuracy)}` && shown;
        },
        90_000,
      );
      assert.equal(same.key, 'accuracy');
      assert.equal(same.trend, 'same');
      // A better accuracy in the workspace: the change with its arrow, green by the metric's direction.
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const raised = { ...head, accuracy: Number(accuracy) + 0.01 };
      cursor = await openWith(raised);
      const changed = await waitFor(
        'the annotation of the raised accuracy',
        () => {
          const line = cursor();
          const shown = api.history.metricAnnotations.current;
          return shown?.line === line && shown.trend !== 'same' && shown;
        },
        90_000,
      ).catch((error: unknown) => {
        const state = api.experiments.store.get(root().toString());
        const seen = JSON.stringify(state?.model?.workspace?.metrics['metrics.json']);
        const shown = JSON.stringify(api.history.metricAnnotations.current);
        const log = api
          .outputLines()
          .filter((entry) => /exp show/.test(entry))
          .slice(-3);
        throw new Error(
          `${String(error)}; store: ${seen} (${String(state?.refreshing)}); shown ${shown}; ${log.join(' | ')}`,
        );
      });
      assert.match(changed.text, /^HEAD [\d.]+ → [\d.]+ ▲\+0\.01 \(\+[\d.]+%\)/, changed.text);
      assert.ok(['better', 'changed'].includes(changed.trend), changed.trend);
      // Not a metric key: no annotation.
      const active = vscode.window.activeTextEditor;
      assert.ok(active);
      active.selection = new vscode.Selection(0, 0, 0, 0);
      await waitFor(
        'no metric annotation on the brace',
        () => api.history.metricAnnotations.current === undefined,
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.writeFile(metricsUri, new TextEncoder().encode(saved));
    }
  }).timeout(150_000);
  it('dvc.yaml params lists show the params file annotation of the key, and a summary for a section', async () => {
    const api = await extensionApi();
    const uri = vscode.Uri.joinPath(root(), 'dvc.yaml');
    const editor = await vscode.window.showTextDocument(uri);
    const lines = editor.document.getText().split('\n');
    const keyLine = lines.findIndex((text) => /^\s*- evaluate\.threshold\s*$/.test(text));
    const sectionLine = lines.findIndex((text) => /^\s*- train\s*$/.test(text));
    assert.ok(keyLine > 0 && sectionLine > 0, 'the demo names evaluate.threshold and the train section');
    const { stdout } = await promisify(execFile)('git', ['show', 'HEAD:params.yaml'], { cwd: root().fsPath });
    const threshold = /threshold: ([\d.]+)/.exec(stdout)?.[1];
    assert.ok(threshold, stdout);
    editor.selection = new vscode.Selection(keyLine, 6, keyLine, 6);
    const shown = await waitFor(
      'the annotation of evaluate.threshold in dvc.yaml',
      () => {
        const annotation = api.history.annotations.current;
        return annotation?.line === keyLine && annotation.uri.path.endsWith('/dvc.yaml') && annotation;
      },
      60_000,
    );
    // The same text as on the params.yaml line: value at HEAD, then its blame.
    assert.match(
      shown.text,
      new RegExp(`^HEAD ${threshold.replace('.', '\\.')}( → \\S+ \\(uncommitted\\))? · `),
    );
    assert.match(shown.text, /(added in [0-9a-f]{7}|not committed yet)/);
    editor.selection = new vscode.Selection(sectionLine, 6, sectionLine, 6);
    const section = await waitFor('the summary of the train section', () => {
      const annotation = api.history.annotations.current;
      return annotation?.line === sectionLine && annotation;
    });
    assert.match(section.text, /^\d+ params, (as at HEAD|\d+ changed since HEAD: )/, section.text);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }).timeout(90_000);
  it('dvcLens.history.annotateChangedLines annotates every line that differs from HEAD', async () => {
    const api = await extensionApi();
    const key = 'dvcLens.history.annotateChangedLines';
    // Written into the workspace's settings file (restored after): the test host's settings editor may not
    // know a setting added since its manifest cache was made, while reading settings files always works.
    const settingsUri = vscode.Uri.joinPath(root(), '.vscode', 'settings.json');
    const savedSettings = await vscode.workspace.fs.readFile(settingsUri).then(
      (bytes) => bytes,
      () => undefined,
    );
    const setChangedLines = async (on: boolean): Promise<void> => {
      const settings = savedSettings ? (JSON.parse(decode(savedSettings)) as Record<string, unknown>) : {};
      const text = JSON.stringify(on ? { ...settings, [key]: true } : settings, null, 2);
      await vscode.workspace.fs.writeFile(settingsUri, new TextEncoder().encode(text));
      await waitFor(`${key} ${String(on)}`, () => vscode.workspace.getConfiguration().get(key, false) === on);
    };
    await setChangedLines(true);
    const uri = vscode.Uri.joinPath(root(), 'params.yaml');
    try {
      const editor = await vscode.window.showTextDocument(uri);
      const lines = editor.document.getText().split('\n');
      const line = lines.findIndex((text) => /^\s+threshold: [\d.]+/.test(text));
      assert.ok(line > 0, 'params.yaml has evaluate.threshold');
      const value = /threshold: ([\d.]+)/.exec(lines[line] ?? '')?.[1] ?? '';
      // An unsaved edit: the workspace value (the editor's text) differs from HEAD on that line only.
      const start = (lines[line] ?? '').indexOf(value);
      await editor.edit((edit) =>
        edit.replace(new vscode.Range(line, start, line, start + value.length), `${Number(value) + 0.125}`),
      );
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await waitFor(
        'the changed threshold line annotated away from the cursor',
        () => {
          if (editor.selection.active.line !== 0) editor.selection = new vscode.Selection(0, 0, 0, 0);
          return api.history.annotations.changedLineNumbers.includes(line);
        },
        60_000,
      );
      await setChangedLines(false);
      editor.selection = new vscode.Selection(1, 0, 1, 0);
      await waitFor(
        'only the cursor line once the setting is off',
        () => api.history.annotations.changedLineNumbers.length === 0,
      );
    } finally {
      if (savedSettings) await vscode.workspace.fs.writeFile(settingsUri, savedSettings);
      else await vscode.workspace.fs.delete(settingsUri).then(undefined, () => undefined);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  }).timeout(90_000);
  it('params.toml: the key under its [section] shows the value at HEAD and its blame', async () => {
    const api = await extensionApi();
    const run = (args: string[]): Promise<{ stdout: string }> =>
      promisify(execFile)('git', args, { cwd: root().fsPath });
    const uri = vscode.Uri.joinPath(root(), 'params.toml');
    const text = '# suite\n[train]\nlr = 0.5\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      await run([
        ...['-c', 'user.name=Suite', '-c', 'user.email=suite@dvc-lens.invalid'],
        ...['commit', '-q', '--no-verify', '-m', 'Suite: a TOML params file', '--only', 'params.toml'],
      ]).catch(async () => {
        await run(['add', 'params.toml']);
        await run([
          ...['-c', 'user.name=Suite', '-c', 'user.email=suite@dvc-lens.invalid'],
          ...['commit', '-q', '-m', 'Suite: a TOML params file', '--', 'params.toml'],
        ]);
      });
      const sha = (await run(['rev-parse', 'HEAD'])).stdout.trim();
      const editor = await vscode.window.showTextDocument(uri);
      const shown = await waitFor(
        'the annotation of train.lr in params.toml',
        () => {
          if (editor.selection.active.line !== 2) editor.selection = new vscode.Selection(2, 1, 2, 1);
          const annotation = api.history.annotations.current;
          return annotation?.line === 2 && annotation.text.includes(sha.slice(0, 7)) && annotation;
        },
        60_000,
      );
      assert.match(shown.text, new RegExp(`^HEAD 0\\.5 · added in ${sha.slice(0, 7)} `), shown.text);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      if ((await run(['log', '-1', '--format=%s'])).stdout.trim() === 'Suite: a TOML params file')
        await run(['reset', '-q', '--soft', 'HEAD~1']);
      await run(['rm', '-q', '--cached', '--ignore-unmatch', 'params.toml']);
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  }).timeout(90_000);
});
