/**
 * The sentence a person reads after a push, pull or fetch, from DVC's own counts (see
 * core/data/transferSummary.ts). It names the remote, because "Everything is up to date" means little without
 * knowing where DVC looked.
 */
import type { TransferSummary } from '../data/transferSummary';

export type TransferKind = 'push' | 'pull' | 'fetch';

/** How a finished transfer should be shown: `warning` when something was not transferred. */
export interface TransferMessage {
  readonly severity: 'info' | 'warning';
  readonly text: string;
}

const files = (count: number): string => `${count} ${count === 1 ? 'file' : 'files'}`;

/** `'store'`, or "the default remote" when the caller let DVC choose and does not know its name. */
export function remoteLabel(remote: string | undefined): string {
  return remote === undefined ? 'the default remote' : `'${remote}'`;
}

export function transferMessage(
  kind: TransferKind,
  summary: TransferSummary,
  remote: string | undefined,
): TransferMessage {
  const where = remoteLabel(remote);
  const problems: string[] = [];
  if (summary.failed > 0) problems.push(`${files(summary.failed)} failed`);
  if (summary.missingHashes.length > 0)
    problems.push(
      `${files(summary.missingHashes.length)} ${summary.missingHashes.length === 1 ? 'is' : 'are'} neither in the cache nor in ${where} (never pushed, or the remote is unreachable)`,
    );
  const done = doneText(kind, summary, where);
  if (problems.length > 0)
    return { severity: 'warning', text: [done, ...problems].filter(Boolean).join('; ') + '.' };
  if (done) return { severity: 'info', text: `${done}.` };
  return { severity: 'info', text: `Everything is up to date with ${where}.` };
}

function doneText(kind: TransferKind, summary: TransferSummary, where: string): string {
  switch (kind) {
    case 'push':
      return summary.pushed > 0 ? `Pushed ${files(summary.pushed)} to ${where}` : '';
    case 'fetch':
      return summary.fetched > 0 ? `Fetched ${files(summary.fetched)} from ${where} into the cache` : '';
    case 'pull': {
      const changes = [
        summary.added > 0 ? `${summary.added} added` : '',
        summary.modified > 0 ? `${summary.modified} modified` : '',
        summary.deleted > 0 ? `${summary.deleted} deleted` : '',
      ].filter(Boolean);
      const fetched = summary.fetched > 0 ? `Pulled ${files(summary.fetched)} from ${where}` : '';
      if (changes.length === 0) return fetched;
      return `${fetched || `Pulled from ${where}`} (workspace: ${changes.join(', ')})`;
    }
  }
}
