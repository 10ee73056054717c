/**
 * The experiments table as the editor's own panels read: a codicon toolbar (named buttons, Left/Right between
 * them), the short sha beside each name, a star on a row (by mouse and by key) and the Starred filter. The picture is put side by
 * side with the table as it was before (media/screenshots/experiments-table-before.png, kept in the repository so
 * a fresh clone draws it too).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { rowLabels, visibleWebview } from './experimentsScenario';
import { eventually, runCommandFromPalette, timeouts } from './workbench';

function rowByLabel(table: FrameLocator, label: string): Locator {
  return table.locator('[role="row"]', {
    has: table.locator('.row-label', { hasText: new RegExp(`^${label}$`) }),
  });
}

export async function tableParityScenario(page: Page, screenshots: string): Promise<void> {
  await runCommandFromPalette(page, 'DVC Lens: Show Experiments Table');
  const table = visibleWebview(page);
  await rowByLabel(table, 'lr-high').first().waitFor({ timeout: timeouts.command });
  await page.locator('.monaco-workbench').first().press('Control+b');

  // Each experiment shows its short sha beside its name.
  const sha = await rowByLabel(table, 'lr-high').first().locator('.row-sha').textContent();
  assert.match(sha ?? '', /^[0-9a-f]{7}$/);

  // Star lr-high with its row's star, then show only starred rows: lr-high and the commit it is based on.
  await rowByLabel(table, 'lr-high').first().locator('.row-star').click();
  await rowByLabel(table, 'lr-high').first().locator('.row-star.on').waitFor({ timeout: timeouts.ui });
  const starred = table.getByRole('button', { name: 'Starred', exact: true });
  await starred.click();
  const shown = await eventually(
    () => rowLabels(table),
    (labels) => labels.includes('lr-high') && !labels.includes('lr-low') && !labels.includes('workspace'),
    'only the starred experiment (under its commit)',
  );
  assert.equal(shown.length, 2, `the commit and lr-high: ${shown.join(', ')}`);

  // The toolbar by keyboard: Left from Starred reaches the Failed filter, Enter presses it.
  await starred.focus();
  await page.keyboard.press('ArrowLeft');
  const failed = table.getByRole('button', { name: 'Failed', exact: true });
  await eventually(
    () => failed.evaluate((element) => element === document.activeElement),
    (focused) => focused,
    'Left moved the focus to the Failed filter',
  );
  await page.keyboard.press('Enter');
  await eventually(
    () => failed.getAttribute('aria-pressed'),
    (pressed) => pressed === 'true',
    'Enter pressed the Failed filter',
  );
  await page.keyboard.press('Enter');
  await starred.click();
  await eventually(
    () => rowLabels(table),
    (labels) => labels.includes('lr-low'),
    'all rows back',
  );
  // Nested column groups: params.yaml › train folds to its first column with a click, and unfolds again.
  const headers = (): Promise<number> => table.locator('[role="columnheader"]').count();
  const train = table.locator('.group-header[data-section="params:params.yaml:train"]').first();
  await train.waitFor({ timeout: timeouts.ui });
  const unfolded = await headers();
  await train.click();
  await eventually(headers, (count) => count < unfolded, 'the train section folded');
  await page.mouse.move(5, 400);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(screenshots, 'experiments-table-folded.png') });
  await table.locator('.group-header[data-section="params:params.yaml:train"]').first().click();
  await eventually(headers, (count) => count === unfolded, 'the train section unfolded');
  // Checkboxes select rows as Ctrl+click does.
  for (const name of ['lr-low', 'few-epochs'])
    await rowByLabel(table, name).first().locator('.row-check').click();
  await eventually(
    () => table.locator('.grid-body [role="row"][aria-selected="true"]').count(),
    (count) => count === 2,
    'two rows ticked',
  );
  await page.mouse.move(5, 400);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(screenshots, 'experiments-table-new.png') });

  // By keyboard: with lr-low's row focused, S flips its star on and off again (the toggle names its key).
  const lowStar = rowByLabel(table, 'lr-low').first().locator('.row-star');
  assert.equal(await lowStar.getAttribute('aria-keyshortcuts'), 'S');
  await rowByLabel(table, 'lr-low').first().locator('.row-label').click();
  await page.keyboard.press('s');
  await rowByLabel(table, 'lr-low').first().locator('.row-star.on').waitFor({ timeout: timeouts.ui });
  await page.keyboard.press('s');
  await rowByLabel(table, 'lr-low').first().locator('.row-star:not(.on)').waitFor({ timeout: timeouts.ui });

  // A row's plot toggle opens the plots dashboard with that experiment.
  await rowByLabel(table, 'lr-high').first().locator('.row-plot').click();
  const plots = visibleWebview(page);
  await plots
    .locator('.legend .legend-entry', { hasText: 'lr-high' })
    .first()
    .waitFor({ timeout: timeouts.command });

  // By keyboard: back in the table, P on lr-low's focused row adds it to the dashboard beside lr-high.
  await runCommandFromPalette(page, 'DVC Lens: Show Experiments Table');
  const tableAgain = visibleWebview(page);
  const lowRow = rowByLabel(tableAgain, 'lr-low').first();
  await lowRow.waitFor({ timeout: timeouts.command });
  assert.equal(await lowRow.locator('.row-plot').getAttribute('aria-keyshortcuts'), 'P');
  await lowRow.locator('.row-label').click();
  await page.keyboard.press('p');
  const legend = visibleWebview(page).locator('.legend .legend-entry');
  await eventually(
    () => legend.allTextContents(),
    (entries) =>
      entries.some((text) => text.includes('lr-low')) && entries.some((text) => text.includes('lr-high')),
    'P plotted lr-low beside lr-high',
  );
}

/**
 * The table as it was (`before`, a picture kept in the repository) beside the new one, drawn by the browser
 * into one picture: experiments-table-side-by-side.png. A missing picture fails the test: the comparison is
 * part of what this scenario shows.
 */
export async function sideBySide(browser: Browser, screenshots: string, before: string): Promise<void> {
  // The sorting test's picture (same rows, sort and deltas as the old one) when it ran; else this scenario's own.
  const sorted = join(screenshots, 'experiments-table.png');
  const after = existsSync(sorted) ? sorted : join(screenshots, 'experiments-table-new.png');
  assert.ok(existsSync(before), `no ${before}: the old table's picture for the side-by-side is missing`);
  assert.ok(existsSync(after), `no ${after}: this scenario's own picture of the table is missing`);
  const dataUrl = async (file: string): Promise<string> =>
    `data:image/png;base64,${(await readFile(file)).toString('base64')}`;
  const page = await browser.newPage({ viewport: { width: 2580, height: 860 } });
  try {
    await page.setContent(
      `<body style="margin:0;display:flex;gap:20px;background:#888;font:16px sans-serif">` +
        `<figure style="margin:0"><figcaption>before</figcaption><img src="${await dataUrl(before)}"></figure>` +
        `<figure style="margin:0"><figcaption>new</figcaption><img src="${await dataUrl(after)}"></figure></body>`,
    );
    await page.screenshot({ path: join(screenshots, 'experiments-table-side-by-side.png'), fullPage: true });
  } finally {
    await page.close();
  }
}
