/** DVC's failure in one sentence, for messages and the Data view's error node. */
import { explainDvcFailure } from '../core/dvcFailure/explainDvcFailure';
import { isProcessError } from '../repository/processes';

/**
 * A known kind of failure (data not in the cache, a missing plugin, the lock held, ...) in the table's words
 * (src/core/dvcFailure); otherwise DVC's summary line: DVC writes it first (`ERROR: …`, sometimes without the
 * prefix) and context after it; warnings come before. The whole story is in the log.
 */
export function dvcErrorText(error: unknown): string {
  if (!isProcessError(error, 'exit')) return messageOf(error);
  const output = `${error.stderr}\n${error.stdout}`;
  const explained = explainDvcFailure(output);
  if (explained.kind !== 'other') return explained.sentence.replace(/\.$/, '');
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('WARNING:'));
  const summary = lines.find((line) => line.startsWith('ERROR:')) ?? lines[0];
  return summary ? summary.replace(/^ERROR:\s*/, '') : messageOf(error);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
