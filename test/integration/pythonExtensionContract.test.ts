/**
 * Our hand-written view of the Python extension's API (src/setup/pythonExtensionApi.ts) against the contract
 * it publishes: the real `@vscode/python-extension` types (fetched with `npm pack` by
 * scripts/ensure-python-extension-types.sh, cached by version, never installed) and the TypeScript compiler,
 * which must accept the published `environments` where our interface is expected. A change of the published
 * API that would break discovery fails here, without a fake of the extension.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import * as ts from 'typescript';

const run = promisify(execFile);
const repoRoot = join(__dirname, '..', '..');

async function typecheck(source: string): Promise<string[]> {
  const folder = await mkdtemp(join(tmpdir(), 'dvc-lens-contract-'));
  try {
    const file = join(folder, 'contract.ts');
    await writeFile(file, source);
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      types: [],
      typeRoots: [join(repoRoot, 'node_modules', '@types')],
      baseUrl: repoRoot,
      paths: { vscode: [join(repoRoot, 'node_modules', '@types', 'vscode')] },
    });
    return ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

void test('the published Python extension API fits the interface discovery uses', async () => {
  const { stdout } = await run('bash', [join(repoRoot, 'scripts', 'ensure-python-extension-types.sh')]);
  const published = stdout.trim().replace(/\.d\.ts$/, '');
  const ours = join(repoRoot, 'src', 'setup', 'pythonExtensionApi');
  const accepted = await typecheck(
    [
      `import type { PythonExtension } from ${JSON.stringify(published)};`,
      `import type { PythonEnvironmentsApi } from ${JSON.stringify(ours)};`,
      'export const fits = (api: PythonExtension): PythonEnvironmentsApi => api.environments;',
    ].join('\n'),
  );
  assert.deepEqual(accepted, []);
  // The check has teeth: a member the published API lacks is refused.
  const refused = await typecheck(
    [
      `import type { PythonExtension } from ${JSON.stringify(published)};`,
      `import type { PythonEnvironmentsApi } from ${JSON.stringify(ours)};`,
      'type Wrong = PythonEnvironmentsApi & { getActiveInterpreter(): string };',
      'export const fits = (api: PythonExtension): Wrong => api.environments;',
    ].join('\n'),
  );
  assert.ok(
    refused.some((message) => /getActiveInterpreter/.test(message)),
    refused.join('\n'),
  );
});
