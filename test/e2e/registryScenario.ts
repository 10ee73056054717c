/**
 * The model registry as a person uses it: a demo project that declares `demo-model` and keeps a Helm-style
 * values file for Argo CD (`dvcLens.registry.manifestPath/Key` in its workspace settings); from the command
 * palette, Register Version (artifact, commit, proposed version, the tag preview's "Create Tag") and Assign
 * Stage `prod` (then "Commit Manifest"); the Models view and the Experiments view show the badges, and git has
 * the tags and the manifest commit.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { quickInputTitle, runCommandFromPalette, timeouts } from './workbench';

const run = promisify(execFile);

/** Declares the artifact, adds the manifest and its settings, commits; git gets an identity for GTO's tags. */
export async function prepareRegistryProject(workspace: string): Promise<void> {
  const inRepo = { cwd: workspace };
  await run('git', ['config', 'user.name', 'DVC Lens E2E'], inRepo);
  await run('git', ['config', 'user.email', 'e2e@dvc-lens.invalid'], inRepo);
  const dvcYaml = join(workspace, 'dvc.yaml');
  await writeFile(
    dvcYaml,
    `${await readFile(dvcYaml, 'utf8')}artifacts:\n  demo-model:\n    path: model.pkl\n    type: model\n`,
  );
  await mkdir(join(workspace, 'deploy'), { recursive: true });
  await writeFile(join(workspace, 'deploy', 'values.yaml'), '# served model\nmodel:\n  version: v0.0.0\n');
  await mkdir(join(workspace, '.vscode'), { recursive: true });
  await writeFile(
    join(workspace, '.vscode', 'settings.json'),
    JSON.stringify({
      'dvcLens.registry.manifestPath': 'deploy/values.yaml',
      'dvcLens.registry.manifestKey': 'model.version',
    }),
  );
  await run('git', ['add', 'dvc.yaml', 'deploy/values.yaml'], inRepo);
  await run('git', ['commit', '-q', '-m', 'declare demo-model'], inRepo);
}

async function pick(page: Page, title: RegExp, typed?: string): Promise<void> {
  await quickInputTitle(page).filter({ hasText: title }).waitFor({ state: 'visible', timeout: timeouts.ui });
  if (typed) await page.keyboard.type(typed, { delay: 10 });
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
}

async function clickDialogButton(page: Page, name: string): Promise<void> {
  const button = page.getByRole('button', { name });
  await button.waitFor({ state: 'visible', timeout: timeouts.command });
  await button.click();
  await button.waitFor({ state: 'hidden', timeout: timeouts.ui });
}

async function sideBarRowWithText(page: Page, text: string): Promise<void> {
  await page
    .locator('#workbench\\.parts\\.sidebar .monaco-list-row', { hasText: text })
    .first()
    .waitFor({ state: 'visible', timeout: timeouts.command });
}

export async function registryScenario(page: Page, workspace: string, e2eDir: string): Promise<void> {
  await runCommandFromPalette(page, 'DVC Lens: Register Version');
  await pick(page, /Register a version of which artifact/);
  await pick(page, /Register which commit/);
  await pick(page, /Version of demo-model/);
  await clickDialogButton(page, 'Create Tag');

  await runCommandFromPalette(page, 'DVC Lens: Assign Stage');
  await pick(page, /Assign a stage to which artifact/);
  await pick(page, /Which version of demo-model/);
  await pick(page, /Assign which stage/, 'prod');
  await clickDialogButton(page, 'Create Tag');
  await clickDialogButton(page, 'Commit Manifest');

  const inRepo = { cwd: workspace };
  const waitForGit = async (args: string[], expected: RegExp): Promise<string> => {
    const deadline = Date.now() + timeouts.command;
    for (;;) {
      const { stdout } = await run('git', args, inRepo);
      if (expected.test(stdout)) return stdout;
      if (Date.now() > deadline)
        assert.fail(`git ${args.join(' ')} never matched ${String(expected)}: ${stdout}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };
  const tags = await waitForGit(['tag', '-l', 'demo-model*'], /demo-model#prod#1/);
  assert.match(tags, /demo-model@v0\.0\.1/);
  await waitForGit(['log', '-1', '--format=%s'], /Deploy demo-model v0\.0\.1 to prod/);
  assert.match(await readFile(join(workspace, 'deploy', 'values.yaml'), 'utf8'), /version: v0\.0\.1\n/);

  await runCommandFromPalette(page, 'Focus on Models View');
  await sideBarRowWithText(page, 'prod: v0.0.1');
  await page.screenshot({ path: join(e2eDir, 'registry-models.png') });
  await runCommandFromPalette(page, 'Focus on Experiments View');
  await sideBarRowWithText(page, 'demo-model#prod');
  await page.screenshot({ path: join(e2eDir, 'registry-badge.png') });
}
