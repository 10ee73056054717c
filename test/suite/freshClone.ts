/**
 * Entry of the extension-host suite on a fresh clone (bundled to dist-test/suite/freshClone.js; the runner
 * opens test/helpers/freshCloneFixture.ts's clone: data not pulled, the DVC remote out of reach, a frozen
 * import whose source is gone). Issue 13: what each view holds says the state and offers the action, read
 * through the extension's test API; then the remote comes back and a pull brings metrics and plots in.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { DvcLensTestApi } from '../../src/extension';
import type { MetricsViewNode } from '../../src/metrics/metricsTreeProvider';
import {
  freshCloneStages,
  freshCloneTopLevelPlots,
  makeFreshCloneRemoteReachable,
} from '../helpers/freshCloneFixture';
import { runMochaSuite } from './runMocha';
import { extensionApi, findNode, waitFor, workspaceRoot } from './suiteHelpers';

/** The one line a view shows when DVC marked the metrics file as not in the local cache. */
const metricsNotInCache = 'eval/metrics.json: data not in the local cache: click to Pull';
const execute = promisify(execFile);
const rawTraceback = /Traceback \(most recent call last\)|File "[^"]+", line \d+/;

interface NoteLike {
  readonly kind: string;
  readonly message?: string;
  readonly command?: string;
  readonly arguments?: readonly unknown[];
}

/** The note of a view (Experiments, Metrics) that says the metrics are not in the cache, once it is there. */
function notInCacheNote(nodes: readonly NoteLike[]): NoteLike | undefined {
  return nodes.find((node) => node.kind === 'note' && node.message === metricsNotInCache);
}

function assertPullOfThisRepository(note: NoteLike): void {
  assert.equal(note.command, 'dvcLens.pull');
  assert.deepEqual(
    (note.arguments as Array<{ root: vscode.Uri }> | undefined)?.map((argument) => argument.root.toString()),
    [workspaceRoot().toString()],
  );
}

async function dashboardModel(api: DvcLensTestApi) {
  const root = workspaceRoot();
  await vscode.commands.executeCommand('dvcLens.showPlots', { root });
  const dashboard = await waitFor('the plots dashboard', () => api.plots.dashboardFor(root.toString()));
  return { dashboard, model: await waitFor('dvc plots diff', () => dashboard.plots, 60_000) };
}

/** Waits until the Metrics view shows accuracy from eval/metrics.json and no longer says it is not in the cache. */
async function metricsReadBack(api: DvcLensTestApi): Promise<void> {
  await waitFor(
    'accuracy in the Metrics view, the note gone',
    () => {
      const nodes: readonly MetricsViewNode[] = api.metrics.tree.getChildren();
      const file = nodes.find((node) => node.kind === 'file' && node.file.file === 'eval/metrics.json');
      return file?.kind === 'file' &&
        file.file.values.some((value) => value.key === 'accuracy') &&
        !notInCacheNote(nodes)
        ? file
        : undefined;
    },
    120_000,
  );
}

export function run(): Promise<void> {
  return runMochaSuite(() => {
    describe('fresh clone: data not pulled, remote out of reach', () => {
      const root = (): string => workspaceRoot().toString();

      it('one notice says how many outputs are not in the local cache', async () => {
        const api = await extensionApi();
        const shown = await waitFor('the missing-data notice', () => api.missingDataNotice.shown[0], 60_000);
        assert.match(shown, /^DVC Lens: \d+ outputs, [\d.]+ \w?B, are not in the local cache\.$/);
        assert.equal(api.missingDataNotice.shown.length, 1, 'once per repository');
      }).timeout(90_000);

      it('Pipeline: one line says why stages were asked one by one; every stage has its real state', async () => {
        const api = await extensionApi();
        await waitFor('DVC to be located', () => api.locator.ready());
        const note = await waitFor(
          'the stage-by-stage note',
          () => api.pipelineTree.rootNodes().find((node) => node.kind === 'statusError'),
          90_000,
        );
        const item = api.pipelineTree.getTreeItem(note);
        assert.equal(item.label, 'status checked stage by stage');
        assert.match(String(item.description), /import .*cannot be reached/i);
        assert.ok(String(item.description).length < 300, `one line: ${String(item.description)}`);
        assert.doesNotMatch(String(item.description), rawTraceback);
        for (const stage of freshCloneStages) {
          const status = await waitFor(`${stage}'s status`, () => api.stageInsights.statusOf(root(), stage));
          assert.equal(status.kind, 'changed', `${stage}: ${JSON.stringify(status)}`);
          const node = findNode(api.pipelineTree.rootNodes(), stage);
          assert.ok(node, stage);
          assert.match(String(api.pipelineTree.getTreeItem(node).description), /^changed/, stage);
        }
        assert.ok(
          api.stageInsights
            .statusOf(root(), 'evaluate')
            ?.reasons.some((reason) => /outs not in cache: eval\/metrics\.json/.test(reason)),
          JSON.stringify(api.stageInsights.statusOf(root(), 'evaluate')),
        );
      }).timeout(120_000);

      it('Experiments and Metrics views: one line says the metrics are not in the local cache, with Pull', async () => {
        const api = await extensionApi();
        const experiments = api.experiments.tree;
        const experimentsNote = await waitFor(
          'the Experiments view note',
          () => notInCacheNote(experiments.getChildren()),
          90_000,
        );
        assertPullOfThisRepository(experimentsNote);
        const experimentNames = experiments
          .getChildren()
          .filter((node) => node.kind === 'row' && node.row.kind === 'commit')
          .flatMap((commit) => experiments.getChildren(commit))
          .map((node) => (node.kind === 'row' ? node.row.name : undefined));
        assert.deepEqual(experimentNames.sort(), ['fast-lr', 'few-epochs']);

        const metricsNote = await waitFor(
          'the Metrics view note',
          () => notInCacheNote(api.metrics.tree.getChildren()),
          60_000,
        );
        assertPullOfThisRepository(metricsNote);
      }).timeout(120_000);

      it('History: the commits say their metrics are not in the local cache', async () => {
        const api = await extensionApi();
        await api.history.reloadAll();
        const descriptions = await waitFor(
          'both commits with their metrics state',
          () => {
            const texts = api.history.tree
              .rootNodes()
              .filter((node) => node.kind === 'commit')
              .map((node) => String(api.history.tree.getTreeItem(node).description ?? ''));
            return texts.length === 2 &&
              texts.every((text) => /metrics: data not in the local cache/.test(text))
              ? texts
              : undefined;
          },
          60_000,
        );
        for (const text of descriptions) assert.doesNotMatch(text, rawTraceback);
      }).timeout(90_000);

      it("Plots: the plot in git is drawn; each plot whose data is not pulled says DVC's reason, with Pull", async () => {
        const api = await extensionApi();
        const { model } = await dashboardModel(api);
        assert.deepEqual(
          model.plots
            .map((plot) => plot.id)
            .filter((id) => freshCloneTopLevelPlots.some((top) => top === id))
            .sort(),
          [...freshCloneTopLevelPlots].sort(),
          'every plot dvc.yaml defines is listed',
        );
        const byId = new Map(model.plots.map((plot) => [plot.id, plot]));
        assert.equal(byId.get('Loss')?.kind, 'template', 'plots/loss.csv is in git');
        for (const id of ['ROC', 'Precision-recall', 'Confusion']) {
          const plot = byId.get(id);
          assert.ok(
            plot?.kind === 'failed' && plot.dataNotInCache === true,
            `${id}: ${JSON.stringify(plot)}`,
          );
          assert.match(plot.message, /^Data not in the local cache \(eval\/plots\): Pull brings it in\./);
          assert.doesNotMatch(plot.message, rawTraceback);
        }
      }).timeout(120_000);

      it('a pull of the metrics in a terminal: the Metrics and Experiments views read them, the notes go', async () => {
        const api = await extensionApi();
        await vscode.commands.executeCommand('dvcLens.metrics.focus');
        await waitFor('the Metrics view note', () => notInCacheNote(api.metrics.tree.getChildren()), 60_000);
        const dvc = vscode.workspace.getConfiguration('dvcLens').get<string>('dvcPath');
        assert.ok(dvc, 'the suite sets dvcLens.dvcPath');
        const server = await makeFreshCloneRemoteReachable(workspaceRoot().fsPath);
        try {
          // As a person does in a terminal: DVC Lens's Pull is not involved, only DVC and the files it writes.
          await execute(dvc, ['pull', '--', 'eval/metrics.json'], { cwd: workspaceRoot().fsPath });
        } finally {
          await server.close();
        }
        await metricsReadBack(api);
        await waitFor(
          'the Experiments view note gone',
          () => !notInCacheNote(api.experiments.tree.getChildren()),
        );
      }).timeout(300_000);

      it('with the remote back, Pull brings the metrics and plots in', async () => {
        const api = await extensionApi();
        // The Metrics view is open, as a person who pulls to see the metrics has it (a view nobody looks at
        // reads nothing).
        await vscode.commands.executeCommand('dvcLens.metrics.focus');
        const server = await makeFreshCloneRemoteReachable(workspaceRoot().fsPath);
        try {
          // Not awaited: the import's data can be had from nowhere, so the pull ends with a message that waits
          // for a person; what the remote has comes in all the same.
          void vscode.commands.executeCommand('dvcLens.pull', { root: workspaceRoot() });
          const { dashboard } = await dashboardModel(api);
          await waitFor(
            'the ROC plot drawn from the pulled data',
            () => dashboard.plots?.plots.find((plot) => plot.id === 'ROC')?.kind === 'template',
            120_000,
          );
          assert.ok(server.requests() > 0, 'DVC asked the remote');
        } finally {
          await server.close();
        }
        await metricsReadBack(api);
        await waitFor(
          'the Experiments view note gone',
          () => !notInCacheNote(api.experiments.tree.getChildren()),
        );
        // History: HEAD's metrics came in, so its row stops saying they are not in the local cache (the older
        // commit's were not pulled: a plain pull brings the workspace's revision only).
        await waitFor(
          'HEAD in History without the not-in-cache state',
          () => {
            const [head] = api.history.tree.rootNodes().filter((node) => node.kind === 'commit');
            const text = head ? String(api.history.tree.getTreeItem(head).description ?? '') : '';
            return head && !/not in the local cache/.test(text) ? text : undefined;
          },
          60_000,
        );
      }).timeout(300_000);
    });
  });
}
