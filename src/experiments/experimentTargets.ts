import * as vscode from 'vscode';
import { allExperiments, allRows, type ExperimentRow } from '../core/experiments/experimentModel';
import type { ParamOverride } from '../core/experiments/experimentOverrides';
import type { RepositoryExperiments } from './experimentsStore';
import type { ExperimentsViewNode } from './experimentsTreeProvider';

/**
 * What the experiment commands accept as their argument, besides a node of the Experiments view. Every field
 * is optional; a missing one is asked for (tests pass them all and `confirmed: true` to skip the modals).
 */
export interface ExperimentCommandArgument {
  /** The repository: its root as a Uri, URI string or file system path. */
  readonly root?: vscode.Uri | string;
  /** Run/Queue/Save: the new experiment's name. Other commands: the experiment acted on. */
  readonly name?: string;
  /** Run/Queue: `key` (params.yaml) or `file:key` -> value as DVC reads it. Queue: `a, b` makes a grid. */
  readonly params?: Readonly<Record<string, string>>;
  readonly newName?: string;
  readonly branch?: string;
  /** Push/Pull: the git remote. */
  readonly remote?: string;
  /** Start Workers: `-j`. */
  readonly jobs?: number;
  /** Skip the modal confirmation (the extension-host suite). */
  readonly confirmed?: boolean;
  /** Run/Queue: where, without asking: `thisMachine`, `queue`, or a compute target's name. */
  readonly where?: string;
  /** Run/Queue on a compute target: push a missing baseline or data without asking (tests only). */
  readonly push?: boolean;
}

/** The argument as an ExperimentCommandArgument (a tree node becomes root + name). */
export function commandArgument(argument: unknown): ExperimentCommandArgument & { row?: ExperimentRow } {
  if (!isRecord(argument)) return {};
  if (argument.kind === 'row' && isRecord(argument.row) && typeof argument.root === 'string') {
    const node = argument as Extract<ExperimentsViewNode, { kind: 'row' }>;
    return { root: node.root, name: node.row.name ?? node.row.rev, row: node.row };
  }
  if ((argument.kind === 'showMore' || argument.kind === 'repository') && typeof argument.root === 'string')
    return { root: argument.root };
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const params = isRecord(argument.params)
    ? Object.fromEntries(Object.entries(argument.params).map(([key, value]) => [key, String(value)]))
    : undefined;
  return {
    root: argument.root instanceof vscode.Uri ? argument.root : text(argument.root),
    name: text(argument.name),
    params,
    newName: text(argument.newName),
    branch: text(argument.branch),
    remote: text(argument.remote),
    jobs: typeof argument.jobs === 'number' ? argument.jobs : undefined,
    confirmed: argument.confirmed === true,
    where: text(argument.where),
    push: argument.push === true,
  };
}

/** An experiment of the repository: the named one, or a pick among those matching `filter`. */
export async function resolveExperiment(
  state: RepositoryExperiments,
  name: string | undefined,
  title: string,
  filter: (row: ExperimentRow) => boolean = () => true,
): Promise<ExperimentRow | undefined> {
  const rows = state.model ? allExperiments(state.model) : [];
  if (name !== undefined) {
    const found = rows.find((row) => row.name === name || row.rev === name || row.executor?.taskId === name);
    // A name the view has not seen yet (just created): DVC knows it; act on the name.
    return found ?? syntheticRow(name);
  }
  const candidates = rows.filter(filter);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(`DVC Lens: no experiment to pick for "${title}".`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((row) => ({
      label: row.label,
      description: `${row.state ?? ''} ${row.rev.slice(0, 7)}`.trim(),
      row,
    })),
    { title },
  );
  return picked?.row;
}

/**
 * The experiment or commit a Modify and Run/Queue starts from: the tree node's row, the one named (experiment
 * name, sha, task id, or a commit's branch), or a pick among commits and finished experiments.
 */
export async function resolveStartingRow(
  state: RepositoryExperiments,
  argument: ExperimentCommandArgument & { row?: ExperimentRow },
  title: string,
): Promise<ExperimentRow | undefined> {
  const rows = state.model ? allRows(state.model) : [];
  const given = argument.row?.id ?? argument.name;
  if (given !== undefined) {
    const found = rows.find(
      (row) => row.id === given || row.rev === given || row.name === given || row.executor?.taskId === given,
    );
    if (!found)
      void vscode.window.showWarningMessage(
        `DVC Lens: '${given}' is not among the experiments and commits DVC lists; refresh the Experiments view and try again.`,
      );
    return found;
  }
  const candidates = rows.filter(
    (row) => row.kind === 'commit' || (row.kind === 'experiment' && row.state === 'success'),
  );
  const picked = await vscode.window.showQuickPick(
    candidates.map((row) => ({
      label: row.label,
      description: `${row.kind} ${row.rev.slice(0, 7)}`,
      row,
    })),
    { title },
  );
  return picked?.row;
}

/** `{ 'train.lr': '0.1', 'p.json:a': '1' }` -> overrides. */
export function overridesFromRecord(params: Readonly<Record<string, string>>): ParamOverride[] {
  return Object.entries(params).map(([name, value]) => {
    const separator = name.lastIndexOf(':');
    return separator > 0
      ? { file: name.slice(0, separator), key: name.slice(separator + 1), value: String(value) }
      : { file: 'params.yaml', key: name, value: String(value) };
  });
}

function syntheticRow(name: string): ExperimentRow {
  return {
    kind: 'experiment',
    id: name,
    rev: name,
    name,
    label: name,
    state: undefined,
    timestamp: undefined,
    params: {},
    metrics: {},
    deps: {},
    fileErrors: {},
    error: undefined,
    executor: undefined,
    baseline: undefined,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
