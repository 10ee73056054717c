/**
 * DVC's failures in one sentence a person can act on, with the action that helps (issue 13). The patterns are
 * DVC 3.67.1's own words, recorded in test/fixtures/dvc-failures/ (and test/fixtures/dvc-remote-errors/);
 * what matches none keeps DVC's first `ERROR:` line, cut to one line. The raw text always goes to the log:
 * this is what a notification, a tree row or a cell says in its place.
 */

export type DvcFailureKind =
  /** A remote's host refused or did not answer (connection refused, unknown host, timeout). */
  | 'remoteUnreachable'
  /** A frozen `dvc import`'s source repository cannot be cloned any more. */
  | 'importSourceUnreachable'
  /** A remote's scheme needs a plugin (`dvc-s3`, ...) not installed where DVC runs. */
  | 'missingPlugin'
  /** Data is in neither the local cache nor the remote (never pulled, never pushed, or the remote is away). */
  | 'dataMissing'
  /** Another DVC process holds the repository's lock (or one ended abruptly). */
  | 'lockHeld'
  /** Git has no user name and email for the commit DVC needs. */
  | 'noGitIdentity'
  /** Git could not apply DVC's stash (an experiment's changes) without conflicts. */
  | 'stashConflict'
  /** A params key the command names is not in the params file. */
  | 'paramsKeyMissing'
  | 'other';

/** What the person can do about it; the caller turns it into a button (and always offers "Show Log"). */
export type DvcFailureAction =
  | { readonly kind: 'pull' }
  | { readonly kind: 'installPlugin'; readonly packageName: string }
  | { readonly kind: 'setGitIdentity' }
  | { readonly kind: 'retry' };

export interface DvcFailureExplanation {
  readonly kind: DvcFailureKind;
  /** One line, no traceback, ending with a full stop. */
  readonly sentence: string;
  readonly action?: DvcFailureAction;
  /** What the sentence is about: a remote's URL, a package, a path, a params key. */
  readonly subject?: string;
}

/** A configured DVC remote, to name it by its name when DVC's words only give a host. */
export interface KnownRemote {
  readonly name: string;
  readonly url: string;
}

export interface DvcFailureContext {
  readonly remotes?: readonly KnownRemote[];
  /** The remote the command used (`-r`, or the default), when known. */
  readonly remote?: KnownRemote;
}

/** The button text for an action, the same everywhere. */
export function dvcFailureActionTitle(action: DvcFailureAction): string {
  switch (action.kind) {
    case 'pull':
      return 'Pull';
    case 'installPlugin':
      return `Install ${action.packageName}`;
    case 'setGitIdentity':
      return 'Set Git Identity';
    case 'retry':
      return 'Retry';
  }
}

const MAX_SENTENCE = 220;

type Rule = (output: string, context: DvcFailureContext) => DvcFailureExplanation | undefined;

const rules: readonly Rule[] = [
  function missingPlugin(output) {
    const match = /(\w+) is supported, but requires '(dvc-[\w-]+)' to be installed/.exec(output);
    if (!match) return undefined;
    const [, scheme = '', packageName = ''] = match;
    return {
      kind: 'missingPlugin',
      sentence: `The ${scheme} remote needs the ${packageName} package, which is not installed where DVC runs.`,
      action: { kind: 'installPlugin', packageName },
      subject: packageName,
    };
  },
  function importSourceUnreachable(output) {
    const match = /Failed to clone repo '([^']+)'/.exec(output);
    if (!match) return undefined;
    const url = match[1] ?? '';
    return {
      kind: 'importSourceUnreachable',
      sentence: `The source of an import (${url}) cannot be reached, so DVC cannot check or update what comes from it.`,
      subject: url,
    };
  },
  function lockHeld(output) {
    if (!/Unable to acquire lock/.test(output)) return undefined;
    return {
      kind: 'lockHeld',
      sentence:
        "Another DVC process holds this project's lock (or one ended abruptly): wait for it, then try again.",
      action: { kind: 'retry' },
    };
  },
  function noGitIdentity(output) {
    if (
      !/Git user name and email must be configured|Please tell me who you are|Author identity unknown|empty ident name/i.test(
        output,
      )
    )
      return undefined;
    return {
      kind: 'noGitIdentity',
      sentence: 'Git does not know who you are: set user.name and user.email so DVC can commit.',
      action: { kind: 'setGitIdentity' },
    };
  },
  function stashConflict(output) {
    if (
      !/Stash apply resulted in merge conflicts|Merge contained conflicts|conflicts with existing experiment/i.test(
        output,
      )
    )
      return undefined;
    return {
      kind: 'stashConflict',
      sentence:
        "Git could not apply the experiment's changes over yours without conflicts: commit or stash your changes, then try again.",
    };
  },
  function paramsKeyMissing(output) {
    const override = /Could not override '([^']+)'/.exec(output);
    const missing = /Parameters? '([^']+)' (?:are|is) missing from '([^']+)'/.exec(output);
    const key = override?.[1] ?? missing?.[1];
    if (key === undefined) return undefined;
    const file = missing?.[2] ?? 'the params file';
    return {
      kind: 'paramsKeyMissing',
      sentence: `${file} has no key ${key}: add it to the file first (DVC only changes keys that exist).`,
      subject: key,
    };
  },
  function remoteUnreachable(output, context) {
    const host =
      /Cannot connect to host ([^\s]+?)(?: ssl:|\s|$)/.exec(output)?.[1] ??
      /Could not resolve host:? '?([^\s']+)/.exec(output)?.[1];
    const generic =
      /Connection refused|\[Errno 111\]|Name or service not known|Temporary failure in name resolution|nodename nor servname|Network is unreachable|timed out/i.test(
        output,
      );
    if (host === undefined && !generic) return undefined;
    const remote = context.remote ?? remoteOfHost(context.remotes, host);
    const where = remote
      ? `the remote '${remote.name}' (${remote.url})`
      : host
        ? `the remote at ${host}`
        : 'the remote';
    return {
      kind: 'remoteUnreachable',
      sentence: `DVC cannot reach ${where}: check the URL and your network.`,
      action: { kind: 'retry' },
      subject: remote?.url ?? host,
    };
  },
  function dataMissing(output, context) {
    const dir = /failed to load directory \(([^)]*)\)/.exec(output)?.[1];
    const storage = /No storage files available: '([^']+)'/.exec(output)?.[1];
    const missingDep = /missing data '[^']*': (\S+)/.exec(output)?.[1];
    const checkout = /Checkout failed for following targets:\s*\n\s*(\S+)/.exec(output)?.[1];
    const notInCache = /Missing cache files:|not in cache|Checkout failed for following targets/.test(output);
    const path = dir !== undefined ? dirPath(dir) : (storage ?? missingDep ?? checkout);
    if (path === undefined && !notInCache) return undefined;
    const where = context.remote ? `the remote '${context.remote.name}'` : 'the remote';
    const what = path === undefined ? 'Some data' : path;
    return {
      kind: 'dataMissing',
      sentence: `${what} is not in the local cache: pull it from ${where} (if it was never pushed or the remote is out of reach, DVC cannot get it).`,
      action: { kind: 'pull' },
      subject: path,
    };
  },
];

/** Explains what DVC printed (stderr and stdout together) when it failed. */
export function explainDvcFailure(output: string, context: DvcFailureContext = {}): DvcFailureExplanation {
  for (const rule of rules) {
    const explanation = rule(output, context);
    if (explanation) return { ...explanation, sentence: oneLine(explanation.sentence) };
  }
  return { kind: 'other', sentence: oneLine(dvcSummaryLine(output) || 'DVC failed without saying why.') };
}

/**
 * DVC's own summary: its first `ERROR:` line (warnings come before it, context after), without the prefix
 * and the generic "unexpected error - " DVC puts before exceptions it did not expect.
 */
export function dvcSummaryLine(output: string): string {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const error = lines.find((line) => line.startsWith('ERROR:'));
  const meaningful = lines.filter(
    (line) => !line.startsWith('WARNING:') && !/^Having any troubles\?/.test(line),
  );
  return (error ?? meaningful[0] ?? '').replace(/^ERROR:\s*/, '').replace(/^unexpected error - /, '');
}

/** `'eval', 'plots'` (a Python tuple's inside) → `eval/plots`. */
function dirPath(tuple: string): string {
  return tuple
    .split(',')
    .map((part) => part.trim().replace(/^'|'$/g, ''))
    .filter((part) => part.length > 0)
    .join('/');
}

function remoteOfHost(
  remotes: readonly KnownRemote[] | undefined,
  host: string | undefined,
): KnownRemote | undefined {
  if (!remotes || host === undefined) return undefined;
  return remotes.find((remote) => {
    try {
      return new URL(remote.url).host === host;
    } catch {
      return false;
    }
  });
}

/** One line of at most MAX_SENTENCE characters: a tree row, a cell and a notification show it whole. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = flat.length > MAX_SENTENCE ? `${flat.slice(0, MAX_SENTENCE - 1)}…` : flat;
  return /[.!?…]$/.test(cut) ? cut : `${cut}.`;
}
