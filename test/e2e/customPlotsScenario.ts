/**
 * Custom plots, as a person uses them: in the plots dashboard's Custom section, "Add Custom Plot…" asks for
 * the kind (parallel coordinates), the columns (learning rate, epochs, accuracy) and a title; the card draws
 * one polyline per experiment (counted in its SVG against `dvc exp show` of the same workspace); a mouse drag
 * along the accuracy axis brushes it and the lines outside dim (checked against the brush's geometry); the
 * keyboard brushes an axis too; Clear brushes undoes it. Kept out of runE2e.ts, like the plots scenario.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { allRows } from '../../src/core/experiments/experimentModel';
import { parseExpShow } from '../../src/core/experiments/parseExpShow';
import { parseCliJson } from '../../src/core/cliJson';
import { demoExperiments, visibleWebview } from './experimentsScenario';
import { normaliseColour } from './plotsScenario';
import { eventually, quickInputTitle, runCommandFromPalette, timeouts } from './workbench';

const run = promisify(execFile);
const ACCURACY = 'metrics:metrics.json:accuracy';
/** The columns picked, as the quick pick labels them. */
const pickedColumns = ['train.learning_rate', 'train.epochs', 'accuracy'];

/**
 * The revisions that must have a line: every row of `dvc exp show` (as many commits as the Experiments view
 * asks for by default) with a number for each picked column.
 */
async function expectedRevisions(dvcPath: string, workspace: string): Promise<string[]> {
  const { stdout } = await run(dvcPath, ['exp', 'show', '--json', '-n', '10'], { cwd: workspace });
  const model = parseExpShow(parseCliJson(stdout));
  const keys = [
    ['params', 'train.learning_rate'],
    ['params', 'train.epochs'],
    ['metrics', 'accuracy'],
  ] as const;
  return allRows(model)
    .filter((row) => row.state !== 'queued')
    .filter((row) =>
      keys.every(([source, key]) =>
        Object.values(row[source]).some(
          (values) => typeof values[key] === 'number' && Number.isFinite(values[key]),
        ),
      ),
    )
    .map((row) => (row.kind === 'workspace' ? 'workspace' : (row.name ?? row.rev.slice(0, 7))));
}

/** Picks the row labelled `label` in the open quick pick (filtering to it first: the list is virtualized). */
async function checkQuickPickRow(page: Page, label: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.fill(label);
  const row = page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/\./g, '\\.')}$`) }) })
    .first();
  await row.waitFor({ state: 'visible', timeout: timeouts.ui });
  // A click on a row of a multi-select list toggles its check box; fall back to the box itself.
  await row.click();
  const checked = async (): Promise<boolean> => (await row.getAttribute('aria-checked')) === 'true';
  if (!(await checked())) await row.locator('input[type="checkbox"], .monaco-checkbox').first().click();
  await eventually(
    () => row.getAttribute('aria-checked'),
    (checked) => checked === 'true',
    `${label} checked`,
  );
  await input.fill('');
}

/**
 * Opens the dashboard, puts the three experiments in its legend (Revisions…), and adds a parallel-coordinates
 * plot through the Custom section's button.
 */
export async function addParallelPlot(page: Page): Promise<{ plots: FrameLocator; card: Locator }> {
  await runCommandFromPalette(page, 'DVC Lens: Show Plots');
  const plots = visibleWebview(page);
  const revisions = plots.getByRole('button', { name: 'Revisions…' });
  await revisions.waitFor({ state: 'visible', timeout: timeouts.command });
  // The pick lists the experiments once the store has read them; before that it says there are none yet:
  // like a person, try again a moment later.
  const pickTitle = quickInputTitle(page).filter({ hasText: 'Plot which revisions' });
  const deadline = Date.now() + timeouts.command;
  for (;;) {
    await revisions.click();
    const shown = await pickTitle
      .waitFor({ timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (shown) break;
    if (Date.now() > deadline) assert.fail('the Revisions… pick never listed the experiments');
    await page.waitForTimeout(2_000);
  }
  for (const { name } of demoExperiments) await checkQuickPickRow(page, name);
  await page.keyboard.press('Enter');
  await eventually(
    () => plots.locator('.legend .legend-entry').count(),
    (count) => count === 1 + demoExperiments.length,
    'the workspace and the three experiments in the legend',
  );
  const add = plots.getByRole('button', { name: 'Add Custom Plot…' });
  await add.waitFor({ state: 'visible', timeout: timeouts.command });
  await add.click();
  await quickInputTitle(page).filter({ hasText: 'which kind' }).waitFor({ timeout: timeouts.command });
  await page.keyboard.type('Parallel coordinates');
  await page.keyboard.press('Enter');
  await quickInputTitle(page).filter({ hasText: 'Parallel coordinates:' }).waitFor({ timeout: timeouts.ui });
  for (const label of pickedColumns) await checkQuickPickRow(page, label);
  await page.keyboard.press('Enter');
  await quickInputTitle(page)
    .filter({ hasText: 'Title of the custom plot' })
    .waitFor({ timeout: timeouts.ui });
  await page.keyboard.press('Enter');
  const card = plots.locator('.custom-card[data-custom-kind="parallel"]');
  await card.locator('svg polyline.pc-line').first().waitFor({ timeout: timeouts.command });
  return { plots: visibleWebview(page), card };
}

/** One polyline per experiment (and commit, and the workspace) that has every value, named by revision. */
export async function checkParallelLines(
  plots: FrameLocator,
  card: Locator,
  dvcPath: string,
  workspace: string,
): Promise<number> {
  const expected = (await expectedRevisions(dvcPath, workspace)).sort();
  for (const { name } of demoExperiments) assert.ok(expected.includes(name), `${name} has all three values`);
  const drawn = await eventually(
    () =>
      card
        .locator('svg polyline.pc-line')
        .evaluateAll((lines) => lines.map((line) => line.getAttribute('data-rev') ?? '').sort()),
    (revs) => revs.length === expected.length,
    `${expected.length} polylines (${expected.join(', ')})`,
  );
  assert.deepEqual(drawn, expected);
  const axes = await card.locator('svg g.pc-axis').count();
  assert.equal(axes, 3, 'an axis per picked column');
  // Each experiment's line has its legend colour (the same as in the dashboard's other plots).
  const legend = new Map(
    (
      await plots
        .locator('.legend .legend-entry')
        .evaluateAll((items) =>
          items.map((item) => [
            item.textContent?.trim() ?? '',
            getComputedStyle(item.querySelector('.swatch') ?? item).backgroundColor,
          ]),
        )
    ).map(([rev, colour]) => [rev ?? '', normaliseColour(colour ?? '')]),
  );
  const strokes = await card
    .locator('svg polyline.pc-line')
    .evaluateAll((lines) =>
      lines.map((line) => [line.getAttribute('data-rev') ?? '', line.getAttribute('stroke') ?? '']),
    );
  for (const { name } of demoExperiments) {
    const stroke = strokes.find(([rev]) => rev === name)?.[1] ?? '';
    assert.equal(normaliseColour(stroke), legend.get(name), `${name}'s line in its legend colour`);
  }
  return drawn.length;
}

/**
 * Drags along the accuracy axis from its middle up past its top: the lines whose accuracy point lies outside the
 * brush's rectangle dim, the others stay, and at least one of each (the demo's accuracies differ).
 */
export async function brushAccuracyWithMouse(page: Page, card: Locator): Promise<void> {
  const overlay = card.locator(`g.pc-axis[data-axis="${ACCURACY}"] rect.pc-axis-overlay`);
  const box = await overlay.boundingBox();
  assert.ok(box, 'the accuracy axis is on screen');
  const x = box.x + box.width / 2;
  // From the middle of the axis up past its top (the brush stops at the axis's largest value).
  await page.mouse.move(x, box.y + box.height * 0.45);
  await page.mouse.down();
  await page.mouse.move(x, box.y + box.height * 0.2, { steps: 5 });
  await page.mouse.move(x, box.y - 12, { steps: 5 });
  await page.mouse.up();
  const state = await eventually(
    () =>
      card.locator('svg').evaluate((svg, axisId) => {
        const axes = Array.from(svg.querySelectorAll('g.pc-axis')).map((axis) =>
          axis.getAttribute('data-axis'),
        );
        const index = axes.indexOf(axisId);
        const brush = svg.querySelector(`g.pc-axis[data-axis="${axisId}"] rect.pc-brush`);
        const top = Number(brush?.getAttribute('y') ?? 0);
        const bottom = top + Number(brush?.getAttribute('height') ?? 0);
        const lines = Array.from(svg.querySelectorAll('polyline.pc-line')).map((line) => {
          const y = Number((line.getAttribute('points') ?? '').split(' ')[index]?.split(',')[1]);
          return {
            rev: line.getAttribute('data-rev'),
            dimmed: line.classList.contains('dimmed'),
            inside: y >= top && y <= bottom,
          };
        });
        return { height: bottom - top, lines };
      }, ACCURACY),
    (value) => value.height > 0 && value.lines.some((line) => line.dimmed),
    'a brush on the accuracy axis and dimmed lines',
  );
  for (const line of state.lines)
    assert.equal(line.dimmed, !line.inside, `${line.rev}: dimmed exactly when outside the brush`);
  // lr-high scored the highest accuracy of the demo's experiments: it stays highlighted.
  assert.equal(state.lines.find((line) => line.rev === 'lr-high')?.dimmed, false, 'lr-high highlighted');
}

/** Clear brushes brings every line back; then the keyboard brushes the focused epochs axis. */
export async function clearAndBrushWithKeyboard(card: Locator): Promise<void> {
  const dimmed = card.locator('svg polyline.pc-line.dimmed');
  await card.getByRole('button', { name: 'Clear brushes' }).click();
  await eventually(
    () => dimmed.count(),
    (count) => count === 0,
    'no line dimmed after Clear brushes',
  );
  const axis = card.locator('g.pc-axis[data-axis="params:params.yaml:train.epochs"]');
  await axis.focus();
  await axis.press('ArrowDown');
  // The lower half of the epochs axis: few-epochs (5) stays, the 40-epoch runs dim.
  await eventually(
    () => dimmed.count(),
    (count) => count > 0,
    'lines dimmed by the keyboard brush',
  );
  const kept = await card
    .locator('svg polyline.pc-line:not(.dimmed)')
    .evaluateAll((lines) => lines.map((line) => line.getAttribute('data-rev') ?? ''));
  // The workspace holds the last experiment's params (few-epochs): it may stay too; the 40-epoch runs dim.
  assert.ok(kept.includes('few-epochs'), `few-epochs kept: ${kept.join(', ')}`);
  for (const rev of ['lr-high', 'lr-low'])
    assert.ok(!kept.includes(rev), `${rev} dimmed: ${kept.join(', ')}`);
  await axis.press('Escape');
  await eventually(
    () => dimmed.count(),
    (count) => count === 0,
    'Escape clears the axis brush',
  );
}
