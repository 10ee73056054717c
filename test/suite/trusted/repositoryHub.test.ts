/**
 * The repository hub (issue 12): the workspace's one watcher reaches a repository's filtered subscriptions
 * (the deepest repository only), slices are made once per key and disposed with their repository, and
 * `refreshSlices` refreshes the slices it names. A nested DVC root (`nested-hub/.dvc/config`) stands in for a
 * second repository; it is removed again at the end.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Repository } from '../../../src/repository/repository';
import type { RelativeFileEvent } from '../../../src/repository/repositoryFileEvents';
import { defineSlice, type RepositorySlice } from '../../../src/repository/repositorySlice';
import { repositoryWithKnownDvc } from '../standaloneRepository';
import { extensionApi, waitFor, workspaceRoot } from '../suiteHelpers';

const encoder = new TextEncoder();

/**
 * Writes a file until `heard` says its event arrived: a watcher still starting up (or a loaded machine) may
 * miss the first write, and what the test checks is where the event goes, not that the first one is seen.
 */
async function writeUntilHeard(uri: vscode.Uri, heard: () => boolean): Promise<void> {
  let writes = 0;
  await waitFor(
    `an event for ${uri.path}`,
    async () => {
      if (heard()) return true;
      await vscode.workspace.fs.writeFile(uri, encoder.encode(`write ${++writes}`));
      await new Promise((resolve) => setTimeout(resolve, 3000));
      return heard();
    },
    60_000,
  );
}

/**
 * A slice that records what its two subscriptions hear: one keeps `.txt` files, one `.csv` files, anywhere
 * under a `hub-probe/` folder, so the outer repository's filter WOULD keep the nested repository's file: only
 * the dispatch to the deepest repository keeps it out.
 */
class ProbeSlice implements RepositorySlice {
  readonly kept: string[] = [];
  readonly rejected: string[] = [];
  refreshes = 0;
  disposed = false;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(repository: Repository) {
    const paths = (events: readonly RelativeFileEvent[]): string[] =>
      events.map((event) => event.relativePath);
    this.subscriptions = [
      repository.onFiles(
        (path) => path.includes('hub-probe/') && path.endsWith('.txt'),
        (events) => this.kept.push(...paths(events)),
      ),
      repository.onFiles(
        (path) => path.includes('hub-probe/') && path.endsWith('.csv'),
        (events) => this.rejected.push(...paths(events)),
      ),
    ];
  }

  refresh(): Promise<void> {
    this.refreshes++;
    this.changed.fire();
    return Promise.resolve();
  }

  dispose(): void {
    this.disposed = true;
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}

const probeSlice = defineSlice('hubProbe', (repository) => new ProbeSlice(repository));
const otherProbeSlice = defineSlice('hubProbeOther', (repository) => new ProbeSlice(repository));
let countedMade = 0;
const countedSlice = defineSlice('hubProbeCounted', (repository) => {
  countedMade++;
  return new ProbeSlice(repository);
});

describe('repository hub', () => {
  const nestedRoot = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), 'nested-hub');

  const repositories = async (): Promise<{ outer: Repository; nested: Repository }> => {
    const api = await extensionApi();
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(nestedRoot(), '.dvc', 'config'),
      encoder.encode(''),
    );
    await api.repositories.rescan();
    const outer = api.repositories.repositoryAt(workspaceRoot());
    const nested = await waitFor('the nested repository', () => api.repositories.repositoryAt(nestedRoot()));
    assert.ok(outer, 'the workspace folder is a repository');
    return { outer, nested };
  };

  after(async () => {
    const api = await extensionApi();
    await vscode.workspace.fs.delete(nestedRoot(), { recursive: true }).then(undefined, () => undefined);
    await vscode.workspace.fs
      .delete(vscode.Uri.joinPath(workspaceRoot(), 'hub-probe'), { recursive: true })
      .then(undefined, () => undefined);
    await api.repositories.rescan();
  });

  it('hands a file event to the subscriptions whose filter keeps it, in the deepest repository only', async () => {
    const { outer, nested } = await repositories();
    const outerProbe = outer.slice(probeSlice);
    const nestedProbe = nested.slice(probeSlice);
    // The workspace-wide subscription (git refs, .dvc/config) hears the same watcher, whichever repository.
    const api = await extensionApi();
    const workspaceHeard: string[] = [];
    const workspaceSubscription = api.repositories.onWorkspaceFiles(
      (event) => event.uri.path.includes('/hub-probe/'),
      (events) => workspaceHeard.push(...events.map((event) => event.uri.path)),
    );
    await writeUntilHeard(vscode.Uri.joinPath(workspaceRoot(), 'hub-probe', 'outer.txt'), () =>
      outerProbe.kept.includes('hub-probe/outer.txt'),
    );
    assert.deepEqual(outerProbe.rejected, [], 'the .csv subscription never hears a .txt file');

    await writeUntilHeard(vscode.Uri.joinPath(nestedRoot(), 'hub-probe', 'inner.txt'), () =>
      nestedProbe.kept.includes('hub-probe/inner.txt'),
    );
    // One flush hands an event to every repository it goes to: by now the outer one would have it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.ok(
      !outerProbe.kept.some((path) => path.includes('inner.txt')),
      `the outer repository heard the nested one's file: ${outerProbe.kept.join(', ')}`,
    );
    assert.ok(
      !nestedProbe.kept.includes('hub-probe/outer.txt'),
      'the nested repository heard the outer file',
    );
    workspaceSubscription.dispose();
    assert.ok(workspaceHeard.some((path) => path.endsWith('/hub-probe/outer.txt')));
    assert.ok(workspaceHeard.some((path) => path.endsWith('/nested-hub/hub-probe/inner.txt')));
  }).timeout(180_000);

  it('makes a slice once per key, refreshes only the named slices, and disposes them with the repository', async () => {
    const api = await extensionApi();
    const { nested } = await repositories();
    assert.equal(nested.existingSlice(countedSlice), undefined, 'no slice before it is asked for');
    const counted = nested.slice(countedSlice);
    assert.equal(nested.slice(countedSlice), counted, 'the same slice for the same key');
    assert.equal(nested.existingSlice(countedSlice), counted);
    assert.equal(countedMade, 1, 'made once');
    const probe = nested.slice(probeSlice);
    const other = nested.slice(otherProbeSlice);

    const heard: string[] = [];
    const subscription = api.repositories.onDidChangeSlice((change) => {
      if (change.repository === nested) heard.push(change.name);
    });
    const [probeBefore, otherBefore] = [probe.refreshes, other.refreshes];
    await nested.refreshSlices(['hubProbe']);
    assert.equal(probe.refreshes, probeBefore + 1, 'the named slice refreshed');
    assert.equal(other.refreshes, otherBefore, 'the slice not named did not');
    assert.deepEqual(heard, ['hubProbe'], 'the slice’s change reached the workspace, by name');
    subscription.dispose();

    await vscode.workspace.fs.delete(nestedRoot(), { recursive: true });
    await api.repositories.rescan();
    await waitFor(
      'the nested repository to go',
      () => api.repositories.repositoryAt(nestedRoot()) === undefined,
    );
    assert.ok(probe.disposed && other.disposed && counted.disposed, 'its slices were disposed with it');
    assert.throws(() => nested.slice(probeSlice), /closed/);
  }).timeout(60_000);

  it('hands out DVC in a trusted workspace (Restricted Mode hands out none: see the restricted suite)', async () => {
    const api = await extensionApi();
    await api.locator.ready();
    const outer = api.repositories.repositoryAt(workspaceRoot());
    assert.ok(outer?.isTrusted);
    assert.ok(await outer.dvc(), 'a trusted repository with DVC found hands out its DVC');
    assert.ok(outer.dvcIfReady);
    // The same construction the Restricted Mode suite refuses: trusted, it hands out the known DVC.
    const standalone = repositoryWithKnownDvc();
    try {
      assert.equal((await standalone.repository.dvc())?.executable.command, '/not/run/by/this/test/dvc');
    } finally {
      standalone.dispose();
    }
  }).timeout(60_000);
});
