/**
 * The words CodeLens and hovers use for a stage's status, so that both say the same thing. Codicons
 * (`$(check)`) render in CodeLens titles and in hover markdown with theme icons enabled.
 */
import type { StageRunRecord, StageStatus, StageStatusKind } from './stageStatus';

const labels: Record<StageStatusKind, string> = {
  upToDate: '$(check) up to date',
  changed: '$(warning) changed',
  alwaysChanged: '$(sync) always changed',
  frozen: '$(lock) frozen',
  neverRun: '$(circle-outline) not run yet',
  unknown: '$(question) status unknown',
};

/** One line: the status and, for a changed stage, its first reason (`$(warning) changed: params train.epochs`). */
export function stageStatusLine(status: StageStatus | undefined): string {
  if (!status) return labels.unknown;
  const reason = status.kind === 'changed' ? status.reasons[0] : undefined;
  if (reason === undefined) return labels[status.kind];
  const more = status.reasons.length > 1 ? ` (+${status.reasons.length - 1} more)` : '';
  return `${labels[status.kind]}: ${reason}${more}`;
}

/** `3 stages: 1 changed, 2 up to date` for the stages generated from one foreach/matrix template. */
export function stageGroupStatusLine(statuses: readonly (StageStatus | undefined)[]): string {
  const counts = new Map<StageStatusKind, number>();
  for (const status of statuses)
    counts.set(status?.kind ?? 'unknown', (counts.get(status?.kind ?? 'unknown') ?? 0) + 1);
  const order: StageStatusKind[] = ['changed', 'neverRun', 'alwaysChanged', 'frozen', 'upToDate', 'unknown'];
  const parts = order
    .filter((kind) => counts.has(kind))
    .map((kind) => `${counts.get(kind)} ${labels[kind].replace(/^\$\([^)]*\) /, '')}`);
  const icon =
    counts.has('changed') || counts.has('neverRun')
      ? '$(warning) '
      : counts.size === 1 && counts.has('upToDate')
        ? '$(check) '
        : '';
  return `${icon}${statuses.length} stages: ${parts.join(', ')}`;
}

/** `Last run: succeeded in 12.3 s (2026-11-22 13:05)`. */
export function lastRunLine(run: StageRunRecord): string {
  const started = run.startedAt.replace('T', ' ').replace(/:\d\d(?:\.\d+)?Z?$/, '');
  const exit = run.outcome === 'failed' && run.exitCode !== undefined ? `, exit code ${run.exitCode}` : '';
  return `Last run: ${run.outcome} in ${formatDuration(run.durationMs)}${exit} (${started})`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
