/**
 * The lint fences of eslint.config.mjs, checked through ESLint's Node API on small snippets: each fence
 * reports an import across it and lets an allowed one pass. Type-aware rules are switched off here (they need
 * files on disk and do not decide the fences), so the snippets can live at paths that do not exist.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const root = join(import.meta.dirname, '..', '..', '..');
const configFile = join(root, 'eslint.config.mjs');
const withoutTypes = { files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked } as Linter.Config;

function linter(extra: Linter.Config[] = []): ESLint {
  return new ESLint({ cwd: root, overrideConfigFile: configFile, overrideConfig: [withoutTypes, ...extra] });
}

/** The fence errors for `code` as if it were the file at `path` (relative to the repository). */
async function fenceErrors(eslint: ESLint, path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  assert.ok(result, `ESLint linted ${path}`);
  const fatal = result.messages.filter((message) => message.fatal);
  assert.deepEqual(fatal, [], 'the snippet parses');
  return result.messages
    .filter((message) => message.ruleId === 'dvc-lens/import-fence' && message.severity === 2)
    .map((message) => message.message);
}

const core = 'src/core/experiments/fenceProbe.ts';
const webview = 'webview/plots/fenceProbe.ts';

void test('fence (a): core imports no editor, no feature folder, no CLI, no repository, no UI', async () => {
  const eslint = linter();
  for (const code of [
    "import * as vscode from 'vscode';\nexport const v = vscode;",
    "import { x } from '../../experiments/table/tableHtml';\nexport const v = x;",
    "export { x } from '../../cli/dvcCli';",
    "import type { X } from '../../repository/repository';\nexport type V = X;",
    "import { x } from '../../ui/messages';\nexport const v = x;",
    "import { readFile } from 'node:fs/promises';\nexport const v = readFile;",
    "export const v = import('../../plots/plotsService');",
  ]) {
    assert.equal((await fenceErrors(eslint, core, code)).length, 1, code);
  }
});

void test('fence (a) resolves the path: a shallow core file reaching out with one `../` is caught too', async () => {
  const errors = await fenceErrors(linter(), 'src/core/fenceProbe.ts', "export { x } from '../history/x';");
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /src\/history\/x, outside src\/core/);
});

void test('fence (a) lets core import core, pure npm packages and pure builtins', async () => {
  const code = [
    "import { parse } from 'yaml';",
    "import { join } from 'node:path';",
    "import type { PlotsModel } from '../plots/plotModel';",
    "export { metricDirection } from './metricDirection';",
    'export const v: unknown = [parse, join] as unknown as PlotsModel;',
  ].join('\n');
  assert.deepEqual(await fenceErrors(linter(), core, code), []);
});

void test('fence (b): the webview imports neither the editor nor host code outside src/core', async () => {
  const eslint = linter();
  for (const code of [
    "import * as vscode from 'vscode';\nexport const v = vscode;",
    "import { x } from '../../src/plots/dashboard/plotsHtml';\nexport const v = x;",
    "import type { X } from '../../src/webviewShell/panelHost';\nexport type V = X;",
    "export { x } from '../../test/helpers/x';",
  ]) {
    assert.equal((await fenceErrors(eslint, webview, code)).length, 1, code);
  }
});

void test('fence (b) lets the webview import src/core, its own code and npm packages', async () => {
  const code = [
    "import type { PlotsSnapshot } from '../../src/core/protocols/plotsProtocol';",
    "import { element } from '../shared/dom';",
    "import embed from 'vega-embed';",
    'export const v: unknown = [element, embed] as unknown as PlotsSnapshot;',
  ].join('\n');
  assert.deepEqual(await fenceErrors(linter(), webview, code), []);
});

void test('fence (c): a feature enters another through its index.ts and reaches the CLI through the repository', async () => {
  const config = (await import(configFile)) as { featureFolderFences: Linter.Config[] };
  const eslint = linter(config.featureFolderFences);
  const feature = 'src/history/fenceProbe.ts';
  for (const code of [
    "import { x } from '../experiments/experimentsStore';\nexport const v = x;",
    "import { x } from '../cli/dvcCli';\nexport const v = x;",
  ]) {
    assert.equal((await fenceErrors(eslint, feature, code)).length, 1, code);
  }
  const allowed = [
    "import { a } from '../experiments';",
    "import { b } from '../experiments/index';",
    "import { c } from '../repository/repository';",
    "import { d } from '../ui/messages';",
    "import { e } from './historyStore';",
    'export const v = [a, b, c, d, e];',
  ].join('\n');
  assert.deepEqual(await fenceErrors(eslint, feature, allowed), []);
  assert.deepEqual(
    await fenceErrors(eslint, 'src/repository/fenceProbe.ts', "export { x } from '../cli/dvcCli';"),
    [],
    'the repository is the gateway to the CLI',
  );
});

void test('fence (c) is enabled: the shipped config refuses a feature reaching src/cli directly', async () => {
  const errors = await fenceErrors(
    linter(),
    'src/history/fenceProbe.ts',
    "export { x } from '../cli/dvcCli';",
  );
  assert.equal(errors.length, 1);
});
