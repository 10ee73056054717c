/**
 * The nodes of the Data view. Nodes standing for a tracked path (a tracked out, or an entry inside a tracked
 * folder) carry `root` and `path` (repository-relative, `/`-separated): the push/pull/fetch commands and the
 * data commands take such a node as their argument.
 */
import type * as vscode from 'vscode';
import type { DataTreeRow } from '../../core/data/dataTreeModel';

type RowOf<K extends DataTreeRow['kind']> = Extract<DataTreeRow, { kind: K }>;

export type DataViewNode =
  | {
      readonly kind: 'repository';
      readonly id: string;
      readonly root: vscode.Uri;
      readonly label: string;
      readonly description: string;
    }
  | {
      /** A line about the whole view: Restricted Mode, DVC missing. */
      readonly kind: 'note';
      readonly id: string;
      readonly label: string;
      readonly tooltip: string;
      readonly command: string | undefined;
    }
  | {
      readonly kind: 'tracked';
      readonly id: string;
      readonly root: vscode.Uri;
      readonly path: string;
      readonly isDirectory: boolean;
      readonly row: RowOf<'tracked'>;
    }
  | {
      readonly kind: 'entry';
      readonly id: string;
      readonly root: vscode.Uri;
      readonly path: string;
      readonly isDirectory: boolean;
      readonly row: RowOf<'entry'>;
    }
  | {
      readonly kind: 'problem';
      readonly id: string;
      readonly root: vscode.Uri;
      readonly row: RowOf<'problem'>;
    }
  | {
      readonly kind: 'statusError';
      readonly id: string;
      readonly root: vscode.Uri;
      readonly row: RowOf<'statusError'>;
    }
  | { readonly kind: 'more'; readonly id: string; readonly row: RowOf<'more'> };

/** Wraps a core row into a view node of repository `root`. */
export function nodeOfRow(root: vscode.Uri, row: DataTreeRow): DataViewNode {
  switch (row.kind) {
    case 'tracked':
    case 'entry':
      return row.kind === 'tracked'
        ? { kind: 'tracked', id: row.id, root, path: row.path, isDirectory: row.isDirectory, row }
        : { kind: 'entry', id: row.id, root, path: row.path, isDirectory: row.isDirectory, row };
    case 'problem':
      return { kind: 'problem', id: row.id, root, row };
    case 'statusError':
      return { kind: 'statusError', id: row.id, root, row };
    case 'more':
      return { kind: 'more', id: row.id, row };
  }
}

/** The label a person reads on a node (also for tests). */
export function dataNodeLabel(node: DataViewNode): string {
  return node.kind === 'repository' || node.kind === 'note' ? node.label : node.row.label;
}
