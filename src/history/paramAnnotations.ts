/**
 * Param blame in the editor: at the end of the cursor's line in a params file, the value at HEAD, the
 * workspace's change and the commit that last changed the value; the hover adds the full SHA and a link
 * to that commit's comparison; both say how the headline metric moved in that commit (see blameMetrics.ts).
 * Blame runs git (`git log -- <file>`, `git show`): trusted workspaces only,
 * computed once per file and kept until the repository changes. Off with `dvcLens.history.paramAnnotations`.
 */
import { relative } from 'node:path';
import * as vscode from 'vscode';
import { createLineEndDecoration } from '../ui/lineAnnotations';
import { historyAnnotateChangedLinesSetting, historyParamAnnotationsSetting } from '../config/settings';
import type { BlameMovement } from '../core/history/blameMovement';
import { paramGroupChanged, paramGroupText, paramHoverLines } from '../core/history/paramAnnotationText';
import { HISTORY_LOG_FORMAT, parseGitLogPage, type LoggedCommit } from '../core/history/gitLogPage';
import { BlameMetrics, type LoadedRows } from './blameMetrics';
import { watchGitRefs } from './gitRefsWatcher';
import type { ParamsBlameResult } from './historyService';
import { historyCommandIds } from './historyCommandIds';
import { repositoryTools, type HistoryToolDependencies } from './historyTools';
import { decorationAt, type LineInput } from './paramLineDecoration';
import { isAnnotatedParamsDocument, paramLines, paramLineTarget } from './paramLineTarget';
import { escapeMarkdown } from '../core/markdownText';

interface FileBlame extends ParamsBlameResult {
  readonly root: vscode.Uri;
  readonly commits: ReadonlyMap<string, LoggedCommit>;
}

/** The annotation on screen (the suite reads it). */
export interface ShownAnnotation {
  readonly uri: vscode.Uri;
  readonly line: number;
  readonly text: string;
  /** How the headline metric moved in the blamed commit (undefined: no blamed commit on this line). */
  readonly movement: BlameMovement | undefined;
}

export class ParamAnnotations implements vscode.HoverProvider, vscode.Disposable {
  private readonly decoration = createLineEndDecoration();
  private readonly blames = new Map<string, Promise<FileBlame | undefined>>();
  /** Files whose blame found nothing: retried on the next repository change. */
  private readonly unblamed = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private shown: ShownAnnotation | undefined;
  private changed: number[] = [];
  private updateCount = 0;
  private readonly metrics: BlameMetrics;

  constructor(
    private readonly deps: HistoryToolDependencies,
    loadedRows: LoadedRows,
  ) {
    const update = (): void => void this.update(vscode.window.activeTextEditor);
    this.metrics = new BlameMetrics(deps, loadedRows, update);
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(update),
      vscode.window.onDidChangeTextEditorSelection((event) => void this.update(event.textEditor)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) update();
      }),
      // Blame is git's history up to HEAD: only a moved ref changes it (below). Repository changes come in
      // streams while DVC works, and blame takes seconds on a busy machine: forgetting it on each would never
      // let it finish. They only retry what found nothing (no repository yet, a git failure).
      deps.repositories.onDidChange(() => {
        for (const key of this.unblamed) this.blames.delete(key);
        this.unblamed.clear();
        this.metrics.forgetFailures();
        update();
      }),
      vscode.workspace.onDidSaveTextDocument(() => this.blames.clear()),
      // A commit, a checkout or a reset moves HEAD: blame again.
      watchGitRefs(deps.repositories, () => {
        this.blames.clear();
        update();
      }),
      vscode.languages.registerHoverProvider(
        [
          { scheme: 'file', pattern: '**/params.{yaml,yml,json,toml}' },
          { scheme: 'file', pattern: '**/dvc.yaml' },
        ],
        this,
      ),
    );
    update();
  }

  get current(): ShownAnnotation | undefined {
    return this.shown;
  }

  /** The other lines annotated because their value differs from HEAD (the suite reads them). */
  get changedLineNumbers(): readonly number[] {
    return this.changed;
  }

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.Hover | undefined> {
    const line = await this.inputAt(document, position.line, true);
    if (!line) return undefined;
    const markdown = new vscode.MarkdownString();
    if (line.kind === 'group') {
      markdown.appendText(line.text);
      return new vscode.Hover(markdown);
    }
    const input = line.input;
    for (const text of paramHoverLines(input)) markdown.appendText(`${text}\n\n`);
    if (input.blame?.kind === 'commit') {
      const sha = input.blame.sha;
      const root = line.root.toString();
      const path = relative(line.root.fsPath, line.paramsUri.fsPath).split('\\').join('/');
      const link = (title: string, command: string, argument: object): string =>
        `[${title}](command:${command}?${encodeURIComponent(JSON.stringify([argument]))})`;
      markdown.appendMarkdown(
        [
          link('Compare that commit with its parent', historyCommandIds.openHistoryCommit, { root, sha }),
          // The path comes from the workspace: markdown specials in it stay text, not links or images.
          link(
            `Open the diff of ${escapeMarkdown(path)} at that commit`,
            historyCommandIds.openCommitFileDiff,
            {
              root,
              sha,
              parent: line.parent,
              path,
            },
          ),
          link('Copy SHA', historyCommandIds.copyCommitSha, { sha }),
        ].join(' · '),
      );
      // Only these commands run from the hover's links.
      markdown.isTrusted = {
        enabledCommands: [
          historyCommandIds.openHistoryCommit,
          historyCommandIds.openCommitFileDiff,
          historyCommandIds.copyCommitSha,
        ],
      };
    }
    return new vscode.Hover(markdown);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.decoration.dispose();
  }

  private async update(editor: vscode.TextEditor | undefined): Promise<void> {
    const ticket = ++this.updateCount;
    if (
      !editor ||
      !this.trustedAt(editor.document.uri) ||
      !historyParamAnnotationsSetting() ||
      !isAnnotatedParamsDocument(editor.document.uri.fsPath)
    )
      return this.clear(editor);
    const line = editor.selection.active.line;
    const shown = await this.inputAt(editor.document, line);
    const others = historyAnnotateChangedLinesSetting() ? await this.changedLines(editor.document, line) : [];
    if (ticket !== this.updateCount) return;
    const decorations = others.map(({ line: other, input }) => decorationAt(editor, other, input).decoration);
    this.changed = others.map(({ line: other }) => other);
    if (!shown) {
      this.shown = undefined;
      return editor.setDecorations(this.decoration, decorations);
    }
    const { decoration, text, movement } = decorationAt(editor, line, shown);
    editor.setDecorations(this.decoration, [decoration, ...decorations]);
    this.shown = { uri: editor.document.uri, line, text, movement };
  }

  /** Every other line whose value differs from HEAD (`dvcLens.history.annotateChangedLines`). */
  private async changedLines(
    document: vscode.TextDocument,
    cursor: number,
  ): Promise<Array<{ line: number; input: LineInput }>> {
    const result: Array<{ line: number; input: LineInput }> = [];
    for (const line of paramLines(document)) {
      if (line === cursor) continue;
      const input = await this.inputAt(document, line);
      const changed =
        input?.kind === 'group'
          ? input.changed
          : input !== undefined && input.input.workspaceValue !== input.input.headValue;
      if (input && changed) result.push({ line, input });
    }
    return result;
  }

  private clear(editor: vscode.TextEditor | undefined): void {
    editor?.setDecorations(this.decoration, []);
    this.shown = undefined;
    this.changed = [];
  }

  /** `settled`: wait for DVC's metrics of the blamed commit (the hover); else `loading` until they are in. */
  private async inputAt(
    document: vscode.TextDocument,
    line: number,
    settled = false,
  ): Promise<LineInput | undefined> {
    if (!this.trustedAt(document.uri) || !isAnnotatedParamsDocument(document.uri.fsPath)) return undefined;
    const target = await paramLineTarget(document, line);
    if (!target) return undefined;
    const blame = await this.blameOf(target.paramsUri);
    if (!blame) return undefined;
    const { key, workspace } = target;
    // A section or a whole file named in dvc.yaml: what changed in it, not one value's blame.
    const isLeaf = key !== '' && (blame.head?.[key] !== undefined || workspace?.[key] !== undefined);
    if (!isLeaf)
      return {
        kind: 'group',
        text: paramGroupText(key, blame.head, workspace),
        changed: paramGroupChanged(key, blame.head, workspace),
      };
    const keyBlame = blame.blame.get(key);
    const commit = keyBlame?.kind === 'commit' ? blame.commits.get(keyBlame.sha) : undefined;
    let movement: BlameMovement | undefined;
    if (commit) {
      const parent = commit.parents[0];
      movement = settled
        ? await this.metrics.settledMovement(blame.root, commit.sha, parent)
        : this.metrics.movement(blame.root, commit.sha, parent);
    }
    return {
      kind: 'param',
      root: blame.root,
      paramsUri: target.paramsUri,
      parent: commit?.parents[0],
      input: {
        key,
        headValue: blame.head?.[key],
        workspaceValue: workspace?.[key],
        blame: keyBlame,
        commit,
        movement,
      },
    };
  }

  private blameOf(uri: vscode.Uri): Promise<FileBlame | undefined> {
    const key = uri.toString();
    let pending = this.blames.get(key);
    if (!pending) {
      pending = this.computeBlame(uri)
        .catch((error: unknown) => {
          this.deps.log.error(`DVC Lens: param blame of ${uri.fsPath} failed`, error);
          return undefined;
        })
        .then((blame) => {
          if (!blame) this.unblamed.add(key);
          return blame;
        });
      this.blames.set(key, pending);
    }
    return pending;
  }

  private async computeBlame(uri: vscode.Uri): Promise<FileBlame | undefined> {
    const root = this.rootOf(uri);
    if (!root) return undefined;
    const tools = await repositoryTools(this.deps, root);
    const file = relative(root.fsPath, uri.fsPath).split('\\').join('/');
    const result = await tools.history.blame(file);
    const commits = new Map<string, LoggedCommit>();
    for (const blame of result.blame.values()) {
      if (blame.kind !== 'commit' || commits.has(blame.sha)) continue;
      const [commit] = parseGitLogPage(
        await tools.git.logPage({ rev: blame.sha, skip: 0, count: 1, format: HISTORY_LOG_FORMAT }),
      );
      if (commit) commits.set(blame.sha, commit);
    }
    return { ...result, root, commits };
  }

  /** The innermost repository that holds the file. */
  /** The hub's trust gate of the file's repository: blame runs git, which Restricted Mode forbids. */
  private trustedAt(uri: vscode.Uri): boolean {
    return this.deps.repositories.repositoryOf(uri)?.isTrusted ?? false;
  }

  private rootOf(uri: vscode.Uri): vscode.Uri | undefined {
    const path = uri.fsPath;
    return this.deps.repositories.repositories
      .map((repository) => repository.root)
      .filter((root) => path.startsWith(`${root.fsPath}/`) || path.startsWith(`${root.fsPath}\\`))
      .sort((a, b) => b.fsPath.length - a.fsPath.length)[0];
  }
}
