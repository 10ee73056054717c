/**
 * Modify and Run, as a person does it: right-click an experiment in the Experiments view, pick Modify and
 * Run…, see the params at that experiment's values (not the workspace's), change one, name the run, and find
 * the new experiment with the experiment's other params and the changed one (checked with DVC itself).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import {
  pickContextMenuItem,
  quickInputTitle,
  runCommandFromPalette,
  sideBarTreeRow,
  timeouts,
} from './workbench';

const run = promisify(execFile);

/** The quick pick's row of a param, e.g. `train.epochs`, whose description is its value. */
function paramRow(page: Page, key: string): Locator {
  return page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${key.replace('.', '\\.')}$`) }) })
    .first();
}

/**
 * `lr-low` (learning rate 0.05, 40 epochs) is modified to 12 epochs while the workspace holds `few-epochs`'s
 * params (0.5, 5 epochs, the last experiment run). Returns nothing; fails with what it saw.
 */
export async function modifyAndRunScenario(
  page: Page,
  dvcPath: string,
  workspace: string,
  screenshot: string,
): Promise<void> {
  await runCommandFromPalette(page, 'Focus on Experiments View');
  const source = sideBarTreeRow(page, 'lr-low').first();
  await source.waitFor({ state: 'visible', timeout: timeouts.command });
  await pickContextMenuItem(page, source, 'Modify and Run…');

  await quickInputTitle(page)
    .filter({ hasText: "Modify and run from 'lr-low'" })
    .waitFor({ timeout: timeouts.command });
  // The picker starts from lr-low's values, not the workspace's (learning rate 0.5, 5 epochs).
  const rate = paramRow(page, 'train.learning_rate');
  await rate.waitFor({ timeout: timeouts.ui });
  assert.match((await rate.locator('.label-description').textContent()) ?? '', /^0\.05$/);
  const epochs = paramRow(page, 'train.epochs');
  assert.match((await epochs.locator('.label-description').textContent()) ?? '', /^40$/);
  await page.screenshot({ path: screenshot });
  // A click on a row of a multi-select pick ticks its box; the count beside the input says so.
  await epochs.click();
  await page
    .locator('.quick-input-widget', { hasText: '1 Selected' })
    .first()
    .waitFor({ timeout: timeouts.ui });
  await page.keyboard.press('Enter');

  const input = page.locator('.quick-input-widget .quick-input-box input');
  await quickInputTitle(page).filter({ hasText: 'train.epochs' }).waitFor({ timeout: timeouts.ui });
  assert.equal(await input.inputValue(), '40', "the value box starts from lr-low's value");
  await input.fill('12');
  await page.keyboard.press('Enter');
  await quickInputTitle(page).filter({ hasText: 'name' }).waitFor({ timeout: timeouts.ui });
  await input.fill('e2e-modified');
  await page.keyboard.press('Enter');

  await sideBarTreeRow(page, 'e2e-modified').first().waitFor({ state: 'visible', timeout: timeouts.command });
  const { stdout } = await run(dvcPath, ['exp', 'show', '--json'], { cwd: workspace, maxBuffer: 1 << 26 });
  const params = findParams(JSON.parse(stdout) as unknown, 'e2e-modified');
  assert.deepEqual(params, { learning_rate: 0.05, epochs: 12, l2: 0.001 }, JSON.stringify(params));
}

/** The `train` params of the experiment named `name` in `dvc exp show --json`. */
function findParams(value: unknown, name: string): unknown {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findParams(item, name);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (record.name === name && Array.isArray(record.revs)) {
    const data = (record.revs[0] as { data?: { params?: Record<string, { data?: { train?: unknown } }> } })
      ?.data;
    return data?.params?.['params.yaml']?.data?.train;
  }
  for (const child of Object.values(record)) {
    const found = findParams(child, name);
    if (found !== undefined) return found;
  }
  return undefined;
}
