/** Data view nodes as VS Code tree items: icons tinted by status, clicks that open files or the log. */
import * as vscode from 'vscode';
import type { DataTreeRow } from '../../core/data/dataTreeModel';
import type { DataViewNode } from './dataTreeNodes';
import { logCommandIds } from '../../log/logCommandIds';

/**
 * The Data view's resource URIs: `dvclens-data:/<path in the repository>?<repository root URI>`. With the
 * file's own URI git's decorations would grey out nearly every node (DVC-tracked data is git-ignored by
 * design, and git matches decorations by file-system path, whatever the scheme); under this path only our
 * decorations apply (badge and status colour), and the file icon theme still picks icons by the file name.
 */
export const dataViewScheme = 'dvclens-data';

export function dataViewResource(root: vscode.Uri, path: string): vscode.Uri {
  return vscode.Uri.from({ scheme: dataViewScheme, path: `/${path}`, query: root.toString() });
}

/** The workspace file behind a Data view resource (other URIs unchanged). */
export function fileOfDataViewResource(uri: vscode.Uri): vscode.Uri {
  if (uri.scheme !== dataViewScheme) return uri;
  return vscode.Uri.joinPath(vscode.Uri.parse(uri.query), uri.path);
}

export function dataTreeItem(node: DataViewNode): vscode.TreeItem {
  switch (node.kind) {
    case 'repository': {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.description = node.description;
      item.iconPath = new vscode.ThemeIcon('repo');
      item.contextValue = 'dataRepository';
      return item;
    }
    case 'note': {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.tooltip = node.tooltip;
      item.iconPath = new vscode.ThemeIcon('info');
      item.contextValue = 'dataNote';
      if (node.command) item.command = { command: node.command, title: node.label };
      return item;
    }
    case 'tracked':
    case 'entry': {
      const uri = vscode.Uri.joinPath(node.root, node.path);
      const item = rowItem(
        node.row,
        node.isDirectory ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
      );
      item.resourceUri = dataViewResource(node.root, node.path);
      const onDisk = node.kind === 'tracked' || node.row.onDisk;
      if (!node.isDirectory && onDisk)
        item.command = { command: 'vscode.open', title: 'Open', arguments: [uri] };
      return item;
    }
    case 'problem': {
      const item = rowItem(node.row, vscode.TreeItemCollapsibleState.None);
      const line = Math.max(0, node.row.line - 1);
      item.command = {
        command: 'vscode.open',
        title: 'Open',
        arguments: [
          vscode.Uri.joinPath(node.root, node.row.file),
          { selection: new vscode.Range(line, 0, line, 0) } satisfies vscode.TextDocumentShowOptions,
        ],
      };
      return item;
    }
    case 'statusError': {
      const item = rowItem(node.row, vscode.TreeItemCollapsibleState.None);
      item.command = { command: logCommandIds.showLog, title: 'Show Log' };
      return item;
    }
    case 'more':
      return rowItem(node.row, vscode.TreeItemCollapsibleState.None);
  }
}

function rowItem(row: DataTreeRow, collapsible: vscode.TreeItemCollapsibleState): vscode.TreeItem {
  const item = new vscode.TreeItem(row.label, collapsible);
  item.id = row.id;
  item.description = row.description;
  item.tooltip = row.tooltip;
  item.contextValue = row.contextValue;
  item.iconPath = new vscode.ThemeIcon(
    row.codicon,
    row.colorId === undefined ? undefined : new vscode.ThemeColor(row.colorId),
  );
  return item;
}
