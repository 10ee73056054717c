/**
 * Before you commit: the params and metrics the workspace changed against HEAD (`dvc exp diff HEAD`), per
 * repository, for the "Metrics vs HEAD" view in Source Control, the status-bar warning when a metric
 * regresses, and the commit-message summary. Read when the repository changes (debounced), only in trusted
 * workspaces, and only while the view is visible or the warning is on.
 */
import * as vscode from 'vscode';
import { isCancellation } from '../cli/processError';
import { parseExpDiff } from '../core/experiments/parseExpDiff';
import { historyRegressionWarningSetting } from '../config/settings';
import {
  changeText,
  regressions,
  workspaceChanges,
  type WorkspaceChange,
} from '../core/history/workspaceMetricChanges';
import { headlineMetricSetting, metricDirectionsSetting } from '../experiments/experimentSettings';
import { isTrusted } from '../trust/workspaceTrust';
import { errorText } from '../ui/messages';
import { repositoryTools, type HistoryToolDependencies } from './historyTools';

const REFRESH_DELAY_MS = 2000;

export interface RepositoryChanges {
  readonly root: vscode.Uri;
  readonly changes: readonly WorkspaceChange[];
  /** Why the changes could not be read (DVC missing, DVC failed). */
  readonly error: string | undefined;
}

export class WorkspaceMetrics implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly results = new Map<string, RepositoryChanges>();
  private readonly statusBar = vscode.window.createStatusBarItem(
    'dvcLens.metricsRegression',
    vscode.StatusBarAlignment.Left,
    40,
  );
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private viewVisible = false;

  constructor(private readonly deps: HistoryToolDependencies) {
    this.statusBar.name = 'DVC Lens: Metric Regression';
    this.statusBar.command = 'workbench.view.scm';
    this.subscriptions.push(
      deps.repositories.onDidChange(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('dvcLens')) this.schedule();
      }),
    );
    this.schedule();
  }

  get all(): readonly RepositoryChanges[] {
    return [...this.results.values()];
  }

  /** The status bar's text while a regression is shown, else undefined (the suite reads it). */
  get warning(): string | undefined {
    return this.statusBar.text || undefined;
  }

  setViewVisible(visible: boolean): void {
    this.viewVisible = visible;
    if (visible) this.schedule(0);
  }

  /** Reads every repository's changes now. */
  async refresh(): Promise<void> {
    if (!isTrusted()) return;
    await this.deps.repositories.whenLoaded();
    await Promise.all(
      this.deps.repositories.repositories.map((repository) => this.refreshOne(repository.root)),
    );
  }

  async refreshOne(root: vscode.Uri): Promise<RepositoryChanges> {
    let result: RepositoryChanges;
    try {
      const tools = await repositoryTools(this.deps, root);
      if (!tools.cli) throw new Error('DVC was not found');
      // Its own slot: a refresh here must not cancel a comparison the person asked for (and vice versa).
      const entries = parseExpDiff(
        await tools.cli.readJson(['exp', 'diff', 'HEAD', '--json'], { slot: 'metrics-vs-head' }),
      );
      result = { root, changes: workspaceChanges(entries, metricDirectionsSetting()), error: undefined };
    } catch (error) {
      result = { root, changes: [], error: isCancellation(error) ? 'cancelled' : errorText(error) };
    }
    this.results.set(root.toString(), result);
    this.updateStatusBar();
    this.changed.fire();
    return result;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.statusBar.dispose();
    this.changed.dispose();
  }

  private schedule(delay = REFRESH_DELAY_MS): void {
    clearTimeout(this.timer);
    if (!this.viewVisible && !historyRegressionWarningSetting()) {
      this.statusBar.hide();
      return;
    }
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private updateStatusBar(): void {
    const worse = historyRegressionWarningSetting()
      ? this.all.flatMap((result) => regressions(result.changes, headlineMetricSetting()))
      : [];
    if (worse.length === 0) {
      this.statusBar.text = '';
      this.statusBar.hide();
      return;
    }
    const first = worse[0];
    const more = worse.length > 1 ? ` +${worse.length - 1}` : '';
    this.statusBar.text = `$(warning) ${first ? `${first.key} ${changeText(first)}` : ''}${more}`;
    this.statusBar.tooltip = `Worse than HEAD: ${worse.map((change) => change.key).join(', ')}`;
    this.statusBar.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.statusBar.show();
  }
}
