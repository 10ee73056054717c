/**
 * One parsed dvc.yaml with what every reader needs: its text, AST, line index and where it lives. The last
 * parse is remembered because callers ask `pipelineParamsFiles` and then `parsePipeline` with the same text.
 */
import { parseDocument, type Document } from 'yaml';
import { folderOf, joinPath } from './pipelinePaths';
import { LineIndex } from './yamlPosition';

export interface PipelineDocument {
  /** The dvc.yaml, relative to the repository root. */
  readonly file: string;
  /** Its folder, relative to the repository root ('' for the root). */
  readonly folder: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineIndex;
}

let lastParsed:
  { readonly text: string; readonly doc: Document.Parsed; readonly lines: LineIndex } | undefined;

/**
 * Parses dvc.yaml text with YAML merge keys on (ruamel.yaml, DVC's loader, honours them). Repeated keys
 * are found by `findDuplicateKeys` instead of the parser's own quadratic check.
 */
export function parseDvcYamlText(text: string): { readonly doc: Document.Parsed; readonly lines: LineIndex } {
  if (lastParsed?.text !== text) {
    lastParsed = {
      text,
      doc: parseDocument(text, { merge: true, prettyErrors: false, uniqueKeys: false }),
      lines: new LineIndex(text),
    };
  }
  return lastParsed;
}

export function pipelineDocument(file: string, text: string): PipelineDocument {
  const { doc, lines } = parseDvcYamlText(text);
  const normalized = joinPath(file);
  return { file: normalized, folder: folderOf(normalized), text, doc, lines };
}
