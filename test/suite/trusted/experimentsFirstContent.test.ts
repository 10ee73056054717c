/**
 * First content before DVC answers (issue 13): with a DVC that takes 30 s to start (a wrapper script that
 * sleeps, then runs the real DVC), a new experiments slice shows the workspace row read from params.yaml and
 * metrics.json within seconds, marked as refreshing, and the table built from it has that row; an edit of
 * params.yaml reaches the row from the file, with no `exp show` finished meanwhile.
 */
import * as assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { DvcExecutable } from '../../../src/cli/dvcExecutable';
import { ProcessRunner } from '../../../src/cli/runner';
import { experimentsTableData } from '../../../src/core/experimentsTable/experimentsToTable';
import type { Pipeline } from '../../../src/core/pipeline/model';
import { ExperimentsSlice } from '../../../src/experiments/experimentsSlice';
import { OutputLog } from '../../../src/log/outputLog';
import { Repository } from '../../../src/repository/repository';
import { RepositorySchedulers } from '../../../src/repository/repositorySchedulers';
import { extensionApi, waitFor, workspaceRoot } from '../suiteHelpers';

describe('experiments: first content before DVC answers', () => {
  let scratch = '';
  let dispose = (): void => undefined;
  let original: Uint8Array | undefined;
  const params = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), 'params.yaml');

  before(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'dvc-lens-slow-dvc-'));
    original = await vscode.workspace.fs.readFile(params());
  });

  after(async () => {
    dispose();
    if (original) await vscode.workspace.fs.writeFile(params(), original);
    await rm(scratch, { recursive: true, force: true });
  });

  it('paints the workspace row from files at once, refreshing, while a slow DVC has not answered', async () => {
    const realDvc = vscode.workspace.getConfiguration('dvcLens').get<string>('dvcPath');
    assert.ok(realDvc, 'the suite sets dvcLens.dvcPath');
    const slow = join(scratch, 'dvc');
    await writeFile(slow, `#!/bin/sh\nsleep 30\nexec '${realDvc}' "$@"\n`);
    await chmod(slow, 0o755);
    const executable: DvcExecutable = { command: slow, prefixArgs: [], source: 'setting', version: '3.67.1' };
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const log = new OutputLog();
    const schedulers = new RepositorySchedulers(new ProcessRunner({ log }));
    // The suite's bundle has no parse worker of its own: the pipelines are the extension's hub's, as read.
    const api = await extensionApi();
    const hubPipelines = await waitFor('the hub to read dvc.yaml', () => {
      const pipelines = api.repositories.repositoryAt(folder.uri)?.pipelines ?? [];
      return pipelines.length > 0 ? pipelines : undefined;
    });
    class RepositoryWithHubPipelines extends Repository {
      override get pipelines(): readonly Pipeline[] {
        return hubPipelines;
      }
    }
    const repository = new RepositoryWithHubPipelines(
      {
        root: folder.uri,
        workspaceFolder: folder,
        isDvcRepository: true,
        pipelineFiles: [vscode.Uri.joinPath(folder.uri, 'dvc.yaml')],
      },
      { log, schedulers, dvcExecutable: { executable, ready: () => Promise.resolve(executable) } },
    );
    const slice = new ExperimentsSlice(repository, {
      isWatched: () => true,
      otherBranches: () => [],
      readEnded: () => undefined,
      sessionCacheFile: () => undefined,
    });
    dispose = () => {
      slice.dispose();
      repository.dispose();
      schedulers.dispose();
      log.dispose();
    };
    const started = Date.now();
    const workspace = await waitFor(
      'the workspace row from files',
      () => slice.snapshot.model?.workspace,
      10_000,
    );
    assert.ok(Date.now() - started < 10_000);
    assert.equal(typeof workspace.params['params.yaml']?.['train.epochs'], 'number');
    assert.ok(Object.keys(workspace.metrics['metrics.json'] ?? {}).length > 0, 'metrics from metrics.json');
    assert.equal(slice.snapshot.refreshing, true, 'marked as refreshing until DVC answers');
    assert.equal(slice.snapshot.answeredByDvc, false);
    const table = experimentsTableData(slice.snapshot.model!);
    assert.equal(table.rows[0]?.id, 'workspace', 'the table has the workspace row');

    // An edit of params.yaml alone: the row follows the file; DVC (still asleep) is not what answers.
    const text = new TextDecoder().decode(original);
    await vscode.workspace.fs.writeFile(
      params(),
      new TextEncoder().encode(text.replace(/epochs: *\d+/, 'epochs: 77')),
    );
    await slice.readWorkspace();
    assert.equal(slice.snapshot.model?.workspace?.params['params.yaml']?.['train.epochs'], 77);
    assert.ok(
      !log.recentLines().some((line) => / exp show .*→ exit/.test(line)),
      `no exp show finished: ${log.recentLines().join(' | ')}`,
    );
  }).timeout(60_000);
});
