/**
 * The annotations read a document on every cursor move; its parse only changes with its text. These keep
 * each parse per document until its version changes, so moving the cursor parses nothing again.
 */
import type * as vscode from 'vscode';
import { dvcYamlParamLines, type DvcYamlParamRef } from '../core/history/dvcYamlParamLines';
import { paramKeyLines } from '../core/history/paramKeyLines';

function perVersion<T>(parse: (document: vscode.TextDocument) => T): (document: vscode.TextDocument) => T {
  const cache = new WeakMap<vscode.TextDocument, { version: number; value: T }>();
  return (document) => {
    const cached = cache.get(document);
    if (cached?.version === document.version) return cached.value;
    const value = parse(document);
    cache.set(document, { version: document.version, value });
    return value;
  };
}

/** Line -> dotted key of a params or metrics file (YAML, JSON, TOML). */
export const documentKeyLines = perVersion((document): ReadonlyMap<number, string> =>
  paramKeyLines(document.getText(), document.uri.fsPath),
);

/** Line -> the param a `dvc.yaml` params list names there. */
export const documentDvcYamlParamLines = perVersion((document): ReadonlyMap<number, DvcYamlParamRef> =>
  dvcYamlParamLines(document.getText()),
);
