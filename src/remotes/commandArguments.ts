/**
 * Reading the argument objects remote commands receive: tree nodes of the Remotes and Data views, Explorer
 * URIs, and `{ root, … }` objects from tests and other commands. Everything arrives as `unknown`.
 */
import * as vscode from 'vscode';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** `argument[key]` when it is a string. */
export function stringField(argument: unknown, key: string): string | undefined {
  if (!isRecord(argument)) return undefined;
  const value = argument[key];
  return typeof value === 'string' ? value : undefined;
}

export function booleanField(argument: unknown, key: string): boolean | undefined {
  if (!isRecord(argument)) return undefined;
  const value = argument[key];
  return typeof value === 'boolean' ? value : undefined;
}

/** The repository root an argument names: `root` (a Uri), or the `root` of its `repository`. */
export function rootField(argument: unknown): vscode.Uri | undefined {
  if (!isRecord(argument)) return undefined;
  if (argument.root instanceof vscode.Uri) return argument.root;
  const repository = argument.repository;
  if (isRecord(repository) && repository.root instanceof vscode.Uri) return repository.root;
  return undefined;
}

/** `confirmed: true`: the caller (the extension-host suite) already agreed to a destructive step. */
export function isConfirmed(argument: unknown): boolean {
  return booleanField(argument, 'confirmed') === true;
}
