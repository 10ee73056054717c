/**
 * The Run History view's nodes, as data: per repository (when the workspace has several), the pipeline runs
 * (each with its stages on a timeline) and the runs of each stage. Ids come from the repository root and the
 * run's log file, so expansion survives the refresh after a new run.
 */
import * as vscode from 'vscode';
import { outcomeText, timelineBars, timelineText, type PipelineRun } from '../../core/status/runHistory';
import type { StageRunRecord } from '../../core/status/stageStatus';
import { formatDuration } from '../../core/status/stageStatusText';
import { pipelineCommandIds } from '../pipelineCommandIds';

export type RunHistoryNode =
  | { readonly kind: 'repository'; readonly root: string; readonly name: string }
  | { readonly kind: 'section'; readonly root: string; readonly section: 'runs' | 'stages' }
  | { readonly kind: 'run'; readonly root: string; readonly run: PipelineRun }
  | {
      readonly kind: 'stage';
      readonly root: string;
      readonly stage: string;
      readonly runs: readonly StageRunRecord[];
    }
  | {
      readonly kind: 'record';
      readonly root: string;
      readonly record: StageRunRecord;
      /** Set under a pipeline run: the stage's bar on that run's timeline. */
      readonly timeline?: string;
    }
  | { readonly kind: 'empty'; readonly message: string };

const OUTCOME_ICONS: Readonly<Record<StageRunRecord['outcome'], vscode.ThemeIcon>> = {
  succeeded: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  cancelled: new vscode.ThemeIcon('circle-slash'),
};

/** The stages of a run, each with its bar on the run's timeline. */
export function runChildren(root: string, run: PipelineRun): RunHistoryNode[] {
  return timelineBars(run).map((bar) => ({
    kind: 'record',
    root,
    record: bar.record,
    timeline: timelineText(bar),
  }));
}

export function runHistoryItem(node: RunHistoryNode): vscode.TreeItem {
  switch (node.kind) {
    case 'repository': {
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `runHistory:${node.root}`;
      item.iconPath = new vscode.ThemeIcon('repo');
      return item;
    }
    case 'section': {
      const runs = node.section === 'runs';
      const item = new vscode.TreeItem(
        runs ? 'Pipeline Runs' : 'By Stage',
        runs ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.id = `runHistory:${node.root}:${node.section}`;
      item.iconPath = new vscode.ThemeIcon(runs ? 'history' : 'list-tree');
      return item;
    }
    case 'run': {
      const { run } = node;
      const item = new vscode.TreeItem(localTime(run.startedAt), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `runHistory:${node.root}:run:${run.logFile}`;
      const stages = `${run.stages.length} stage${run.stages.length === 1 ? '' : 's'}`;
      item.description = `${run.outcome} · ${formatDuration(run.durationMs)} · ${stages}`;
      item.tooltip = `Pipeline run of ${localTime(run.startedAt)}: ${run.outcome} after ${formatDuration(
        run.durationMs,
      )}\nStages: ${run.stages.map((record) => record.stage).join(', ')}\nLog: ${run.logFile}`;
      item.iconPath = OUTCOME_ICONS[run.outcome];
      item.contextValue = 'runHistoryRun';
      return item;
    }
    case 'stage': {
      const last = node.runs[0];
      const item = new vscode.TreeItem(node.stage, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `runHistory:${node.root}:stage:${node.stage}`;
      item.description = `${node.runs.length} run${node.runs.length === 1 ? '' : 's'}${
        last ? ` · last ${outcomeText(last)}` : ''
      }`;
      item.iconPath = last ? OUTCOME_ICONS[last.outcome] : new vscode.ThemeIcon('symbol-event');
      item.contextValue = 'runHistoryStage';
      return item;
    }
    case 'record':
      return recordItem(node);
    case 'empty':
      return new vscode.TreeItem(node.message, vscode.TreeItemCollapsibleState.None);
  }
}

/** A stage's run: under a pipeline run, the stage with its bar; under a stage, when it ran. Opens its log. */
function recordItem(node: Extract<RunHistoryNode, { kind: 'record' }>): vscode.TreeItem {
  const { record, timeline } = node;
  const item = new vscode.TreeItem(timeline === undefined ? localTime(record.startedAt) : record.stage);
  item.id = `runHistory:${node.root}:${timeline === undefined ? 'stageRun' : 'runStage'}:${record.logFile}:${record.stage}:${record.startedAt}`;
  const summary = `${formatDuration(record.durationMs)} · ${outcomeText(record)}`;
  item.description = timeline === undefined ? summary : `${timeline} ${summary}`;
  item.tooltip = `${record.stage}: ${outcomeText(record)} in ${formatDuration(record.durationMs)}, started ${localTime(
    record.startedAt,
  )}\nLog: ${record.logFile}\n(click to open the log)`;
  item.iconPath = OUTCOME_ICONS[record.outcome];
  item.contextValue = 'runHistoryRecord';
  item.command = {
    command: pipelineCommandIds.openRunLog,
    title: 'Open Log',
    arguments: [{ logFile: record.logFile }],
  };
  return item;
}

/** "2026-12-07 09:00:05" in the editor's time zone. */
export function localTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(
    date.getMinutes(),
  )}:${two(date.getSeconds())}`;
}
