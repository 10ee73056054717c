/**
 * Runs inside a real extension host (code-server in extension-test mode, started by
 * bench/session/codeServerSession.ts), bundled to dist-test/bench/hostSession.js. It drives DVC Lens through
 * its commands as a person would and writes what it saw to the JSON file named by DVC_LENS_BENCH_OUT:
 *
 * - `session` (session-cost): open every view and panel, compare two commits twice, edit params three times,
 *   run one experiment; then the runner's log lines (one per process call).
 * - `first-content`: from the experiments table command to its first experiment row (and workspace row), as
 *   the table's host holds them (the snapshot its page paints from).
 */
import { renameSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { DvcLensTestApi } from '../../src/extension';

/** What the host script writes for the benchmark. */
export interface HostSessionReport {
  readonly ok: boolean;
  readonly error?: string;
  /** The runner's log lines of the session (process calls and errors), oldest first. */
  readonly lines: readonly string[];
  /** Milliseconds from the start of the session to each step's end. */
  readonly steps: Readonly<Record<string, number>>;
  /** first-content only. */
  readonly firstWorkspaceRowMs?: number;
  readonly firstExperimentRowMs?: number;
  /** Whether the first experiment row was shown as refreshing (from the last session's cache). */
  readonly firstRowsRefreshing?: boolean;
}

const QUIET_MS = Number(process.env.DVC_LENS_BENCH_QUIET_MS ?? 4000);

export async function run(): Promise<void> {
  const out = process.env.DVC_LENS_BENCH_OUT ?? '';
  const script = process.env.DVC_LENS_BENCH_SCRIPT ?? 'session';
  const collected: string[] = [];
  const steps: Record<string, number> = {};
  let report: HostSessionReport;
  try {
    const extension = vscode.extensions.getExtension<DvcLensTestApi>('dvc-lens.dvc-lens');
    if (!extension) throw new Error('DVC Lens is not installed in this host');
    const started = performance.now();
    const api = extension.isActive ? extension.exports : await extension.activate();
    const lines = new LineCollector(api, collected);
    const extra =
      script === 'first-content'
        ? await firstContent(api, lines, started)
        : await session(api, lines, steps, started);
    report = { ok: true, lines: collected, steps, ...extra };
  } catch (error) {
    report = {
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      lines: collected,
      steps,
    };
  }
  writeFileSync(`${out}.tmp`, JSON.stringify(report));
  renameSync(`${out}.tmp`, out);
}

/** Keeps every log line (the test API holds only the last 500) by reading the window often. */
class LineCollector {
  private seen: readonly string[] = [];
  private lastChange = performance.now();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly api: DvcLensTestApi,
    private readonly into: string[],
  ) {
    this.timer = setInterval(() => this.poll(), 50);
  }

  poll(): void {
    const now = this.api.outputLines();
    let fresh: readonly string[] = now;
    for (let shift = 0; shift <= this.seen.length; shift++) {
      const overlap = this.seen.slice(shift);
      if (overlap.every((line, index) => now[index] === line)) {
        fresh = now.slice(overlap.length);
        break;
      }
    }
    if (fresh.length > 0) {
      this.into.push(...fresh);
      this.lastChange = performance.now();
    }
    this.seen = now;
  }

  /** Resolves once no process line came for `QUIET_MS` and the views say they are not reading. */
  async quiet(busy: () => boolean, limitMs = 180_000): Promise<void> {
    const deadline = performance.now() + limitMs;
    // Quiet counts from now: the step that just ran (a saved file) may start its reads only later.
    this.lastChange = performance.now();
    for (;;) {
      this.poll();
      if (busy()) this.lastChange = performance.now();
      if (performance.now() - this.lastChange >= QUIET_MS) return;
      if (performance.now() > deadline) throw new Error('the session never went quiet');
      await sleep(100);
    }
  }

  stop(): void {
    this.poll();
    clearInterval(this.timer);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  return folder.uri;
}

function busy(api: DvcLensTestApi): boolean {
  const root = workspaceRoot().toString();
  return (
    (api.experiments.store.get(root)?.refreshing ?? false) ||
    api.history.store.history(workspaceRoot()).loading
  );
}

async function session(
  api: DvcLensTestApi,
  lines: LineCollector,
  steps: Record<string, number>,
  started: number,
): Promise<Partial<HostSessionReport>> {
  const root = workspaceRoot();
  const mark = (step: string): void => {
    steps[step] = Math.round(performance.now() - started);
  };
  const settle = async (step: string): Promise<void> => {
    await lines.quiet(() => busy(api));
    mark(step);
  };
  await api.locator.ready();
  await api.repositories.whenLoaded();
  // Every view of the sidebar and the SCM view, as a person opening them one by one.
  await vscode.commands.executeCommand('workbench.view.extension.dvcLens');
  for (const view of ['pipeline', 'data', 'remotes', 'experiments', 'metrics', 'history'])
    await vscode.commands.executeCommand(`dvcLens.${view}.focus`);
  await vscode.commands.executeCommand('dvcLens.metricsVsHead.focus');
  await vscode.commands.executeCommand('workbench.view.extension.dvcLens');
  await settle('views');
  // Every panel.
  await vscode.commands.executeCommand('dvcLens.showExperimentsTable', { root });
  await vscode.commands.executeCommand('dvcLens.showPlots', { root: root.toString() });
  await vscode.commands.executeCommand('dvcLens.showDag', { root });
  await settle('panels');
  await vscode.commands.executeCommand('dvcLens.compareRevisions', { root, a: 'HEAD~1', b: 'HEAD' });
  await settle('compare-1');
  // Three edits of a param, each saved and left to settle as a person would between edits.
  const params = join(root.fsPath, 'params.yaml');
  const original = await readFile(params, 'utf8');
  for (const [index, lr] of ['0.41', '0.42', '0.43'].entries()) {
    await writeFile(params, original.replace(/^lr: .*$/m, `lr: ${lr}`));
    await settle(`edit-${index + 1}`);
  }
  await writeFile(params, original);
  await settle('edit-restored');
  await vscode.commands.executeCommand('dvcLens.compareRevisions', { root, a: 'HEAD~1', b: 'HEAD' });
  await settle('compare-2');
  await vscode.commands.executeCommand('dvcLens.runExperiment', {
    root,
    params: { lr: '0.37' },
    name: 'bench-session-run',
  });
  await settle('experiment');
  lines.stop();
  return {};
}

async function firstContent(
  api: DvcLensTestApi,
  lines: LineCollector,
  started: number,
): Promise<Partial<HostSessionReport>> {
  const root = workspaceRoot();
  const commandAt = performance.now();
  await vscode.commands.executeCommand('dvcLens.showExperimentsTable', { root });
  let firstWorkspaceRowMs: number | undefined;
  let firstExperimentRowMs: number | undefined;
  let firstRowsRefreshing: boolean | undefined;
  const deadline = commandAt + 180_000;
  while (firstExperimentRowMs === undefined) {
    const panel = api.experiments.table.panels()[0];
    const snapshot = panel?.source.snapshot();
    const rows = snapshot?.rows ?? [];
    const now = Math.round(performance.now() - commandAt);
    if (firstWorkspaceRowMs === undefined && rows.some((row) => row.kind === 'workspace'))
      firstWorkspaceRowMs = now;
    if (rows.some((row) => row.kind === 'experiment')) {
      firstExperimentRowMs = now;
      firstRowsRefreshing = api.experiments.store.get(root.toString())?.refreshing ?? false;
    }
    if (performance.now() > deadline) throw new Error('no experiment row within 180 s');
    await sleep(10);
  }
  // The rest of the session's reads end before the window closes (the next session's cache is written then).
  await lines.quiet(() => busy(api));
  lines.stop();
  return {
    firstWorkspaceRowMs,
    firstExperimentRowMs: firstExperimentRowMs,
    firstRowsRefreshing,
    steps: { activated: Math.round(commandAt - started) },
  };
}
