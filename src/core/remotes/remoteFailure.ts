/**
 * Why a push, pull or fetch failed, from what DVC 3.67.1 printed (recorded in
 * test/fixtures/dvc-remote-errors). DVC reports a transfer's cause per file ("failed to transfer '<hash>' -
 * <reason>") and then a generic last line, so the first specific reason is the one worth showing.
 */

export type RemoteFailureKind =
  /** No `-r` and no default remote. */
  | 'noRemote'
  /** Connection refused, unknown host, timeout. */
  | 'unreachable'
  /** The remote refused the credentials (HTTP 401/403, cloud access denied, permission denied). */
  | 'unauthorized'
  /** The remote's path is wrong for storing data (a file where a folder should be, a read-only disk). */
  | 'storage'
  /** DVC found some data neither in the cache nor in the remote. */
  | 'missingData'
  | 'other';

export interface RemoteFailure {
  readonly kind: RemoteFailureKind;
  /** DVC's most specific sentence, without its "ERROR:" prefix. */
  readonly detail: string;
}

const PATTERNS: ReadonlyArray<readonly [Exclude<RemoteFailureKind, 'other' | 'missingData'>, RegExp]> = [
  ['noRemote', /no remote specified|No remote provided and no default remote set/i],
  [
    'unauthorized',
    /\b40[13], message=|Unauthorized|Forbidden|AccessDenied|Access Denied|InvalidAccessKeyId|SignatureDoesNotMatch|AuthenticationFailed|Authentication failed|Permission denied|\[Errno 13\]/i,
  ],
  [
    'unreachable',
    /Cannot connect to host|Connect call failed|Connection refused|\[Errno 111\]|Name or service not known|Temporary failure in name resolution|nodename nor servname|Could not resolve|timed out|Timeout/i,
  ],
  ['storage', /\[Errno 20\]|Not a directory|\[Errno 30\]|Read-only file system|\[Errno 28\]|No space left/i],
];

export function classifyRemoteFailure(output: string): RemoteFailure {
  const detail = failureDetail(output);
  for (const [kind, pattern] of PATTERNS) if (pattern.test(output)) return { kind, detail };
  if (/Missing cache files:|Checkout failed for following targets/.test(output))
    return { kind: 'missingData', detail };
  return { kind: 'other', detail };
}

/** The per-file reason when DVC gave one, else the first ERROR line, else the last line. */
export function failureDetail(output: string): string {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const perFile = lines
    .map((line) => /^ERROR: failed to transfer '[^']*' - (.*)$/.exec(line)?.[1])
    .find((reason) => reason !== undefined);
  if (perFile) return perFile;
  const errorAt = lines.findIndex((line) => line.startsWith('ERROR:'));
  const error = errorAt >= 0 ? lines[errorAt] : undefined;
  const text = (error ?? lines.at(-1) ?? '').replace(/^ERROR:\s*/, '');
  const sentence = text.replace(
    /^(unexpected error|failed to (push|pull|fetch) data (to|from) the cloud) - /,
    '',
  );
  // "Checkout failed for following targets:" names them on the lines after it: keep a few, or the sentence
  // ends in a colon and says nothing of which data.
  return sentence.endsWith(':') && errorAt >= 0
    ? `${sentence} ${listedAfter(lines.slice(errorAt + 1))}`
    : sentence;
}

/** The paths DVC lists under its error line (up to its hint), the first three shown. */
function listedAfter(lines: readonly string[]): string {
  const end = lines.findIndex((line) => /^(Is your cache up to date\?|<https?:)/.test(line));
  const listed = end >= 0 ? lines.slice(0, end) : lines;
  return listed.slice(0, 3).join(', ') + (listed.length > 3 ? `, +${listed.length - 3} more` : '');
}
