/**
 * Metric annotations in the editor: at the end of the cursor's line in a metrics file DVC lists for the
 * repository (json/yaml), the value at HEAD and the workspace's change, coloured better/worse by the metric's
 * direction as in the Metrics view. Read from the experiments store (its `exp show` holds the workspace and
 * HEAD rows): no DVC call of its own beyond asking the store to read once when it has nothing yet. Off with
 * `dvcLens.history.paramAnnotations` (one toggle for the annotations of params and metrics files).
 */
import { relative } from 'node:path';
import * as vscode from 'vscode';
import { createLineEndDecoration, trendColourIds } from '../ui/lineAnnotations';
import { historyAnnotateChangedLinesSetting, historyParamAnnotationsSetting } from '../config/settings';
import { metricAnnotationText, metricValueOf } from '../core/history/metricAnnotationText';
import { documentKeyLines } from './documentParses';
import { filesNotInCache } from '../core/experiments/filesNotInCache';
import { remoteCommandIds } from '../remotes';
import { workspaceVsHead, type WorkspaceValue } from '../core/metrics/workspaceVsHead';
import { metricDirectionsSetting } from '../experiments';
import type { ExperimentsStore } from '../experiments';
import type { WorkspaceRepositories } from '../repository/workspaceRepositories';

/** The metric annotation on screen (the suite reads it). */
export interface ShownMetricAnnotation {
  readonly uri: vscode.Uri;
  readonly line: number;
  readonly key: string;
  readonly text: string;
  readonly trend: WorkspaceValue['trend'];
}

const WATCHER = 'metricAnnotations';

export class MetricAnnotations implements vscode.Disposable {
  private readonly decoration = createLineEndDecoration();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Roots the store was asked to read for an annotation (once each: the store keeps itself fresh after). */
  private readonly asked = new Set<string>();
  private shown: ShownMetricAnnotation | undefined;

  constructor(
    private readonly repositories: WorkspaceRepositories,
    private readonly store: ExperimentsStore,
  ) {
    const update = (): void => this.update(vscode.window.activeTextEditor);
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(update),
      vscode.window.onDidChangeTextEditorSelection((event) => this.update(event.textEditor)),
      store.onDidChange(update),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('dvcLens')) update();
      }),
    );
    update();
  }

  get current(): ShownMetricAnnotation | undefined {
    return this.shown;
  }

  dispose(): void {
    this.store.setWatched(WATCHER, false);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.decoration.dispose();
  }

  private update(editor: vscode.TextEditor | undefined): void {
    const target = editor && this.metricsFileOf(editor.document.uri);
    // While a metrics file is in front, the store follows its changes (a repro rewrites it). Asked of the
    // active editor: selection events of other editors (an Output pane) must not switch it off.
    const active = vscode.window.activeTextEditor;
    const watched = editor === active ? target : active && this.metricsFileOf(active.document.uri);
    this.store.setWatched(WATCHER, watched !== undefined);
    if (!editor || !target) return this.clear(editor);
    const line = editor.selection.active.line;
    const keys = documentKeyLines(editor.document);
    const decorations: vscode.DecorationOptions[] = [];
    this.shown = undefined;
    for (const [keyLine, key] of keys) {
      const value = metricValueOf(target.files, target.file, key);
      if (!value) continue;
      const atCursor = keyLine === line;
      // Other lines only with `dvcLens.history.annotateChangedLines`, and only when they differ from HEAD.
      if (!atCursor && (value.trend === 'same' || !historyAnnotateChangedLinesSetting())) continue;
      const headUnknown = value.head === undefined && target.headNotInCache;
      const text = metricAnnotationText(value, target.headNotInCache);
      const end = editor.document.lineAt(keyLine).range.end;
      const colour = trendColourIds[value.trend];
      const after = colour
        ? { contentText: text, color: new vscode.ThemeColor(colour) }
        : { contentText: text };
      decorations.push({
        range: new vscode.Range(end, end),
        renderOptions: { after },
        ...(headUnknown ? { hoverMessage: pullHover(this.rootOf(editor.document.uri)) } : {}),
      });
      if (atCursor) this.shown = { uri: editor.document.uri, line, key, text, trend: value.trend };
    }
    editor.setDecorations(this.decoration, decorations);
  }

  private clear(editor: vscode.TextEditor | undefined): void {
    editor?.setDecorations(this.decoration, []);
    this.shown = undefined;
  }

  /** The file's place among the metrics DVC lists for its repository; undefined when it is not one. */
  private metricsFileOf(uri: vscode.Uri):
    | {
        file: string;
        files: NonNullable<ReturnType<typeof workspaceVsHead>>['files'];
        /** DVC marked the file at HEAD as not in the local cache. */
        headNotInCache: boolean;
      }
    | undefined {
    if (uri.scheme !== 'file' || !historyParamAnnotationsSetting()) return undefined;
    // The hub's trust gate: the metrics come from DVC, which Restricted Mode does not run.
    if (!this.repositories.repositoryOf(uri)?.isTrusted) return undefined;
    if (!/\.(json|ya?ml)$/i.test(uri.fsPath)) return undefined;
    const root = this.rootOf(uri);
    if (!root) return undefined;
    const key = root.toString();
    const state = this.store.get(key);
    if (!state?.answeredByDvc && !this.asked.has(key)) {
      this.asked.add(key);
      void this.store.load(key);
    }
    const comparison = state?.model && workspaceVsHead(state.model, metricDirectionsSetting());
    if (!comparison) return undefined;
    const file = relative(root.fsPath, uri.fsPath).split('\\').join('/');
    return comparison.files.some((entry) => entry.kind === 'metrics' && entry.file === file)
      ? {
          file,
          files: comparison.files,
          headNotInCache: filesNotInCache([state.model?.commits[0]], { metricsOnly: true }).includes(file),
        }
      : undefined;
  }

  /** The innermost repository that holds the file. */
  private rootOf(uri: vscode.Uri): vscode.Uri | undefined {
    const path = uri.fsPath;
    return this.repositories.repositories
      .map((repository) => repository.root)
      .filter((root) => path.startsWith(`${root.fsPath}/`) || path.startsWith(`${root.fsPath}\\`))
      .sort((a, b) => b.fsPath.length - a.fsPath.length)[0];
  }
}

/** The hover of an annotation whose HEAD value is not in the local cache: a Pull link (only that command runs). */
function pullHover(root: vscode.Uri | undefined): vscode.MarkdownString {
  const args = encodeURIComponent(JSON.stringify([{ root: root?.toString() }]));
  const hover = new vscode.MarkdownString(
    `HEAD's metrics file is not in the local cache, so its value is unknown. [Pull](command:${remoteCommandIds.pull}?${args})`,
  );
  hover.isTrusted = { enabledCommands: [remoteCommandIds.pull] };
  return hover;
}
