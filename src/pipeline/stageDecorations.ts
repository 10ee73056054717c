import * as vscode from 'vscode';
import type { StageRunRecord, StageRunState, StageStatus } from '../core/status/stageStatus';
import { stageStatusPresentation } from '../core/status/stageStatusPresentation';

/** What the Pipeline view reads about a stage besides its definition; `root` is the repository URI string. */
export interface StageDecorationSource {
  statusOf(root: string, stage: string): StageStatus | undefined;
  runStateOf(root: string, stage: string): StageRunState | undefined;
  lastRunOf(root: string, stage: string): StageRunRecord | undefined;
  /** DVC's own message when the repository's last `dvc status` failed (cleared by the next success). */
  statusErrorOf(root: string): string | undefined;
  /** Why statuses were read stage by stage (the whole-project `dvc status` failed), in one line. */
  statusNoteOf?(root: string): string | undefined;
  /** A `dvc status` of the repository is running (the shown statuses are the previous ones). */
  isRefreshing(root: string): boolean;
  readonly onDidChange: vscode.Event<void>;
}

export interface StageDecoration {
  readonly icon: vscode.ThemeIcon;
  /** Short words before the stage's own description, e.g. "changed", "running", "failed". */
  readonly label: string;
  readonly tooltip: string;
}

const runLooks: Partial<Record<StageRunState, { codicon: string; color?: string; label: string }>> = {
  queued: { codicon: 'clock', label: 'queued' },
  running: { codicon: 'sync~spin', color: 'progressBar.background', label: 'running' },
  failed: { codicon: 'error', color: 'errorForeground', label: 'failed' },
};

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** A live run state wins over the last known `dvc status`; the last run's duration is always shown. */
export function stageDecoration(
  status: StageStatus | undefined,
  runState: StageRunState | undefined,
  lastRun: StageRunRecord | undefined,
): StageDecoration | undefined {
  const run = runState ? runLooks[runState] : undefined;
  const duration = lastRun ? ` · ${formatDuration(lastRun.durationMs)}` : '';
  const lastRunLine = lastRun
    ? `\nLast run: ${lastRun.outcome}, ${formatDuration(lastRun.durationMs)} (${lastRun.startedAt})`
    : '';
  if (run) {
    const color = run.color ? new vscode.ThemeColor(run.color) : undefined;
    return {
      icon: new vscode.ThemeIcon(run.codicon, color),
      label: run.label + duration,
      tooltip: `${run.label}${lastRunLine}`,
    };
  }
  if (!status) return undefined;
  const look = stageStatusPresentation(status);
  const color = look.themeColor ? new vscode.ThemeColor(look.themeColor) : undefined;
  // What DVC could not judge says why on the row itself, in the table's one line.
  const why = status.kind === 'unknown' && status.reasons[0] ? `: ${status.reasons[0]}` : '';
  return {
    icon: new vscode.ThemeIcon(look.codicon, color),
    label: look.label + why + duration,
    tooltip: look.tooltip + lastRunLine,
  };
}
