/**
 * What a person does in the table, driven in Chromium on the built webview (used by the benchmark, which
 * already has the page open): every check throws with what went wrong. Returns what it saw.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { waitForMeasure } from '../../runner/browser';

/** A row label that must show as these characters and never become an element. */
export const hostileLabel = '<img src=x onerror=alert(1)>';

interface Posted {
  type: string;
  action?: string;
  rowIds?: string[];
  csv?: string;
  state?: { sort: { columnId: string }[]; baselineRowId?: string; deltaMode: boolean };
}

async function posted(page: Page): Promise<Posted[]> {
  return page.evaluate<Posted[]>('window.posted');
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

export async function checkTableInteractions(
  page: Page,
  screenshots: string,
): Promise<Record<string, unknown>> {
  // Workspace strings are text: the hostile label is there as characters, and no <img> exists.
  const hostile = page.locator('.row-label', { hasText: hostileLabel });
  check((await hostile.count()) >= 1, 'the hostile row label is not shown as text');
  check((await page.locator('#app img').count()) === 0, 'a row label became an element');

  // Sort by a param: the header says so and the page tells the host the new state.
  await page.screenshot({ path: join(screenshots, 'exp-table-first-paint.png') });
  const header = page.locator('.scrolling-part .column-header', { hasText: /^p\d+/ }).nth(1);
  const sortedColumn = (await header.locator('.column-label').innerText()).trim();
  await header.click();
  check((await header.getAttribute('aria-sort')) === 'ascending', 'a header click did not sort');

  // Select two rows (click, Ctrl+click) and ask to compare them. Buttons with a visible word are named by it
  // (the longer text is their tooltip), so they are found by what a person reads on them.
  await page.locator('.grid-body .grid-row[data-row="1"] .label-cell').click();
  await page.locator('.grid-body .grid-row[data-row="2"] .label-cell').click({ modifiers: ['Control'] });
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const compare = (await posted(page)).find((message) => message.type === 'action');
  check(
    compare?.action === 'compare' && compare.rowIds?.length === 2,
    `compare sent ${JSON.stringify(compare)}`,
  );

  // Keyboard: Down moves the focus, Space selects, Enter folds a commit's experiments away.
  await page.locator('.grid').focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const folded = await page.locator('.grid-body .grid-row[data-row="1"]').getAttribute('aria-expanded');
  check(folded === 'false', `Enter did not fold the commit (aria-expanded=${folded})`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  const selected = await page.locator('.grid-body .grid-row[aria-selected="true"]').count();
  check(selected >= 1, 'Space selected nothing');

  // Pin the focused row as the baseline and switch to deltas: cells get a direction colour.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await page.locator('.grid-body .grid-row[data-row="3"] .label-cell').click();
  await page.getByRole('button', { name: 'Set Baseline', exact: true }).click();
  await page.getByRole('button', { name: 'Delta', exact: true }).click();
  // The metrics (which have a direction) come after the params: scroll sideways to them.
  await page.evaluate(
    "new Promise((done) => { document.querySelector('.grid').scrollLeft = 110 * 110; requestAnimationFrame(() => setTimeout(done, 0)); })",
  );
  const coloured = await page.locator('.grid-body .delta-better, .grid-body .delta-worse').count();
  check(coloured > 0, 'delta mode coloured no cell');
  check((await page.locator('.grid-baseline .baseline-row').count()) === 1, 'no pinned baseline row');
  await page.screenshot({ path: join(screenshots, 'exp-table.png') });

  // Export: the visible table goes to the host as CSV.
  await page.getByRole('button', { name: 'Export CSV', exact: true }).click();
  const csv = (await posted(page)).find((message) => message.type === 'exportCsv')?.csv ?? '';
  check(csv.startsWith('Experiment,State,SHA,'), `unexpected CSV start: ${csv.slice(0, 60)}`);

  // The state reaches the host (debounced) so it survives a panel reload.
  await page.waitForFunction(() =>
    (window as unknown as { posted: Posted[] }).posted.some(
      (message) => message.type === 'saveState' && message.state?.deltaMode === true,
    ),
  );
  const saved = (await posted(page)).filter((message) => message.type === 'saveState').pop();
  check(
    saved?.state?.sort[0]?.columnId.endsWith(`.${sortedColumn}`) === true,
    'the saved state lost the sort',
  );
  check(saved?.state?.baselineRowId !== undefined, 'the saved state lost the baseline');

  // A reload of the page restores the same state from setState (kept by the stand-in like VS Code does).
  const kept = await page.evaluate<string | undefined>('window.vscodeState()?.ui?.baselineRowId');
  // The state goes to the reloaded document in the URL's fragment, which the stand-in reads first: a
  // sessionStorage write made just before reload() was sometimes not yet visible to the new document (seen
  // under load as a lost state). A fragment-only goto does not load; the reload does.
  const state = await page.evaluate<string>('JSON.stringify(window.vscodeState())');
  await page.goto(`${page.url().split('#')[0]}#vscode-state=${encodeURIComponent(state)}`);
  await page.reload();
  await waitForMeasure(page, 'table-first-paint');
  const restored = await page.evaluate<string | undefined>('window.vscodeState()?.ui?.baselineRowId');
  await page.evaluate('sessionStorage.clear()');
  const baselineRows = await page.locator('.grid-baseline .baseline-row').count();
  check(
    baselineRows === 1,
    `the baseline did not survive a reload: ${baselineRows} baseline rows; baseline row id kept ${kept}, after the reload ${restored}`,
  );
  return {
    sortedColumn,
    compareRows: compare?.rowIds?.length,
    csvBytes: csv.length,
    stateSurvivesReload: true,
  };
}
