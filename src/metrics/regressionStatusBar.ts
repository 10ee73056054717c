/**
 * A status-bar warning while the headline metric of the workspace (`dvcLens.experiments.headlineMetric`, else
 * the first metric) is worse than at HEAD (by its direction), so a
 * regression is seen before it is committed. It keeps the experiments store reading while the setting
 * `dvcLens.metrics.regressionWarning` is on (DVC is asked after changes to params, metrics or the lock file,
 * debounced), and hides when nothing regressed, in Restricted Mode, or when the setting is off.
 */
import * as vscode from 'vscode';
import { settingKeys } from '../config/settings';
import { regressions, shortChange, type FileValue } from '../core/metrics/metricsSummary';
import { workspaceVsHead } from '../core/metrics/workspaceVsHead';
import { headlineMetric } from '../core/experiments/headlineMetric';
import { headlineMetricSetting, metricDirectionsSetting } from '../experiments/experimentSettings';
import type { ExperimentsStore } from '../experiments/experimentsStore';
import { isTrusted } from '../trust/workspaceTrust';

const WATCHER = 'regressionStatusBar';

function enabled(): boolean {
  return vscode.workspace.getConfiguration().get<boolean>(settingKeys.metricsRegressionWarning, true);
}

export class RegressionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'dvcLens.metricsRegression',
    vscode.StatusBarAlignment.Left,
    90,
  );
  private readonly subscriptions: vscode.Disposable[];
  /** What the item shows now: read by the suite. */
  current: readonly FileValue[] = [];

  constructor(private readonly store: ExperimentsStore) {
    this.item.name = 'DVC Lens: Metrics Regression';
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.command = 'dvcLens.metrics.focus';
    this.subscriptions = [
      store.onDidChange(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (
          event.affectsConfiguration(settingKeys.metricsRegressionWarning) ||
          event.affectsConfiguration(settingKeys.experimentsMetricDirections)
        )
          this.update();
      }),
    ];
    this.update();
  }

  update(): void {
    const on = enabled() && isTrusted();
    this.store.setWatched(WATCHER, on);
    const directions = metricDirectionsSetting();
    const setting = headlineMetricSetting();
    this.current = on
      ? this.store.all.flatMap((state) => {
          const model = state.model;
          const comparison = model ? workspaceVsHead(model, directions) : undefined;
          const headline = model?.workspace ? headlineMetric(model.workspace, setting) : undefined;
          if (!comparison || !headline) return [];
          return regressions(comparison).filter(
            (value) => value.file === headline.file && value.key === headline.key,
          );
        })
      : [];
    const [first] = this.current;
    if (!first) {
      this.item.hide();
      return;
    }
    const more = this.current.length > 1 ? ` +${this.current.length - 1}` : '';
    this.item.text = `$(warning) ${shortChange(first)}${more}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText('Worse than HEAD in the workspace:\n\n');
    for (const value of this.current) tooltip.appendText(`${value.file}: ${shortChange(value)}\n`);
    tooltip.appendText('\nClick for the Metrics view.');
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    this.store.setWatched(WATCHER, false);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}
