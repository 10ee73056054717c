/**
 * One parsed dvc.yaml with what every reader needs: its text, AST, line index and where it lives. The last
 * parse is remembered because callers ask `pipelineParamsFiles` and then `parsePipeline` with the same file
 * and text.
 */
import type { Document } from 'yaml';
import { unacceptableCharacterMessage, unacceptableYamlCharacter } from '../fileText/yamlCharacters';
import { parseYamlWithinLimits, type LimitBreach } from '../parseLimits/yamlLimits';
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
  /** Why the file is not read at all (a budget exceeded, a character DVC refuses); `doc` is then empty. */
  readonly refusal?: LimitBreach;
}

interface ParsedText {
  readonly file: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineIndex;
  readonly refusal?: LimitBreach;
}

let lastParsed: ParsedText | undefined;

/**
 * Parses dvc.yaml text with YAML merge keys on (ruamel.yaml, DVC's loader, honours them), within the parse
 * budgets. Repeated keys are found by `findDuplicateKeys` instead of the parser's own quadratic check.
 */
export function parseDvcYamlText(text: string, file = 'dvc.yaml'): ParsedText {
  if (lastParsed?.text !== text || lastParsed.file !== file) {
    const character = unacceptableYamlCharacter(text);
    const bounded = character
      ? undefined
      : parseYamlWithinLimits(file, text, { merge: true, prettyErrors: false, uniqueKeys: false });
    const refusal = character
      ? { message: unacceptableCharacterMessage(file, character.code), offset: character.offset }
      : bounded?.breach;
    lastParsed = {
      file,
      text,
      doc: bounded && !refusal ? bounded.doc : parseYamlWithinLimits(file, '', {}).doc,
      lines: new LineIndex(text),
      ...(refusal ? { refusal } : {}),
    };
  }
  return lastParsed;
}

export function pipelineDocument(file: string, text: string): PipelineDocument {
  const normalized = joinPath(file);
  const { doc, lines, refusal } = parseDvcYamlText(text, normalized);
  return {
    file: normalized,
    folder: folderOf(normalized),
    text,
    doc,
    lines,
    ...(refusal ? { refusal } : {}),
  };
}
