import { isProcessError } from '../repository/processes';
import { failureDetail } from '../core/remotes/remoteFailure';
import { errorText } from '../ui/messages';

/** DVC's own sentence when DVC refused (its `ERROR:` line, without the prefix); the error's message otherwise. */
export function dvcSentence(error: unknown): string {
  if (!isProcessError(error, 'exit')) return errorText(error);
  const detail = failureDetail(`${error.stderr}\n${error.stdout}`);
  if (detail.length === 0) return errorText(error);
  return /[.!?]$/.test(detail) ? detail : `${detail}.`;
}
