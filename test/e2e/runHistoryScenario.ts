/**
 * Run History, as a person uses it: the pipeline is run from the palette, the Run History view lists that run
 * with its three stages on a timeline, and clicking a stage opens the run's log in an editor.
 */
import type { Locator, Page } from 'playwright-core';
import { activityBarItem, notification, runCommandFromPalette, timeouts } from './workbench';

function runHistoryPane(page: Page): Locator {
  return page.locator('#workbench\\.parts\\.sidebar .pane', {
    has: page.locator('.pane-header', { hasText: 'Run History' }),
  });
}

export async function runHistoryScenario(
  page: Page,
  screenshot: (name: string) => Promise<void>,
): Promise<void> {
  await runCommandFromPalette(page, 'DVC Lens: Reproduce All Pipelines');
  // Every stage from one command: DVC Lens asks first (modal), and a person answers it.
  const confirm = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Reproduce All$/ }).first();
  await confirm.waitFor({ state: 'visible', timeout: timeouts.ui });
  await confirm.click();
  await notification(page, /DVC Lens/)
    .first()
    .waitFor({ timeout: timeouts.command })
    .catch(() => undefined);
  await activityBarItem(page, 'DVC Lens').click();
  const pane = runHistoryPane(page);
  const header = pane.locator('.pane-header').first();
  await header.waitFor({ timeout: timeouts.ui });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();

  // The run, once its three stages are recorded: "succeeded · 4.2 s · 3 stages".
  const run = pane.locator('.monaco-list-row', { hasText: /succeeded · .* · 3 stages/ }).first();
  await run.waitFor({ timeout: timeouts.command * 2 });
  if ((await run.getAttribute('aria-expanded')) !== 'true') await run.click();
  const train = pane.locator('.monaco-list-row', {
    has: page.locator('.label-name', { hasText: /^\s*train\s*$/ }),
  });
  await train.first().waitFor({ timeout: timeouts.ui });
  // Its bar on the run's timeline comes before its duration.
  await pane
    .locator('.monaco-list-row', { hasText: /train\s*[·█]+ .* · succeeded/ })
    .first()
    .waitFor({ timeout: timeouts.ui });
  await page.mouse.move(5, 400);
  await screenshot('run-history');

  await train.first().click();
  const logTab = page.locator('.tabs-container .tab', { hasText: /\.log$/ }).first();
  await logTab.waitFor({ timeout: timeouts.ui });
  await page
    .locator('.monaco-editor .view-lines', { hasText: 'dvc repro' })
    .first()
    .waitFor({ timeout: timeouts.ui });
  await screenshot('run-history-log');
}
