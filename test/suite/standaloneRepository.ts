/**
 * A hub Repository built by the test itself over the workspace folder, with a DVC that is "known" at once
 * (never run): so a test can tell the trust gate apart from DVC simply not being found yet.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DvcExecutable } from '../../src/cli/dvcExecutable';
import { ProcessRunner } from '../../src/cli/runner';
import { OutputLog } from '../../src/log/outputLog';
import { Repository } from '../../src/repository/repository';
import { RepositorySchedulers } from '../../src/repository/repositorySchedulers';

const knownDvc: DvcExecutable = {
  command: '/not/run/by/this/test/dvc',
  prefixArgs: [],
  source: 'setting',
  version: '3.67.1',
};

export function repositoryWithKnownDvc(): { readonly repository: Repository; dispose(): void } {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with a workspace folder open');
  const log = new OutputLog();
  const schedulers = new RepositorySchedulers(new ProcessRunner({ log }));
  const repository = new Repository(
    { root: folder.uri, workspaceFolder: folder, isDvcRepository: true, pipelineFiles: [] },
    { log, schedulers, dvcExecutable: { executable: knownDvc, ready: () => Promise.resolve(knownDvc) } },
  );
  return {
    repository,
    dispose: () => {
      repository.dispose();
      schedulers.dispose();
      log.dispose();
    },
  };
}
