/**
 * Param blame in the editor: at the end of the cursor's line in a params file, the value at HEAD, the
 * workspace's change and the commit that last changed the value; the hover adds the full SHA and a link
 * to that commit's comparison; both say how the headline metric moved in that commit (see blameMetrics.ts).
 * Blame runs git (`git log -- <file>`, `git show`): trusted workspaces only,
 * computed once per file and kept until the repository changes. Off with `dvcLens.history.paramAnnotations`.
 */
import { relative } from 'node:path';
import * as vscode from 'vscode';
import { historyParamAnnotationsSetting } from '../config/settings';
import { flattenParamMap, type FlatParams } from '../core/history/flatParams';
import type { BlameMovement } from '../core/history/blameMovement';
import {
  paramAnnotationText,
  paramHoverLines,
  type ParamAnnotationInput,
} from '../core/history/paramAnnotationText';
import { isParamsFileName, paramKeyLines } from '../core/history/paramKeyLines';
import { HISTORY_LOG_FORMAT, parseGitLogPage, type LoggedCommit } from '../core/history/gitLogPage';
import { parseParamsFile } from '../core/pipeline/paramsFile';
import { BlameMetrics, type LoadedRows } from './blameMetrics';
import { watchGitRefs } from './gitRefsWatcher';
import type { ParamsBlameResult } from './historyService';
import { isTrusted } from '../trust/workspaceTrust';
import { historyCommandIds } from './historyCommandIds';
import { repositoryTools, type HistoryToolDependencies } from './historyTools';

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

/** The annotation's colour: the movement's verdict when the headline metric got better or worse. */
const verdictColours: Partial<Record<string, string>> = { better: 'charts.green', worse: 'charts.red' };

export class ParamAnnotations implements vscode.HoverProvider, vscode.Disposable {
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    after: {
      color: new vscode.ThemeColor('editorCodeLens.foreground'),
      margin: '0 0 0 3em',
      fontStyle: 'italic',
    },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly blames = new Map<string, Promise<FileBlame | undefined>>();
  /** Files whose blame found nothing: retried on the next repository change. */
  private readonly unblamed = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private shown: ShownAnnotation | undefined;
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
      watchGitRefs(() => {
        this.blames.clear();
        update();
      }),
      vscode.languages.registerHoverProvider(
        [{ scheme: 'file', pattern: '**/params.{yaml,yml,json}' }],
        this,
      ),
    );
    update();
  }

  get current(): ShownAnnotation | undefined {
    return this.shown;
  }

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.Hover | undefined> {
    const input = await this.inputAt(document, position.line, true);
    if (!input) return undefined;
    const markdown = new vscode.MarkdownString();
    for (const line of paramHoverLines(input)) markdown.appendText(`${line}\n\n`);
    if (input.blame?.kind === 'commit') {
      const root = this.rootOf(document.uri);
      const args = encodeURIComponent(JSON.stringify([{ root: root?.toString(), sha: input.blame.sha }]));
      markdown.appendMarkdown(
        `[Compare that commit with its parent](command:${historyCommandIds.openHistoryCommit}?${args})`,
      );
      markdown.isTrusted = { enabledCommands: [historyCommandIds.openHistoryCommit] };
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
      !isTrusted() ||
      !historyParamAnnotationsSetting() ||
      !isParamsFileName(editor.document.uri.fsPath)
    )
      return this.clear(editor);
    const line = editor.selection.active.line;
    const input = await this.inputAt(editor.document, line);
    if (ticket !== this.updateCount) return;
    if (!input) return this.clear(editor);
    const text = paramAnnotationText(input);
    const end = editor.document.lineAt(line).range.end;
    const movement = input.blame?.kind === 'commit' ? input.movement : undefined;
    const colour = movement?.kind === 'moved' ? verdictColours[movement.verdict] : undefined;
    const after = colour
      ? { contentText: text, color: new vscode.ThemeColor(colour) }
      : { contentText: text };
    editor.setDecorations(this.decoration, [{ range: new vscode.Range(end, end), renderOptions: { after } }]);
    this.shown = { uri: editor.document.uri, line, text, movement };
  }

  private clear(editor: vscode.TextEditor | undefined): void {
    editor?.setDecorations(this.decoration, []);
    this.shown = undefined;
  }

  /** `settled`: wait for DVC's metrics of the blamed commit (the hover); else `loading` until they are in. */
  private async inputAt(
    document: vscode.TextDocument,
    line: number,
    settled = false,
  ): Promise<ParamAnnotationInput | undefined> {
    if (!isTrusted() || !isParamsFileName(document.uri.fsPath)) return undefined;
    const text = document.getText();
    const key = paramKeyLines(text, document.uri.fsPath).get(line);
    if (!key) return undefined;
    const blame = await this.blameOf(document.uri);
    if (!blame) return undefined;
    const workspace = workspaceValues(document.uri.fsPath, text);
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
      key,
      headValue: blame.head?.[key],
      workspaceValue: workspace?.[key],
      blame: keyBlame,
      commit,
      movement,
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
  private rootOf(uri: vscode.Uri): vscode.Uri | undefined {
    const path = uri.fsPath;
    return this.deps.repositories.repositories
      .map((repository) => repository.root)
      .filter((root) => path.startsWith(`${root.fsPath}/`) || path.startsWith(`${root.fsPath}\\`))
      .sort((a, b) => b.fsPath.length - a.fsPath.length)[0];
  }
}

function workspaceValues(file: string, text: string): FlatParams | undefined {
  const { values } = parseParamsFile(file, text);
  return values ? flattenParamMap(values) : undefined;
}
