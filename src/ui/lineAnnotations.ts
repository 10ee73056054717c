/**
 * What DVC Lens's annotations have in common wherever they appear: the text after the end of a line (in the
 * colour of CodeLens, italic, out of the way of VS Code's own inline blame), and one theme colour per trend
 * of a value against its baseline (the Metrics views use the same).
 */
import * as vscode from 'vscode';
import type { DeltaTrend } from '../core/experimentsTable/tableDelta';

export function createLineEndDecoration(): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    after: {
      color: new vscode.ThemeColor('editorCodeLens.foreground'),
      margin: '0 0 0 3em',
      fontStyle: 'italic',
    },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}

/** A theme colour id per trend; none for a value that did not change. */
export const trendColourIds: Readonly<Partial<Record<DeltaTrend, string>>> = {
  better: 'charts.green',
  worse: 'charts.red',
  changed: 'charts.blue',
};
