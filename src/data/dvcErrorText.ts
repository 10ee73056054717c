/** DVC's own sentence out of a failed call, for messages and the Data view's error node. */
import { isProcessError } from '../repository/processes';

/**
 * DVC writes its summary first (`ERROR: …`, sometimes without the prefix) and context after it; warnings come
 * before. The summary alone reads well in a notification; the whole story is in the log.
 */
export function dvcErrorText(error: unknown): string {
  if (!isProcessError(error, 'exit')) return messageOf(error);
  const lines = `${error.stderr}\n${error.stdout}`
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('WARNING:'));
  const summary = lines.find((line) => line.startsWith('ERROR:')) ?? lines[0];
  return summary ? summary.replace(/^ERROR:\s*/, '') : messageOf(error);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
