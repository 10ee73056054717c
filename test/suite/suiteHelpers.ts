import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DvcLensTestApi } from '../../src/extension';
import type { PipelineViewNode } from '../../src/pipeline/pipelineTreeProvider';

export const extensionId = 'dvc-lens.dvc-lens';

/** Polls until `check` returns a value (not undefined/false), or fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) assert.fail(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function extensionApi(): Promise<DvcLensTestApi> {
  const extension = vscode.extensions.getExtension<DvcLensTestApi>(extensionId);
  assert.ok(extension, `extension ${extensionId} is installed`);
  return extension.isActive ? extension.exports : extension.activate();
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with a workspace folder open');
  return folder.uri;
}

/** The label a person reads on a node of the Pipeline view. */
export function nodeLabel(node: PipelineViewNode): string {
  switch (node.kind) {
    case 'repository':
      return node.repository.workspaceFolder.name;
    case 'statusError':
      return 'dvc status failed';
    case 'model':
      return node.node.label;
  }
}

/** Labels of the top-level nodes of the view. */
export function treeLabels(nodes: readonly PipelineViewNode[]): string[] {
  return nodes.map(nodeLabel);
}

export function findNode(nodes: readonly PipelineViewNode[], label: string): PipelineViewNode | undefined {
  for (const node of nodes) {
    if (nodeLabel(node) === label) return node;
    const inside = findNode(node.children, label);
    if (inside) return inside;
  }
  return undefined;
}

/** Process calls leave one line each in the log, ending in "→ exit N in M ms" (or cancelled, timeout...). */
export function processLines(api: DvcLensTestApi): string[] {
  return api.outputLines().filter((line) => line.includes(' → '));
}

/**
 * The Output lines written since `before` was read. The test API keeps a sliding window of the last lines,
 * so the new ones are found after the overlap with the old window, not by index.
 */
export function outputLinesSince(api: DvcLensTestApi, before: readonly string[]): string[] {
  const after = api.outputLines();
  for (let shift = 0; shift <= before.length; shift++) {
    const overlap = before.slice(shift);
    if (overlap.every((line, index) => after[index] === line)) return after.slice(overlap.length);
  }
  return [...after];
}
