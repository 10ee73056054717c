/**
 * Which param an editor line is about, for the annotations: a leaf key of a params file (the line's own key),
 * or a param named in a stage's `params:` list of `dvc.yaml` (a key, a section or a whole file of the params
 * file next to it). Carries the params file's workspace values: the open editor's text when it is open (what
 * the person sees), else the file on disk.
 */
import * as vscode from 'vscode';
import { flattenParamMap, type FlatParams } from '../core/history/flatParams';
import { isParamsFileName } from '../core/history/paramKeyLines';
import { documentDvcYamlParamLines, documentKeyLines } from './documentParses';
import { parseParamsFile } from '../core/pipeline/paramsFile';

export interface ParamLineTarget {
  /** The params file the param lives in. */
  readonly paramsUri: vscode.Uri;
  /** The dotted key; empty for a whole file. */
  readonly key: string;
  readonly workspace: FlatParams | undefined;
}

export function isDvcYamlName(path: string): boolean {
  return /(^|[\\/])dvc\.yaml$/i.test(path);
}

/** Files whose lines the param annotations look at. */
export function isAnnotatedParamsDocument(path: string): boolean {
  return isParamsFileName(path) || isDvcYamlName(path);
}

export async function paramLineTarget(
  document: vscode.TextDocument,
  line: number,
): Promise<ParamLineTarget | undefined> {
  const path = document.uri.fsPath;
  if (isParamsFileName(path)) {
    const key = documentKeyLines(document).get(line);
    return key
      ? { paramsUri: document.uri, key, workspace: workspaceValues(path, document.getText()) }
      : undefined;
  }
  if (!isDvcYamlName(path)) return undefined;
  const ref = documentDvcYamlParamLines(document).get(line);
  if (!ref) return undefined;
  const paramsUri = vscode.Uri.joinPath(document.uri, '..', ref.file);
  const text = await paramsText(paramsUri);
  return {
    paramsUri,
    key: ref.key ?? '',
    workspace: text === undefined ? undefined : workspaceValues(paramsUri.fsPath, text),
  };
}

async function paramsText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

function workspaceValues(file: string, text: string): FlatParams | undefined {
  const { values } = parseParamsFile(file, text);
  return values ? flattenParamMap(values) : undefined;
}

/** The lines of the document that name a param (candidates for "annotate every changed line"). */
export function paramLines(document: vscode.TextDocument): number[] {
  const path = document.uri.fsPath;
  if (isParamsFileName(path)) return [...documentKeyLines(document).keys()];
  if (isDvcYamlName(path)) return [...documentDvcYamlParamLines(document).keys()];
  return [];
}
