/**
 * The history feature: the History view (commits with metrics, paged), the commit comparison behind a click
 * and param blame in params files (Metrics vs HEAD, the regression warning and the commit-message summary
 * are the metrics feature's, src/metrics; the report preview and the CI workflow generator use this feature's
 * tools but register themselves, src/report and src/ci). One call from src/extension.ts.
 */
import * as vscode from 'vscode';
import type { DataFeatureDependencies } from '../data';
import { isRecord, rootField, stringField } from '../remotes';
import { isTrusted, whenTrusted } from '../trust/workspaceTrust';
import { copyCommitSha, openCommitFileDiff } from './commitFileActions';
import { historyCommandIds } from './historyCommandIds';
import { HistoryStore } from './historyStore';
import { HistoryTreeProvider } from './historyTreeProvider';
import { openCommitComparison, type CommitComparison } from './openCommitComparison';
import { expShowReadsKey, type ExperimentsStore } from '../experiments';
import { HISTORY_PAGE_SIZE } from './historyService';
import { MetricAnnotations } from './metricAnnotations';
import { ParamAnnotations } from './paramAnnotations';

export { historyCommandIds } from './historyCommandIds';

/** What the extension-host suite reads of the history feature. */
export interface HistoryFeatures {
  readonly store: HistoryStore;
  readonly tree: HistoryTreeProvider;
  /** Param blame at the end of the cursor's line in params files (`current`: what is on screen). */
  readonly annotations: ParamAnnotations;
  /** Value at HEAD and the workspace's change at the cursor's line in metrics files. */
  readonly metricAnnotations: MetricAnnotations;
  /** Reads the first page of every repository again (what the view does when it becomes visible). */
  reloadAll(): Promise<void>;
}

const HIDE_UNRELATED_STATE = 'dvcLens.history.hideUnrelated';
const HIDING_CONTEXT_KEY = 'dvcLens.history.hidingUnrelated';
/** Repository files change in bursts (a repro writes many): wait for quiet before reading history again. */
const RELOAD_DELAY_MS = 1500;
/** Refs that move commits of a branch (not DVC's experiment refs, which History does not show). */
const MOVED_COMMITS = /\/\.git\/(HEAD|packed-refs|refs\/(heads|tags|remotes)\/.+)$/;

export function registerHistoryFeatures(
  deps: DataFeatureDependencies,
  experiments: ExperimentsStore,
): HistoryFeatures {
  const { disposables, context, repositories } = deps;
  const store = disposables.register(new HistoryStore(deps));
  const tree = disposables.register(new HistoryTreeProvider(store, repositories));
  const view = disposables.register(
    vscode.window.createTreeView('dvcLens.history', { treeDataProvider: tree }),
  );

  const reloadAll = async (): Promise<void> => {
    if (!isTrusted()) return;
    await repositories.whenLoaded();
    await Promise.all(repositories.repositories.map((repository) => store.reload(repository.root)));
  };
  let stale = true;
  let timer: NodeJS.Timeout | undefined;
  const reloadIfVisible = (): void => {
    if (!view.visible) return void (stale = true);
    stale = false;
    void reloadAll();
  };
  // While the view shows, every `exp show` of HEAD's branch asks for its first page too (one read, both views).
  const declareNeed = (visible: boolean): void => {
    for (const repository of repositories.repositories)
      if (repository.isDvcRepository)
        repository
          .slice(expShowReadsKey)
          .setStandingNeed('history', visible ? HISTORY_PAGE_SIZE + 1 : undefined);
  };
  declareNeed(view.visible);
  disposables.register(
    view.onDidChangeVisibility((event) => {
      declareNeed(event.visible);
      if (event.visible && stale) reloadIfVisible();
    }),
  );
  const scheduleReload = (): void => {
    clearTimeout(timer);
    timer = setTimeout(reloadIfVisible, RELOAD_DELAY_MS);
  };
  // History is commits: it changes when refs move or repositories come and go, not when a workspace file
  // (a params edit re-reads the pipelines) changes.
  let roots = '';
  disposables.register(
    repositories.onDidChange(() => {
      const now = repositories.repositories.map((repository) => repository.root.toString()).join('\n');
      if (now === roots) return;
      roots = now;
      declareNeed(view.visible);
      scheduleReload();
    }),
  );
  disposables.register(
    repositories.onWorkspaceFiles((event) => MOVED_COMMITS.test(event.uri.path), scheduleReload),
  );
  disposables.register({ dispose: () => clearTimeout(timer) });

  const setHiding = (hide: boolean): void => {
    tree.setHideUnrelated(hide);
    void context.workspaceState.update(HIDE_UNRELATED_STATE, hide);
    void vscode.commands.executeCommand('setContext', HIDING_CONTEXT_KEY, hide);
  };
  setHiding(context.workspaceState.get<boolean>(HIDE_UNRELATED_STATE, false));
  tree.setRestricted(!isTrusted());
  disposables.register(
    whenTrusted(() => {
      tree.setRestricted(false);
      stale = true;
      if (view.visible) reloadIfVisible();
    }),
  );

  const { commands } = deps;
  // Commands that run git (or open what git shows) refuse in Restricted Mode even when invoked by code.
  const registerTrusted = commands.registerTrusted.bind(commands);
  registerTrusted(historyCommandIds.refreshHistory, () => reloadAll());
  registerTrusted(historyCommandIds.loadMoreHistory, async (argument) => {
    const root = rootField(argument) ?? repositories.repositories[0]?.root;
    if (root) await store.loadMore(root);
  });
  registerTrusted(historyCommandIds.openHistoryCommit, (argument) => {
    const target = comparisonTarget(argument);
    return target ? openCommitComparison(target) : undefined;
  });
  registerTrusted(historyCommandIds.openCommitFileDiff, (argument) => openCommitFileDiff(argument));
  commands.register(historyCommandIds.copyCommitSha, (argument) => copyCommitSha(argument));
  commands.register(historyCommandIds.hideUnrelatedCommits, () => setHiding(true));
  commands.register(historyCommandIds.showAllCommits, () => setHiding(false));

  const annotations = disposables.register(
    new ParamAnnotations(deps, (root, sha) => store.rowsOf(root, sha)),
  );
  const metricAnnotations = disposables.register(new MetricAnnotations(repositories, experiments));
  return { store, tree, annotations, metricAnnotations, reloadAll };
}

/**
 * A History tree node (`{ root, entry }`) or `{ root, sha, parent? }` from tests and other commands; `root`
 * may be a Uri's string (command links in hovers carry JSON). Without `parent` it is the first parent.
 */
function comparisonTarget(argument: unknown): CommitComparison | undefined {
  const rootText = stringField(argument, 'root');
  const root = rootField(argument) ?? (rootText ? vscode.Uri.parse(rootText) : undefined);
  if (!root || !isRecord(argument)) return undefined;
  const entry = argument.entry;
  if (isRecord(entry) && typeof entry.sha === 'string' && Array.isArray(entry.parents)) {
    const parent: unknown = entry.parents[0];
    return { root, sha: entry.sha, parent: typeof parent === 'string' ? parent : undefined };
  }
  const sha = stringField(argument, 'sha');
  return sha ? { root, sha, parent: stringField(argument, 'parent') ?? `${sha}^` } : undefined;
}
