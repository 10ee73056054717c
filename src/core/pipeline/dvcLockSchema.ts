/**
 * Checks a dvc.lock against the schema DVC 3 reads (dvc/schema.py, LOCKFILE_SCHEMA): `schema: '2.0'`, an
 * optional `datasets`, and `stages` mapping each stage name to `cmd` (required), `deps`/`outs` (lists of
 * entries with a `path`) and `params`. DVC refuses any other lock file ("'dvc.lock' validation failed"), so
 * an old-schema (DVC 1) or hand-edited lock is reported where it is instead of passing silently.
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { unacceptableCharacterMessage, unacceptableYamlCharacter } from '../fileText/yamlCharacters';
import { parseYamlWithinLimits } from '../parseLimits/yamlLimits';
import type { PipelineProblem } from './model';
import { describeNode, mapEntries, seqItems } from './yamlNodes';
import { LineIndex } from './yamlPosition';

const topLevelKeys = new Set(['schema', 'datasets', 'stages']);
const stageKeys = new Set(['cmd', 'deps', 'params', 'outs']);

/** `lockFile` is the lock file relative to the repository root; an empty file is no problem (DVC: no stages). */
export function checkDvcLock(text: string, lockFile: string): PipelineProblem[] {
  const lines = new LineIndex(text);
  const problems: PipelineProblem[] = [];
  const report = (reason: string, offset: number): void => {
    problems.push({
      severity: 'error',
      message: `'${lockFile}' validation failed (DVC refuses it): ${reason}`,
      file: lockFile,
      range: lines.lineRange(offset),
    });
  };
  const character = unacceptableYamlCharacter(text);
  if (character) {
    problems.push({
      severity: 'error',
      message: unacceptableCharacterMessage(lockFile, character.code),
      file: lockFile,
      range: lines.lineRange(character.offset),
    });
    return problems;
  }
  const { doc, breach } = parseYamlWithinLimits(lockFile, text, { prettyErrors: false, uniqueKeys: false });
  if (breach) {
    report(breach.message, breach.offset);
    return problems;
  }
  const syntax = doc.errors[0];
  if (syntax) {
    report(`not valid YAML: ${syntax.message.split('\n', 1)[0] ?? ''}`, syntax.pos[0]);
    return problems;
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return problems;
  if (!isMap(root)) {
    report(`expected a mapping, not ${describeNode(root)}`, offsetOf(root));
    return problems;
  }
  const entries = mapEntries(root, doc);
  const schema = entries.find((entry) => entry.key === 'schema');
  if (!schema)
    report('required key not provided, in schema (a lock file from DVC 1? `dvc repro` rewrites it)', 0);
  else if (!(isScalar(schema.valueNode) && schema.valueNode.value === '2.0'))
    report(
      "invalid schema version, in schema (DVC 3 reads '2.0')",
      offsetOf(schema.valueNode ?? schema.keyNode),
    );
  for (const entry of entries) {
    if (typeof entry.key !== 'string' || !topLevelKeys.has(entry.key))
      report(`extra keys not allowed, in ${String(entry.key)}`, offsetOf(entry.keyNode));
  }
  const stages = entries.find((entry) => entry.key === 'stages');
  if (stages && stages.valueNode !== null) checkStages(stages.valueNode, doc, report);
  return problems;
}

type Report = (reason: string, offset: number) => void;

function checkStages(node: Node, doc: Document, report: Report): void {
  if (!isMap(node)) {
    report(`expected a dictionary, in stages (found ${describeNode(node)})`, offsetOf(node));
    return;
  }
  for (const stage of mapEntries(node, doc)) {
    const where = `stages -> ${String(stage.key)}`;
    const body = stage.valueNode;
    if (!isMap(body)) {
      report(`expected a dictionary, in ${where}`, offsetOf(body ?? stage.keyNode));
      continue;
    }
    const fields = mapEntries(body, doc);
    if (!fields.some((field) => field.key === 'cmd'))
      report(`required key not provided, in ${where} -> cmd`, offsetOf(stage.keyNode));
    for (const field of fields) {
      const at = `${where} -> ${String(field.key)}`;
      if (typeof field.key !== 'string' || !stageKeys.has(field.key))
        report(`extra keys not allowed, in ${at}`, offsetOf(field.keyNode));
      else if (field.key === 'cmd' && !isCommand(field.valueNode))
        report(`expected a string or a list, in ${at}`, offsetOf(field.valueNode ?? field.keyNode));
      else if (field.key === 'deps' || field.key === 'outs') checkEntries(field.valueNode, doc, at, report);
      else if (field.key === 'params' && !isMap(field.valueNode))
        report(`expected a dictionary, in ${at}`, offsetOf(field.valueNode ?? field.keyNode));
    }
  }
}

function isCommand(node: Node | null): boolean {
  return isSeq(node) || (isScalar(node) && typeof node.value === 'string');
}

function checkEntries(node: Node | null, doc: Document, where: string, report: Report): void {
  if (!isSeq(node)) {
    report(`expected a list, in ${where}`, offsetOf(node));
    return;
  }
  seqItems(node.items, doc).forEach((item, index) => {
    if (!isMap(item)) {
      report(`expected a dictionary, in ${where} -> ${index}`, offsetOf(item ?? node));
      return;
    }
    const path = mapEntries(item, doc).find((entry) => entry.key === 'path');
    if (!path) report(`required key not provided, in ${where} -> ${index} -> path`, offsetOf(item));
    else if (!(isScalar(path.valueNode) && typeof path.valueNode.value === 'string'))
      report(`expected str, in ${where} -> ${index} -> path`, offsetOf(path.valueNode ?? path.keyNode));
  });
}

function offsetOf(node: Node | null | undefined): number {
  return node?.range?.[0] ?? 0;
}
