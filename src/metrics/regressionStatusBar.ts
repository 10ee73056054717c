/**
 * A status-bar warning while the headline metric of the workspace (`dvcLens.experiments.headlineMetric`, else
 * the first metric) is worse than at the baseline, by its direction, so a regression is seen before it is
 * committed. The baseline is HEAD, or the branch, tag or sha `dvcLens.metrics.baselineRef` names (read by
 * BaselineReader: once per sha the ref points at, again when refs move). It keeps the experiments store
 * reading while `dvcLens.metrics.regressionWarning` is on, and hides when nothing regressed, in Restricted
 * Mode, or when the setting is off. A baseline ref that names no commit says so in the tooltip and the log.
 */
import * as vscode from 'vscode';
import { settingKeys } from '../config/settings';
import { headlineRegressions, isHeadBaseline } from '../core/metrics/headlineRegression';
import { shortChange, type FileValue } from '../core/metrics/metricsSummary';
import { headlineMetricSetting, metricDirectionsSetting } from '../experiments';
import type { ExperimentsStore, RepositoryExperiments } from '../experiments';
import type { OutputLog } from '../log/outputLog';
import type { WorkspaceRepositories } from '../repository/workspaceRepositories';
import { watchGitRefs } from '../history';
import { isTrusted } from '../trust/workspaceTrust';
import type { BaselineReader } from './baselineReader';
import { baselineSlice } from './baselineSlice';

const WATCHER = 'regressionStatusBar';

function enabled(): boolean {
  return vscode.workspace.getConfiguration().get<boolean>(settingKeys.metricsRegressionWarning, true);
}

/** The ref the warning compares with; `HEAD` by default. */
export function baselineRefSetting(): string {
  return (
    vscode.workspace.getConfiguration().get<string>(settingKeys.metricsBaselineRef, 'HEAD').trim() || 'HEAD'
  );
}

interface Comparison {
  readonly regressions: readonly FileValue[];
  /** What the tooltip says about a baseline that could not be compared with (invalid ref, DVC failure). */
  readonly note: string | undefined;
  readonly label: string;
}

export class RegressionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'dvcLens.metricsRegression',
    vscode.StatusBarAlignment.Left,
    90,
  );
  private readonly subscriptions: vscode.Disposable[];
  private readonly logged = new Set<string>();
  private ticket = 0;
  /** What the item shows now: read by the suite. */
  current: readonly FileValue[] = [];
  /** Why the baseline could not be compared with (shown in the tooltip); read by the suite. */
  notes: readonly string[] = [];
  /** Settles when the latest update has painted (the suite waits on it). */
  updated: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: ExperimentsStore,
    repositories: WorkspaceRepositories,
    private readonly log: OutputLog,
  ) {
    this.item.name = 'DVC Lens: Metrics Regression';
    this.item.command = 'dvcLens.metrics.focus';
    this.subscriptions = [
      // A branch that moves (a commit, a fetch, a checkout) moves the baseline: resolve it again.
      watchGitRefs(repositories, () => void this.update()),
      store.onDidChange(() => void this.update()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (
          event.affectsConfiguration(settingKeys.metricsRegressionWarning) ||
          event.affectsConfiguration(settingKeys.metricsBaselineRef) ||
          event.affectsConfiguration(settingKeys.experimentsMetricDirections)
        )
          void this.update();
      }),
    ];
    void this.update();
  }

  update(): Promise<void> {
    this.updated = this.paint(++this.ticket);
    return this.updated;
  }

  dispose(): void {
    this.ticket++;
    this.store.setWatched(WATCHER, false);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }

  private async paint(ticket: number): Promise<void> {
    const on = enabled() && isTrusted();
    this.store.setWatched(WATCHER, on);
    const ref = baselineRefSetting();
    const comparisons = on ? await Promise.all(this.store.all.map((state) => this.compare(state, ref))) : [];
    if (ticket !== this.ticket) return;
    this.current = comparisons.flatMap((comparison) => comparison.regressions);
    this.notes = comparisons.flatMap((comparison) => (comparison.note ? [comparison.note] : []));
    const [first] = this.current;
    if (!first && this.notes.length === 0) {
      this.item.hide();
      return;
    }
    const tooltip = new vscode.MarkdownString();
    if (first) {
      const more = this.current.length > 1 ? ` +${this.current.length - 1}` : '';
      this.item.text = `$(warning) ${shortChange(first)}${more}`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      const label = comparisons.find((comparison) => comparison.regressions.length > 0)?.label ?? ref;
      tooltip.appendText(`Worse than ${label} in the workspace:\n\n`);
      for (const value of this.current) tooltip.appendText(`${value.file}: ${shortChange(value)}\n`);
    } else {
      this.item.text = `$(question) Baseline ${ref}?`;
      this.item.backgroundColor = undefined;
    }
    for (const note of this.notes) tooltip.appendText(`\n${note}\n`);
    tooltip.appendText('\nClick for the Metrics view.');
    this.item.tooltip = tooltip;
    this.item.show();
  }

  private async compare(state: RepositoryExperiments, ref: string): Promise<Comparison> {
    const model = state.model;
    const workspace = model?.workspace;
    const directions = metricDirectionsSetting();
    const headline = headlineMetricSetting();
    if (!model || !workspace) return { regressions: [], note: undefined, label: ref };
    if (isHeadBaseline(ref))
      return {
        regressions: headlineRegressions(workspace, model.commits[0], directions, headline),
        note: undefined,
        label: 'HEAD',
      };
    const read = await this.readerFor(state)?.read(ref, model.commits);
    if (!read) return { regressions: [], note: undefined, label: ref };
    if (read.kind !== 'row') {
      const note = `Baseline ${ref} (dvcLens.metrics.baselineRef): ${read.message}`;
      this.logOnce(`${state.repository.root.toString()}\0${note}`, `DVC Lens: ${note}`);
      return { regressions: [], note, label: ref };
    }
    if (!read.row)
      return {
        regressions: [],
        note: `Baseline ${ref}: DVC reported no metrics for ${read.sha.slice(0, 7)}.`,
        label: ref,
      };
    return {
      regressions: headlineRegressions(workspace, read.row, directions, headline),
      note: undefined,
      label: ref,
    };
  }

  /** The repository's baseline reader lives in its slice, so its per-sha answers outlive this update. */
  private readerFor(state: RepositoryExperiments): BaselineReader | undefined {
    return state.repository.slice(baselineSlice).readerIfReady;
  }

  /** One log line per repository and message: updates run on every store change. */
  private logOnce(key: string, line: string): void {
    if (this.logged.has(key)) return;
    this.logged.add(key);
    this.log.append(line);
  }
}
