/**
 * What a param annotation shows on one line (a param's value and blame, or a section's summary) and the
 * decoration that puts it after the line's end, coloured by how the headline metric moved in the blamed commit.
 */
import * as vscode from 'vscode';
import type { BlameMovement } from '../core/history/blameMovement';
import { paramAnnotationText, type ParamAnnotationInput } from '../core/history/paramAnnotationText';

export /** What a line shows: one param's value and blame, or a summary of a section or file named in dvc.yaml. */
type LineInput =
  | {
      readonly kind: 'param';
      readonly root: vscode.Uri;
      readonly paramsUri: vscode.Uri;
      /** The blamed commit's first parent (the diff's left side). */
      readonly parent: string | undefined;
      readonly input: ParamAnnotationInput;
    }
  | { readonly kind: 'group'; readonly text: string; readonly changed: boolean };

/** The annotation's colour: the movement's verdict when the headline metric got better or worse. */
const verdictColours: Partial<Record<string, string>> = { better: 'charts.green', worse: 'charts.red' };

export /** One line's decoration: its text after the line's end, coloured by the blamed commit's metric verdict. */
function decorationAt(
  editor: vscode.TextEditor,
  line: number,
  shown: LineInput,
): { decoration: vscode.DecorationOptions; text: string; movement: BlameMovement | undefined } {
  const input = shown.kind === 'param' ? shown.input : undefined;
  const text = input ? paramAnnotationText(input) : shown.kind === 'group' ? shown.text : '';
  const end = editor.document.lineAt(line).range.end;
  const movement = input?.blame?.kind === 'commit' ? input.movement : undefined;
  const colour = movement?.kind === 'moved' ? verdictColours[movement.verdict] : undefined;
  const after = colour ? { contentText: text, color: new vscode.ThemeColor(colour) } : { contentText: text };
  return { decoration: { range: new vscode.Range(end, end), renderOptions: { after } }, text, movement };
}
