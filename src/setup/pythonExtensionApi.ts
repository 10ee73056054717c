/**
 * The part of the Python extension's public API (`ms-python.python`; its published types are the npm package
 * `@vscode/python-extension`) that discovery uses: the interpreter selected for a folder, and the event that
 * says it changed. Written from that published contract and checked at run time: the extension's exports are
 * another extension's value, so nothing is trusted before it has the shape.
 */
import * as vscode from 'vscode';

export const PYTHON_EXTENSION_ID = 'ms-python.python';

/** `EnvironmentPath` of the published API: `path` is the interpreter (or the environment folder). */
export interface PythonEnvironmentPath {
  readonly id: string;
  readonly path: string;
}

export interface PythonEnvironmentsApi {
  getActiveEnvironmentPath(resource?: vscode.Uri): PythonEnvironmentPath;
  readonly onDidChangeActiveEnvironmentPath: vscode.Event<PythonEnvironmentPath>;
}

/** How long we wait for the Python extension to activate before looking elsewhere. */
const ACTIVATION_TIMEOUT_MS = 10_000;

/** The Python extension's environments API, or undefined (not installed, not activating, another shape). */
export async function pythonEnvironmentsApi(): Promise<PythonEnvironmentsApi | undefined> {
  const extension = vscode.extensions.getExtension<unknown>(PYTHON_EXTENSION_ID);
  if (!extension) return undefined;
  let exports: unknown;
  try {
    exports = extension.isActive
      ? extension.exports
      : await Promise.race([
          extension.activate(),
          new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ACTIVATION_TIMEOUT_MS)),
        ]);
  } catch {
    return undefined;
  }
  return asEnvironmentsApi(exports);
}

export function asEnvironmentsApi(exports: unknown): PythonEnvironmentsApi | undefined {
  if (typeof exports !== 'object' || exports === null) return undefined;
  const environments = (exports as { environments?: unknown }).environments;
  if (typeof environments !== 'object' || environments === null) return undefined;
  const candidate = environments as Partial<Record<keyof PythonEnvironmentsApi, unknown>>;
  return typeof candidate.getActiveEnvironmentPath === 'function' &&
    typeof candidate.onDidChangeActiveEnvironmentPath === 'function'
    ? (environments as PythonEnvironmentsApi)
    : undefined;
}
