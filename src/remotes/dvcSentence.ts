import { explainDvcFailure } from '../core/dvcFailure/explainDvcFailure';
import { failureDetail } from '../core/remotes/remoteFailure';
import { isProcessError } from '../repository/processes';
import { errorText } from '../ui/messages';

/**
 * A known kind of DVC failure in the table's words (src/core/dvcFailure); otherwise DVC's own sentence (its
 * `ERROR:` line, without the prefix); the error's message when DVC did not refuse.
 */
export function dvcSentence(error: unknown): string {
  if (!isProcessError(error, 'exit')) return errorText(error);
  const output = `${error.stderr}\n${error.stdout}`;
  const explained = explainDvcFailure(output);
  if (explained.kind !== 'other') return explained.sentence;
  const detail = failureDetail(output);
  if (detail.length === 0) return errorText(error);
  return /[.!?]$/.test(detail) ? detail : `${detail}.`;
}
