/**
 * The end-of-line annotation and the hover of one param: its value at HEAD, the workspace's change, and the
 * commit that last changed it (param blame) with how the headline metric moved in that commit. Kept short for
 * the line; the hover carries the full SHA.
 */
import { movementHoverLine, movementText, type BlameMovement } from './blameMovement';
import type { ParamBlame } from './paramBlame';

/** The blamed commit as git describes it. */
export interface BlameCommit {
  readonly sha: string;
  readonly subject: string;
  readonly author: string;
  /** ISO 8601. */
  readonly date: string;
}

export interface ParamAnnotationInput {
  readonly key: string;
  /** Undefined: not in the file at HEAD. */
  readonly headValue: string | undefined;
  /** Undefined: not in the editor's text (or the text does not parse). */
  readonly workspaceValue: string | undefined;
  readonly blame: ParamBlame | undefined;
  readonly commit: BlameCommit | undefined;
  /** How the headline metric moved in the blamed commit (undefined: not asked, e.g. no blamed commit). */
  readonly movement?: BlameMovement;
}

export function paramAnnotationText(input: ParamAnnotationInput): string {
  if (input.headValue === undefined) return 'new: not committed yet';
  const parts: string[] = [];
  if (input.workspaceValue !== undefined && input.workspaceValue !== input.headValue)
    parts.push(`HEAD ${input.headValue} → ${input.workspaceValue} (uncommitted)`);
  else parts.push(`HEAD ${input.headValue}`);
  parts.push(blameText(input));
  if (input.blame?.kind === 'commit' && input.movement) parts.push(movementText(input.movement));
  return parts.join(' · ');
}

function blameText(input: ParamAnnotationInput): string {
  const blame = input.blame;
  if (!blame || blame.kind === 'uncommitted') return 'not committed yet';
  if (blame.kind === 'beyond') return 'unchanged in the commits searched';
  const commit = input.commit;
  const who = commit ? ` ${commit.author}, ${commit.date.slice(0, 10)}` : '';
  // The blamed commit is the one that made the value: it added the key, or changed it from `previous`.
  const change = blame.previous === undefined ? 'added in' : `was ${blame.previous} before`;
  return `${change} ${blame.sha.slice(0, 7)}${who}${commit ? ` "${commit.subject}"` : ''}`;
}

/** Hover lines (plain text; the host escapes them into markdown). */
export function paramHoverLines(input: ParamAnnotationInput): string[] {
  const lines = [`${input.key}: ${input.headValue ?? '(not at HEAD)'} at HEAD`];
  if (input.workspaceValue !== undefined && input.workspaceValue !== input.headValue)
    lines.push(`Workspace: ${input.workspaceValue} (uncommitted)`);
  const blame = input.blame;
  if (blame?.kind === 'commit') {
    lines.push(
      `Last changed in ${blame.sha}${blame.previous === undefined ? ' (added)' : ` (from ${blame.previous})`}`,
    );
    if (input.commit) lines.push(`${input.commit.subject} — ${input.commit.author}, ${input.commit.date}`);
    if (input.movement) lines.push(movementHoverLine(input.movement));
  } else if (blame?.kind === 'beyond') lines.push('Not changed in the commits searched.');
  return lines;
}

/**
 * A section or a whole file named in `dvc.yaml` (`- train`, `- params.yaml:`): how many of its params differ
 * from HEAD, naming the first few; `prefix` empty means every key of the file.
 */
export function paramGroupText(
  prefix: string,
  head: Readonly<Record<string, string>> | undefined,
  workspace: Readonly<Record<string, string>> | undefined,
): string {
  const keys = groupKeys(prefix, head, workspace);
  if (keys.length === 0) return head === undefined ? 'not at HEAD' : 'no such params at HEAD';
  const changed = keys.filter((key) => head?.[key] !== workspace?.[key]);
  const count = `${keys.length} param${keys.length === 1 ? '' : 's'}`;
  if (changed.length === 0) return `${count}, as at HEAD`;
  const named = changed
    .slice(0, 3)
    .map(
      (key) =>
        `${key.slice(prefix ? prefix.length + 1 : 0) || key} ${head?.[key] ?? '∅'} → ${workspace?.[key] ?? '∅'}`,
    );
  const more = changed.length > 3 ? `, +${changed.length - 3} more` : '';
  return `${count}, ${changed.length} changed since HEAD: ${named.join(', ')}${more}`;
}

/** Whether any param of the section or file differs between HEAD and the workspace. */
export function paramGroupChanged(
  prefix: string,
  head: Readonly<Record<string, string>> | undefined,
  workspace: Readonly<Record<string, string>> | undefined,
): boolean {
  return groupKeys(prefix, head, workspace).some((key) => head?.[key] !== workspace?.[key]);
}

function groupKeys(
  prefix: string,
  head: Readonly<Record<string, string>> | undefined,
  workspace: Readonly<Record<string, string>> | undefined,
): string[] {
  const inGroup = (key: string): boolean => !prefix || key === prefix || key.startsWith(`${prefix}.`);
  return [...new Set([...Object.keys(head ?? {}), ...Object.keys(workspace ?? {})])].filter(inGroup);
}
