/**
 * The `artifacts:` section of a dvc.yaml: what the Models view lists for each artifact, and the text
 * insertion that Declare Artifact makes (every other byte of the file stays as written, as Add Plot does).
 */
import { isMap, isScalar, parseDocument, type Node } from 'yaml';
import { yamlScalar } from '../pipeline/addTopLevelPlot';
import { insertAfter, topLevelSection, type SectionInsertionResult } from '../pipeline/topLevelSection';
import type { DeclaredArtifact } from './registryTypes';

/** GTO's name of an artifact declared in the dvc.yaml of `folder` (relative to the git root, '' at the top). */
export function artifactFullName(folder: string, name: string): string {
  const trimmed = folder.replace(/^\.?\/*|\/+$/g, '');
  return trimmed ? `${trimmed}:${name}` : name;
}

/** The artifacts `text` (a dvc.yaml at `file`, in `folder` of the git work tree) declares. */
export function readDeclaredArtifacts(text: string, file: string, folder: string): DeclaredArtifact[] {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const section: unknown =
    doc.errors.length > 0 ? undefined : (doc.toJS() as Record<string, unknown> | null)?.artifacts;
  if (!isPlainObject(section)) return [];
  return Object.entries(section).map(([name, body]) => {
    const fields = isPlainObject(body) ? body : {};
    const labels = Array.isArray(fields.labels) ? fields.labels.map(String) : [];
    return {
      name: artifactFullName(folder, name),
      file,
      ...(typeof fields.path === 'string' ? { path: fields.path } : {}),
      ...(typeof fields.type === 'string' ? { type: fields.type } : {}),
      ...(typeof fields.desc === 'string' ? { desc: fields.desc } : {}),
      labels,
      ...(fields.meta !== undefined ? { meta: fields.meta } : {}),
    };
  });
}

/** What Declare Artifact writes: the name (without folder) and its fields. */
export interface ArtifactDeclaration {
  readonly name: string;
  readonly path: string;
  readonly type?: string;
  readonly desc?: string;
  readonly labels?: readonly string[];
}

export type DeclareArtifactResult = SectionInsertionResult;

function declarationLines(declaration: ArtifactDeclaration, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const field = `${pad}  `;
  const lines = [`${pad}${yamlScalar(declaration.name)}:`, `${field}path: ${yamlScalar(declaration.path)}`];
  if (declaration.type) lines.push(`${field}type: ${yamlScalar(declaration.type)}`);
  if (declaration.desc) lines.push(`${field}desc: ${yamlScalar(declaration.desc)}`);
  if (declaration.labels && declaration.labels.length > 0) {
    lines.push(`${field}labels:`);
    for (const label of declaration.labels) lines.push(`${field}  - ${yamlScalar(label)}`);
  }
  return lines;
}

/** Adds the artifact under `artifacts:` (made at the end of the file when absent). */
export function declareArtifact(text: string, declaration: ArtifactDeclaration): DeclareArtifactResult {
  const found = topLevelSection(text, 'artifacts', (indent) => declarationLines(declaration, indent));
  if ('result' in found) return found.result;
  const section = found.section;
  if (!isMap(section))
    return { ok: false, reason: "dvc.yaml's 'artifacts' is not a mapping; add the artifact by hand." };
  if (section.flow)
    return { ok: false, reason: "dvc.yaml's 'artifacts' is a one-line { } mapping; add it by hand." };
  if (section.items.some((item) => isScalar(item.key) && item.key.value === declaration.name))
    return { ok: false, reason: `dvc.yaml already declares an artifact named ${declaration.name}.` };
  const firstKey = section.items[0]?.key as Node | undefined;
  const keyStart = firstKey?.range?.[0] ?? section.range?.[0] ?? 0;
  const indent = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
  const end = section.range?.[1] ?? text.length;
  return { ok: true, insertion: insertAfter(text, end, declarationLines(declaration, indent)) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
