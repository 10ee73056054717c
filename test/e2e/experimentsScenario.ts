/**
 * The experiments table and compare view, as a person uses them: three experiments of the demo made with the
 * real DVC beforehand, then the table sorted by a metric, a baseline pinned, delta mode on, two rows selected
 * and compared. Kept out of runE2e.ts so that file stays about the workbench and the other scenarios.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { runCommandFromPalette, timeouts } from './workbench';

const run = promisify(execFile);

/** The experiments the scenario makes: distinct accuracies, so sorting has something to show. */
export const demoExperiments = [
  { name: 'lr-high', set: ['train.learning_rate=0.9', 'train.epochs=40'] },
  { name: 'lr-low', set: ['train.learning_rate=0.05', 'train.epochs=40'] },
  { name: 'few-epochs', set: ['train.learning_rate=0.5', 'train.epochs=5'] },
] as const;

/** Runs the three experiments with the real DVC, one after the other, as `dvc exp run` on a terminal would. */
export async function makeDemoExperiments(dvcPath: string, workspace: string): Promise<void> {
  for (const experiment of demoExperiments)
    await run(
      dvcPath,
      ['exp', 'run', '-q', '-n', experiment.name, ...experiment.set.flatMap((s) => ['-S', s])],
      {
        cwd: workspace,
      },
    );
}

/** The inner document of the webview panel whose outer frame is visible (hidden panels stay in the page). */
export function visibleWebview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview:visible').frameLocator('#active-frame');
}

function rowByLabel(table: FrameLocator, label: string): Locator {
  return table.locator('[role="row"]', {
    has: table.locator('.row-label', { hasText: new RegExp(`^${label}$`) }),
  });
}

/** The labels of the rows in the order the grid shows them. */
export async function rowLabels(table: FrameLocator): Promise<string[]> {
  const rows = await table.locator('.grid-body [role="row"]').evaluateAll((elements) =>
    elements
      .map((element) => ({
        index: Number(element.getAttribute('aria-rowindex') ?? '0'),
        label: element.querySelector('.row-label')?.textContent ?? '',
      }))
      .sort((a, b) => a.index - b.index)
      .map((row) => row.label),
  );
  return rows;
}

/**
 * Table: sort by accuracy, pin a baseline, switch to deltas, select two experiments, Compare. Returns the
 * locator of the compare view's document for the caller's checks and screenshots.
 */
export async function experimentsTableScenario(page: Page, screenshots: string): Promise<FrameLocator> {
  await runCommandFromPalette(page, 'DVC Lens: Show Experiments Table');
  const table = visibleWebview(page);
  for (const { name } of demoExperiments)
    await rowByLabel(table, name).waitFor({ state: 'visible', timeout: timeouts.command });

  // Sort by accuracy (ascending, then descending): few-epochs scored lowest, lr-high highest.
  const accuracy = table.locator('[role="columnheader"]', {
    has: table.locator('.column-label', { hasText: /^accuracy$/ }),
  });
  await accuracy.click();
  await assertEventually(async () => (await accuracy.getAttribute('aria-sort')) === 'ascending', 'sorted up');
  const experimentOrder = (labels: string[]): string[] =>
    labels.filter((label) => demoExperiments.some((experiment) => experiment.name === label));
  await assertEventually(
    async () => experimentOrder(await rowLabels(table)).join(',') === 'few-epochs,lr-low,lr-high',
    'ascending accuracy puts few-epochs first',
  );
  await accuracy.click();
  await assertEventually(
    async () => experimentOrder(await rowLabels(table)).join(',') === 'lr-high,lr-low,few-epochs',
    'descending accuracy puts lr-high first',
  );

  // Pin lr-low as the baseline, then show differences to it.
  await rowByLabel(table, 'lr-low').locator('.row-label').click();
  await table.getByRole('button', { name: 'Set Baseline' }).click();
  // The baseline shows twice: pinned above the rows and in its place among them.
  await rowByLabel(table, 'lr-low').locator('.baseline-mark').first().waitFor({ timeout: timeouts.ui });
  const delta = table.getByRole('button', { name: /Delta/ });
  await delta.click();
  await assertEventually(async () => (await delta.getAttribute('aria-pressed')) === 'true', 'delta mode on');
  // lr-high scored 0.98 against the baseline's 0.96: a better (higher) accuracy, shown as +0.02.
  const column = await accuracy.getAttribute('aria-colindex');
  const highAccuracy = rowByLabel(table, 'lr-high').locator(`[role="gridcell"][aria-colindex="${column}"]`);
  await assertEventually(
    async () => /^\+0\.02\b/.test((await highAccuracy.textContent()) ?? ''),
    'lr-high accuracy shown as +0.02 to the baseline',
  );
  assert.match((await highAccuracy.getAttribute('class')) ?? '', /delta-better/);
  // Room for the columns in the picture: hide the side bar (the page, not the webview, takes the keys).
  await page.locator('.monaco-workbench').first().press('Control+b');
  await page.mouse.move(5, 400);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(screenshots, 'experiments-table.png') });

  // Select two experiments and compare them.
  await rowByLabel(table, 'lr-high').locator('.row-label').click();
  await rowByLabel(table, 'few-epochs')
    .locator('.row-label')
    .click({ modifiers: ['Control'] });
  await assertEventually(
    async () => (await table.locator('.grid-body [role="row"][aria-selected="true"]').count()) === 2,
    'two rows selected',
  );
  await table.getByRole('button', { name: 'Compare', exact: true }).click();
  return visibleWebview(page);
}

async function assertEventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + timeouts.ui;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The compare view of lr-high and few-epochs: the params that differ (learning rate and epochs) and the
 * accuracy delta, coloured as worse or better depending on the side.
 */
export async function checkCompareView(page: Page, compare: FrameLocator): Promise<void> {
  void page;
  await compare.locator('[data-testid="compare-title"]').waitFor({ timeout: timeouts.command });
  const title = (await compare.locator('[data-testid="compare-title"]').textContent()) ?? '';
  assert.match(title, /lr-high/);
  assert.match(title, /few-epochs/);
  const params = compare.locator('[data-testid="compare-params"] [data-testid="compare-row"]');
  await params.first().waitFor({ timeout: timeouts.command });
  const changedParams = await params.evaluateAll((rows) =>
    rows
      .filter((row) => row.getAttribute('data-changed') === 'true')
      .map((row) => row.getAttribute('data-key')),
  );
  assert.deepEqual(
    changedParams.map((key) => key?.replace(/^.*:/, '')).sort(),
    ['train.epochs', 'train.learning_rate'],
    `changed params: ${changedParams.join(', ')}`,
  );
  const accuracy = compare.locator(
    '[data-testid="compare-metrics"] [data-testid="compare-row"][data-key="accuracy"]',
  );
  await accuracy.first().waitFor({ timeout: timeouts.ui });
  assert.match((await accuracy.first().getAttribute('data-verdict')) ?? '', /better|worse/);
  const text = (await accuracy.first().textContent()) ?? '';
  assert.match(text, /0\.4333|0\.433/, `accuracy delta 0.98 vs 0.5467: ${text}`);
}
