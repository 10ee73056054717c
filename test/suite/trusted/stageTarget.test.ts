import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { resolveStageTarget } from '../../../src/pipeline/run/runTargets';
import type { Repository } from '../../../src/repository/repository';
import type { WorkspaceRepositories } from '../../../src/repository/workspaceRepositories';

describe('the stage a run command was given', () => {
  it('waits for the first workspace scan when { root, stage } names a repository not created yet', async () => {
    const root = vscode.Uri.file('/tmp/dvc-lens-stage-target');
    const repository = { root } as unknown as Repository;
    // Before the scan: no repositories. The scan ends shortly after the command asked.
    const known: Repository[] = [];
    let loaded = false;
    const repositories = {
      get repositories() {
        return known;
      },
      get isLoaded() {
        return loaded;
      },
      whenLoaded: () =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            known.push(repository);
            loaded = true;
            resolve();
          }, 50),
        ),
    } as unknown as WorkspaceRepositories;

    const target = await resolveStageTarget({ root, stage: 'train' }, repositories);

    assert.equal(target?.repository, repository);
    assert.equal(target?.stage, 'train');
  });
});
