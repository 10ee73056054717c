/**
 * Issue 13 on a real fresh clone (test/helpers/freshCloneFixture.ts) with the real DVC: what each view's data
 * layer makes of a project whose data is not pulled, whose remote is out of reach and whose frozen import's
 * source is gone.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildPipelineGraph, parseDataSource, type DataSource } from '../../src/core/dag';
import { explainDvcFailure } from '../../src/core/dvcFailure/explainDvcFailure';
import {
  filesNotInCache,
  metricsNotInCacheAt,
  notInCacheLine,
} from '../../src/core/experiments/filesNotInCache';
import { commitMetrics } from '../../src/core/history/historyEntries';
import { GitCli } from '../../src/cli/gitCli';
import { ExperimentsService } from '../../src/experiments/experimentsService';
import { parsePipeline, pipelineParamsFiles, type Pipeline } from '../../src/core/pipeline';
import { PlotsService } from '../../src/plots/plotsService';
import { PipelineStatusService } from '../../src/repository/pipelineStatusService';
import { dvc, git, makeDemoRepo, pinnedDvcPath } from '../helpers/dvcEnvironment';
import { makeFreshCloneFixture, type FreshCloneFixture } from '../helpers/freshCloneFixture';
import { recordingDvcCli } from './cliFixtures';

let fixture: FreshCloneFixture;
let demo: { dir: string; cleanup: () => Promise<void> };

before(async () => {
  fixture = await makeFreshCloneFixture({ dvcPath: await pinnedDvcPath() });
  demo = await makeDemoRepo();
});

after(async () => {
  await fixture.cleanup();
  await demo.cleanup();
});

async function readPipeline(root: string): Promise<Pipeline> {
  const text = await readFile(join(root, 'dvc.yaml'), 'utf8');
  const names = pipelineParamsFiles(text);
  const texts = await Promise.all(names.map((name) => readFile(join(root, name), 'utf8')));
  return parsePipeline({ file: 'dvc.yaml', text, paramsFiles: new Map(names.map((n, i) => [n, texts[i]])) });
}

void test('status survives the failing import: every stage says its real state, the view one line why', async () => {
  const { cli, lines } = await recordingDvcCli(fixture.root);
  const pipeline = await readPipeline(fixture.root);
  const logged: string[] = [];
  const service = new PipelineStatusService(
    () => cli,
    () => [pipeline],
    { log: (text) => logged.push(text) },
  );
  assert.equal(await service.refresh(), 'updated');
  assert.equal(service.lastError, undefined);
  assert.match(
    service.stageByStageNote ?? '',
    /^checked stage by stage: The source of an import \(.*import-source\) cannot be reached/,
  );
  for (const stage of fixture.stages) {
    const status = service.statusOf(stage);
    assert.equal(status?.kind, 'changed', `${stage}: ${JSON.stringify(status)}`);
  }
  assert.ok(
    service
      .statusOf('evaluate')
      ?.reasons.some((reason) => /^outs not in cache: eval\/metrics\.json, eval\/plots$/.test(reason)),
    JSON.stringify(service.statusOf('evaluate')),
  );
  const statusCalls = lines.filter((line) => / status --json/.test(line));
  assert.equal(
    statusCalls.length,
    2,
    `the whole project, then every stage in one call:\n${statusCalls.join('\n')}`,
  );
  assert.match(logged.join('\n'), /Failed to clone repo/, 'the whole text goes to the log');
  service.dispose();
});

/** Nodes and edges of `dvc dag --dot` (DVC quotes every name). */
function parseDot(dot: string): { nodes: string[]; edges: string[] } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const line of dot.split('\n')) {
    const edge = /^\s*"([^"]+)"\s*->\s*"([^"]+)";/.exec(line);
    if (edge) edges.add(`${edge[1]} -> ${edge[2]}`);
    const node = /^\s*"([^"]+)";/.exec(line);
    if (node?.[1]) nodes.add(node[1]);
  }
  return { nodes: [...nodes].sort(), edges: [...edges].sort() };
}

async function dataSourcesOf(root: string): Promise<DataSource[]> {
  const files = (await git(root, ['ls-files', '--', '*.dvc'])).split('\n').filter((line) => line.length > 0);
  const sources = await Promise.all(
    files.map(async (file) => parseDataSource(file, await readFile(join(root, file), 'utf8'))),
  );
  return sources.filter((source): source is DataSource => source !== undefined);
}

void test('the DAG draws the .dvc data sources and the import as nodes, in parity with dvc dag', async () => {
  for (const root of [fixture.root, demo.dir]) {
    const graph = buildPipelineGraph([await readPipeline(root)], { dataSources: await dataSourcesOf(root) });
    const ours = {
      nodes: graph.nodes.map((node) => node.id).sort(),
      edges: graph.edges.map((edge) => `${edge.from} -> ${edge.to}`).sort(),
    };
    assert.deepEqual(ours, parseDot(await dvc(root, ['dag', '--dot'])), root);
  }
  const imported = (await dataSourcesOf(fixture.root)).find((source) => source.file === 'data/data.xml.dvc');
  assert.deepEqual(imported && { kind: imported.kind, frozen: imported.frozen }, {
    kind: 'import',
    frozen: true,
  });
});

void test("plots: what is in git is drawn, each plot whose data is not pulled says DVC's reason with Pull", async () => {
  const { cli } = await recordingDvcCli(fixture.root);
  const service = new PlotsService(cli, join(fixture.root, '.dvc', 'tmp', 'lens-plots'));
  const model = await service.diff(['workspace']);
  const byId = new Map(model.plots.map((plot) => [plot.id, plot]));
  assert.equal(byId.get('Loss')?.kind, 'template');
  for (const id of ['ROC', 'Precision-recall', 'Confusion']) {
    const plot = byId.get(id);
    assert.ok(plot?.kind === 'failed' && plot.dataNotInCache, `${id}: ${JSON.stringify(plot)}`);
    assert.match(
      plot.message,
      /^Data not in the local cache \(eval\/plots\): Pull brings it in\. DVC: failed to load directory/,
    );
  }
});

void test("metrics not pulled: DVC's exp show marks them, and Metrics, History and Compare say it in one line", async () => {
  const { cli, scheduler } = await recordingDvcCli(fixture.root);
  const model = await new ExperimentsService(cli, scheduler, new GitCli(fixture.root)).show();
  const head = model.commits[0];
  assert.ok(head && model.workspace);
  // The Metrics view (workspace and HEAD rows).
  const missing = filesNotInCache([model.workspace, head], { metricsOnly: true });
  assert.deepEqual(missing, ['eval/metrics.json']);
  assert.equal(notInCacheLine(missing), 'eval/metrics.json: data not in the local cache');
  // History (the commit's row).
  const history = commitMetrics(head, undefined, {});
  assert.deepEqual(
    history.kind === 'unavailable' && history.notInCache,
    ['eval/metrics.json'],
    JSON.stringify(history),
  );
  // Compare (the workspace against HEAD, looked up by sha).
  assert.deepEqual(metricsNotInCacheAt(model, [undefined, head.rev]), ['eval/metrics.json']);
});

void test('the error table on what the real DVC says in the fresh clone', async () => {
  const failing = async (args: readonly string[]): Promise<string> => {
    try {
      await dvc(fixture.root, args);
    } catch (error) {
      const failed = error as { stderr: string; stdout: string };
      return `${failed.stderr}\n${failed.stdout}`;
    }
    throw new Error(`dvc ${args.join(' ')} did not fail`);
  };
  assert.equal(explainDvcFailure(await failing(['status', '--json'])).kind, 'importSourceUnreachable');
  assert.equal(
    explainDvcFailure(await failing(['exp', 'run', '-S', 'train.nope=1'])).kind,
    'paramsKeyMissing',
  );
  const plugin = explainDvcFailure(await failing(['push', '-r', 'archive']));
  assert.deepEqual(plugin.action, { kind: 'installPlugin', packageName: 'dvc-s3' });
  const repro = explainDvcFailure(await failing(['repro']));
  assert.equal(repro.kind, 'dataMissing');
  assert.equal(repro.subject, 'data/data.xml');
  const pull = explainDvcFailure(await failing(['pull']));
  assert.equal(pull.kind, 'dataMissing');
});
