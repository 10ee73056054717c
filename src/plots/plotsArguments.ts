/** The argument objects the plots commands accept, read from `unknown` (commands can be invoked by anyone). */
import * as vscode from 'vscode';
import type { ExportFormat } from '../core/protocols/plotsProtocol';

export interface ShowPlotsArgument {
  readonly root?: string;
  /** Revisions as DVC names them (`lr-small`, `main`, a sha). */
  readonly revisions?: readonly string[];
  /** Experiments-table row ids (`workspace`, a commit or experiment sha), turned into revisions. */
  readonly rowIds?: readonly string[];
}

export interface ExportPlotArgument {
  readonly root?: string;
  readonly id: string;
  readonly format: ExportFormat;
  /** Write here instead of asking with a save dialog. */
  readonly path?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

/** `root` as a URI string: a Uri, a URI string, or an absolute path. */
export function rootArgument(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  const root = value.root ?? (isRecord(value.repository) ? value.repository.root : undefined);
  if (root instanceof vscode.Uri) return root.toString();
  if (typeof root !== 'string') return undefined;
  return root.startsWith('/') ? vscode.Uri.file(root).toString() : root;
}

export function showPlotsArgument(value: unknown): ShowPlotsArgument {
  if (!isRecord(value)) return {};
  const root = rootArgument(value);
  const revisions = strings(value.revisions);
  const rowIds = strings(value.rowIds);
  return { ...(root ? { root } : {}), ...(revisions ? { revisions } : {}), ...(rowIds ? { rowIds } : {}) };
}

export function exportPlotArgument(value: unknown): ExportPlotArgument | undefined {
  if (!isRecord(value) || typeof value.id !== 'string') return undefined;
  const format = value.format;
  if (format !== 'svg' && format !== 'png' && format !== 'csv' && format !== 'json') return undefined;
  const root = rootArgument(value);
  return {
    id: value.id,
    format,
    ...(root ? { root } : {}),
    ...(typeof value.path === 'string' ? { path: value.path } : {}),
  };
}
