/**
 * Finds the Python environments discovery tries after the settings' candidates: the Python extension's
 * selected interpreter, `python.defaultInterpreterPath`, the workspace's poetry and pipenv environments,
 * conda environments and pyenv versions (toolEnvironmentProbes.ts). Every probe is asynchronous, has a
 * timeout and fails quietly; what each one saw goes to the log, so "Show log" says every place looked.
 */
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import * as vscode from 'vscode';
import type { PythonEnvironment } from '../core/setup/pythonEnvironments';
import { pythonEnvironmentsApi } from './pythonExtensionApi';
import { probeToolEnvironments, type ToolProbeContext } from './toolEnvironmentProbes';

export interface ProbeContext extends ToolProbeContext {
  readonly folderUris: readonly vscode.Uri[];
}

export async function probePythonEnvironments(context: ProbeContext): Promise<PythonEnvironment[]> {
  const found = await Promise.all([
    pythonExtension(context),
    Promise.resolve(defaultInterpreterPath(context)),
    probeToolEnvironments(context),
  ]);
  return found.flat();
}

async function pythonExtension(context: ProbeContext): Promise<PythonEnvironment[]> {
  const api = await pythonEnvironmentsApi();
  if (!api) {
    context.note('the Python extension is not installed (or gave no environments API)');
    return [];
  }
  const paths = new Set<string>();
  for (const folder of context.folderUris.length > 0 ? context.folderUris : [undefined]) {
    try {
      const path = api.getActiveEnvironmentPath(folder).path;
      if (typeof path === 'string' && path.length > 0) paths.add(path);
    } catch {
      // The extension could not say for this folder: the other probes still look.
    }
  }
  if (paths.size === 0) context.note('the Python extension has no interpreter selected');
  return [...paths].map((path) => ({ origin: 'pythonExtension', path, isInterpreter: true }));
}

function defaultInterpreterPath(context: ProbeContext): PythonEnvironment[] {
  const value = vscode.workspace.getConfiguration('python').get<string>('defaultInterpreterPath', '').trim();
  const first = context.folders[0];
  const path = first ? value.replace(/\$\{workspaceFolder\}/g, first) : value;
  // Its default is the bare name `python`: a name on PATH, which the PATH candidate covers.
  if (!/[\\/]/.test(path)) {
    context.note('python.defaultInterpreterPath names no interpreter file');
    return [];
  }
  const absolute = path.startsWith('~')
    ? join(homedir(), path.slice(1))
    : isAbsolute(path) || !first
      ? path
      : join(first, path);
  return [{ origin: 'defaultInterpreterPath', path: absolute, isInterpreter: true }];
}
