/**
 * The extension host's memory for a 10,000 x 300 experiments table, along the real path: `dvc exp show
 * --json` text (synthetic, in DVC 3.67.1's shape) parsed into the experiments model (what the store keeps),
 * then the model-to-table adapter and the wire snapshot (what the table panel keeps as its last good data).
 * Heap is measured with collections forced around each step, so the numbers are what stays alive.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseCliJson } from '../src/core/cliJson';
import { allRows, type ExperimentsModel } from '../src/core/experiments/experimentModel';
import type { TableSnapshot } from '../src/core/protocols/experimentsTableProtocol';
import { parseExpShow } from '../src/core/experiments/parseExpShow';
import { experimentsTableData } from '../src/core/experimentsTable/experimentsToTable';
import { withMetricDirections } from '../src/core/experimentsTable/metricDirections';
import { toTableSnapshot } from '../src/core/experimentsTable/tableValues';

export interface HostTableMemory {
  /** The exp show JSON text's size (what DVC prints). */
  readonly expShowJsonMB: number;
  /** The experiments model, kept by the store. */
  readonly modelHeapMB: number;
  /** The table snapshot, kept by the panel (the adapter's intermediate data is dropped after it). */
  readonly snapshotHeapMB: number;
  /** Model and snapshot together: what the host keeps for one open table. */
  readonly retainedHeapMB: number;
  /** The highest heap seen while building the snapshot from the model, above the starting point. */
  readonly peakHeapMB: number;
  readonly retainedRssMB: number;
  readonly parseMs: number;
  readonly adapterMs: number;
  readonly rows: number;
  readonly columns: number;
}

/** `dvc exp show --json` for `experiments` experiments over `commits` commits, with `columns` values each. */
export function syntheticExpShowText(experiments: number, commits: number, columns: number): string {
  const params = Math.round(columns / 3);
  const deps = 20;
  const metrics = columns - params - deps;
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const data = (rev: string, index: number): unknown => {
    const train: Record<string, number | string> = {};
    for (let p = 0; p < params; p++)
      train[`p${p}`] = p % 5 === 0 ? `v${(index + p) % 3}` : Math.round(random() * 1000) / 1000;
    const values: Record<string, number> = {};
    for (let m = 0; m < metrics; m++) values[`m${m}`] = random();
    const hashes: Record<string, unknown> = {};
    for (let d = 0; d < deps; d++)
      hashes[`data/file${d}.csv`] = { hash: (index * 2654435761 + d).toString(16), size: 10, nfiles: null };
    return {
      rev,
      timestamp: '2026-11-29T18:33:27',
      params: { 'params.yaml': { data: { train } } },
      metrics: { 'metrics.json': { data: values } },
      deps: hashes,
      outs: {},
      meta: { has_checkpoints: false },
    };
  };
  const entries: unknown[] = [
    { rev: 'workspace', name: null, data: data('workspace', 0), error: null, experiments: null },
  ];
  let made = 0;
  for (let commit = 0; commit < commits; commit++) {
    const sha = (0x1000000 + commit * 7919).toString(16).padStart(40, 'a');
    const share = Math.ceil((experiments - made) / (commits - commit));
    const group: unknown[] = [];
    for (let index = 0; index < share; index++, made++) {
      const expSha = (0x2000000 + made * 104729).toString(16).padStart(40, 'b');
      group.push({
        name: `exp-${made.toString(36)}`,
        executor: null,
        revs: [
          {
            rev: expSha,
            name: `exp-${made.toString(36)}`,
            data: data(expSha, made),
            error: null,
            experiments: null,
          },
        ],
      });
    }
    entries.push({
      rev: sha,
      name: commit === 0 ? 'main' : null,
      data: data(sha, commit),
      error: null,
      experiments: group,
    });
  }
  return JSON.stringify(entries);
}

/** In its own function so that the adapter's intermediate data is unreachable once it returns. */
function buildSnapshot(model: ExperimentsModel): { snapshot: TableSnapshot; peak: number } {
  const data = experimentsTableData(model);
  const snapshot = toTableSnapshot(withMetricDirections(data.columns, {}), data.rows);
  return { snapshot, peak: process.memoryUsage().heapUsed };
}

export function measureHostTableMemory(experiments: number, columns: number): HostTableMemory {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
  gc();
  // Before the text exists: the text is gone again when the model is measured.
  const start = process.memoryUsage();
  let text: string | undefined = syntheticExpShowText(experiments, Math.ceil(experiments / 50), columns);
  const textMB = mb(text.length);
  const parseStarted = performance.now();
  const model = parseExpShow(parseCliJson(text));
  const parseMs = performance.now() - parseStarted;
  text = undefined;
  gc();
  const afterModel = process.memoryUsage();
  const adapterStarted = performance.now();
  const { snapshot, peak } = buildSnapshot(model);
  const adapterMs = performance.now() - adapterStarted;
  gc();
  const afterSnapshot = process.memoryUsage();
  const result: HostTableMemory = {
    expShowJsonMB: textMB,
    modelHeapMB: mb(afterModel.heapUsed - start.heapUsed),
    snapshotHeapMB: mb(afterSnapshot.heapUsed - afterModel.heapUsed),
    retainedHeapMB: mb(afterSnapshot.heapUsed - start.heapUsed),
    peakHeapMB: mb(peak - start.heapUsed),
    retainedRssMB: mb(afterSnapshot.rss - start.rss),
    parseMs: Math.round(parseMs),
    adapterMs: Math.round(adapterMs),
    rows: snapshot.rows.length,
    columns: snapshot.columns.length,
  };
  // Both stay alive until here, so the last measurement counts them.
  if (allRows(model).length !== snapshot.rows.length) throw new Error('the snapshot lost rows');
  return result;
}
