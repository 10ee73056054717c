/**
 * The plots dashboard, as a person uses it: two experiments selected in the experiments table and plotted,
 * the training-loss chart read from its rendered SVG (one stroke colour per revision, matching the legend),
 * the y axis switched to log scale, and the chart exported as SVG through the save dialog (in code-server a
 * quick input with a path box). Kept out of runE2e.ts, like the experiments scenario.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { visibleWebview } from './experimentsScenario';
import { eventually, runCommandFromPalette, timeouts } from './workbench';

/** The two experiments (of makeDemoExperiments) the scenario plots. */
export const plottedExperiments = ['lr-high', 'few-epochs'] as const;

function tableRow(table: FrameLocator, label: string): Locator {
  return table.locator('[role="row"]', {
    has: table.locator('.row-label', { hasText: new RegExp(`^${label}$`) }),
  });
}

/** `#1f77b4`, `#17b`, `rgb(31, 119, 180)` → `31,119,180`: legend swatches and SVG strokes compared alike. */
export function normaliseColour(colour: string): string {
  const text = colour.trim().toLowerCase();
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(text);
  if (rgb) return `${rgb[1]},${rgb[2]},${rgb[3]}`;
  let hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(text)?.[1];
  if (!hex) return text;
  if (hex.length === 3) hex = [...hex].map((digit) => digit + digit).join('');
  return [0, 2, 4].map((start) => parseInt(hex.slice(start, start + 2), 16)).join(',');
}

/** The legend as the page shows it: revision → swatch colour (normalised). */
async function legendColours(plots: FrameLocator): Promise<Map<string, string>> {
  const entries = await plots.locator('.legend .legend-entry').evaluateAll((items) =>
    items.map((item) => ({
      rev: item.textContent?.trim() ?? '',
      colour: getComputedStyle(item.querySelector('.swatch') ?? item).backgroundColor,
    })),
  );
  return new Map(entries.map((entry) => [entry.rev, normaliseColour(entry.colour)]));
}

/** Stroke colours of the line marks drawn in a card's SVG (normalised, distinct). */
async function lineStrokes(card: Locator): Promise<string[]> {
  const strokes = await card
    .locator('.plot-chart svg g.mark-line path')
    .evaluateAll((paths) => paths.map((path) => path.getAttribute('stroke') ?? ''));
  return [...new Set(strokes.filter((stroke) => stroke && stroke !== 'none').map(normaliseColour))];
}

/** The y axis of a card's chart: Vega's aria label (names the scale type) and its tick labels. */
async function yAxis(card: Locator): Promise<{ label: string; ticks: string[] }> {
  return card.locator('.plot-chart svg').evaluate((svg) => {
    const axis = Array.from(svg.querySelectorAll('g.role-axis')).find((group) =>
      /^Y-axis/i.test(group.getAttribute('aria-label') ?? ''),
    );
    return {
      label: axis?.getAttribute('aria-label') ?? '',
      ticks: Array.from(axis?.querySelectorAll('g.role-axis-label text') ?? []).map(
        (text) => text.textContent ?? '',
      ),
    };
  });
}

/** Opens the experiments table, selects the two experiments and presses Plot. Returns the dashboard. */
export async function plotTwoExperiments(page: Page): Promise<FrameLocator> {
  await runCommandFromPalette(page, 'DVC Lens: Show Experiments Table');
  const table = visibleWebview(page);
  for (const name of plottedExperiments)
    await tableRow(table, name).waitFor({ state: 'visible', timeout: timeouts.command });
  await tableRow(table, plottedExperiments[0]).locator('.row-label').click();
  await tableRow(table, plottedExperiments[1])
    .locator('.row-label')
    .click({ modifiers: ['Control'] });
  await eventually(
    () => table.locator('.grid-body [role="row"][aria-selected="true"]').count(),
    (count) => count === 2,
    'two rows selected',
  );
  await table.getByRole('button', { name: 'Plot', exact: true }).click();
  // The dashboard opens in the active column, over the table: the visible webview is now the plots page.
  const plots = visibleWebview(page);
  await plots.locator('.legend .legend-entry').first().waitFor({ timeout: timeouts.command });
  return plots;
}

/**
 * The training-loss card: a line per plotted revision (workspace and the two experiments), each in its legend
 * colour, the experiments' colours distinct. Returns the card.
 */
export async function checkLinePlot(plots: FrameLocator): Promise<Locator> {
  const legend = await eventually(
    () => legendColours(plots),
    // The swatches' computed colours are empty until the page has laid the legend out: wait for them too.
    (map) => ['workspace', ...plottedExperiments].every((rev) => (map.get(rev) ?? '') !== ''),
    'legend lists the workspace and both experiments, with their colours',
  );
  const colours = [...plottedExperiments].map((rev) => legend.get(rev) ?? '');
  assert.equal(
    new Set(legend.values()).size,
    legend.size,
    `distinct legend colours: ${JSON.stringify([...legend])}`,
  );
  const card = plots.locator('.plot-card[data-plot-id$="training_loss.csv"]');
  await card.locator('.plot-chart svg g.mark-line path').first().waitFor({ timeout: timeouts.command });
  const strokes = await eventually(
    () => lineStrokes(card),
    (drawn) => colours.every((colour) => drawn.includes(colour)),
    `a line in each experiment's legend colour (${colours.join(' / ')})`,
  );
  for (const stroke of strokes)
    assert.ok([...legend.values()].includes(stroke), `line colour ${stroke} is in the legend`);
  return card;
}

/** Log y: the y axis becomes a log scale, and its ticks change. */
export async function toggleLogScale(card: Locator): Promise<void> {
  const before = await yAxis(card);
  assert.match(before.label, /linear scale/i, `y axis before: ${before.label}`);
  const button = card.getByRole('button', { name: 'log y' });
  await button.click();
  await eventually(
    () => button.getAttribute('aria-pressed'),
    (pressed) => pressed === 'true',
    'log y pressed',
  );
  const after = await eventually(
    () => yAxis(card),
    (axis) => /log scale/i.test(axis.label),
    'y axis on a log scale',
  );
  assert.notDeepEqual(
    after.ticks,
    before.ticks,
    `tick labels changed: ${before.ticks.join(' ')} → ${after.ticks.join(' ')}`,
  );
}

/**
 * Export SVG: the card's button opens the save dialog; its path box gets `target`, Enter saves. Checks the
 * file parses as SVG (in the browser's own parser) and carries each experiment's line colour.
 */
export async function exportSvg(
  page: Page,
  plots: FrameLocator,
  card: Locator,
  target: string,
): Promise<void> {
  await card.getByRole('button', { name: 'SVG', exact: true }).click();
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: timeouts.ui });
  // The simple dialog shows its box before it puts the default path in; a path typed before that is
  // overwritten (seen on a busy machine: the export went to the default name). Wait for the default first.
  await eventually(
    () => input.inputValue(),
    (value) => value.length > 0,
    'the save dialog proposes a path',
  );
  await input.fill(target);
  // The simple dialog filters as one types; let it settle on the typed path before accepting.
  await page.waitForTimeout(500);
  if ((await input.inputValue()) !== target) await input.fill(target);
  await page.waitForTimeout(300);
  await input.press('Enter');
  await eventually(
    () => Promise.resolve(existsSync(target)),
    (exists) => exists,
    `${target} written`,
  );
  const text = await eventually(
    () => readFile(target, 'utf8'),
    (content) => content.trimEnd().endsWith('</svg>'),
    'the whole SVG written',
  );
  const parsed = await page.evaluate((svg) => {
    const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const strokes = Array.from(document.querySelectorAll('g.mark-line path')).map(
      (path) => path.getAttribute('stroke') ?? '',
    );
    return {
      root: document.documentElement.nodeName,
      errors: document.getElementsByTagName('parsererror').length,
      strokes,
    };
  }, text);
  assert.equal(parsed.root, 'svg', 'the export is an SVG document');
  assert.equal(parsed.errors, 0, 'the export parses as XML');
  const legend = await legendColours(plots);
  const exported = new Set(parsed.strokes.map(normaliseColour));
  for (const rev of plottedExperiments)
    assert.ok(exported.has(legend.get(rev) ?? ''), `the exported SVG has ${rev}'s line`);
}
