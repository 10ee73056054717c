/**
 * Issue 13 as a new user meets it: a fresh clone (test/helpers/freshCloneFixture.ts: data not pulled, the DVC
 * remote out of reach, the frozen import's source gone) opened in code-server. Every view says what state the
 * project is in and offers what to do, with no raw traceback: the missing-data notice, Pipeline, Data,
 * Experiments, Metrics, History and Compare, the DAG, the experiments table, the param annotation and Plots.
 * Then the remote comes back and the Plots card's Pull brings metrics and plots in. Kept out of runE2e.ts so
 * that file stays about the workbench and the other scenarios.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { FreshCloneFixture } from '../helpers/freshCloneFixture';
import { visibleWebview } from './experimentsScenario';
import {
  activityBarItem,
  eventually,
  notification,
  runCommandFromPalette,
  sideBarTreeRow,
  timeouts,
} from './workbench';

/** What a raw error looks like on screen: Python's traceback, or DVC's verbose stack lines. */
const rawTraceback = /Traceback \(most recent call last\)|File "[^"]+", line \d+|^\s+at .+\(.+:\d+:\d+\)$/m;

function assertNoTraceback(text: string, where: string): void {
  assert.doesNotMatch(text, rawTraceback, `${where} shows a raw traceback:\n${text.slice(0, 2000)}`);
}

const sideBar = (page: Page): Locator => page.locator('#workbench\\.parts\\.sidebar');

/** The description VS Code paints after a row's label ('' without one). */
async function rowDescription(row: Locator): Promise<string> {
  return (
    (await row
      .locator('.label-description')
      .first()
      .textContent()
      .catch(() => '')) ?? ''
  );
}

/** Shows one view of the DVC Lens container with room: focuses it and folds the container's other views. */
async function showView(page: Page, name: string): Promise<void> {
  await runCommandFromPalette(page, `DVC Lens: Focus on ${name} View`);
  const headers = sideBar(page).locator('.pane-header');
  const wanted = headers.filter({ hasText: new RegExp(`^\\s*${name}\\b`, 'i') }).first();
  await wanted.waitFor({ state: 'visible', timeout: timeouts.ui });
  for (const header of await headers.all()) {
    const expanded = (await header.getAttribute('aria-expanded')) === 'true';
    const isWanted = new RegExp(`^\\s*${name}\\b`, 'i').test((await header.textContent()) ?? '');
    if (expanded !== isWanted) await header.locator('.title').first().click();
  }
  await eventually(
    () => wanted.getAttribute('aria-expanded'),
    (expanded) => expanded === 'true',
    `the ${name} view expanded`,
  );
}

async function picture(page: Page, screenshots: string, name: string): Promise<void> {
  await page.mouse.move(5, 400);
  await page.screenshot({ path: join(screenshots, `${name}.png`) });
}

/** The one notice on open: the outputs not in the local cache, with Pull and Not now. */
async function checkMissingDataNotice(page: Page): Promise<void> {
  const notice = notification(page, /are not in the local cache/).first();
  await notice.waitFor({ state: 'visible', timeout: timeouts.command });
  const text = (await notice.textContent()) ?? '';
  assert.match(text, /\d+ outputs?, [\d.]+ \w?B, (is|are) not in the local cache/, text);
  await notice.getByRole('button', { name: 'Pull' }).waitFor({ timeout: timeouts.ui });
  await notice.getByRole('button', { name: 'Not now' }).waitFor({ timeout: timeouts.ui });
  assertNoTraceback(text, 'the missing-data notice');
}

/** Pipeline: one line says why stages were asked one by one; each stage has its real state, none unexplained. */
async function checkPipelineView(page: Page, stages: readonly string[]): Promise<void> {
  await showView(page, 'Pipeline');
  const note = sideBarTreeRow(page, 'status checked stage by stage').first();
  await note.waitFor({ state: 'visible', timeout: timeouts.command });
  assert.match(await rowDescription(note), /import .*cannot be reached/i);
  for (const stage of stages) {
    const row = sideBarTreeRow(page, stage).first();
    const description = await eventually(
      () => rowDescription(row),
      (text) => /^(changed|up to date)/.test(text),
      `the ${stage} stage's status`,
    );
    assert.doesNotMatch(description, /^unknown\s*($|·)/, `${stage} is unknown without a reason`);
  }
  assertNoTraceback(await sideBar(page).innerText(), 'the Pipeline view');
}

/** Data: the outputs and data files not pulled are marked "not in cache". */
async function checkDataView(page: Page): Promise<void> {
  await showView(page, 'Data');
  await sideBar(page)
    .locator('.monaco-list-row', { hasText: /not in cache/ })
    .first()
    .waitFor({ state: 'visible', timeout: timeouts.command });
  assertNoTraceback(await sideBar(page).innerText(), 'the Data view');
}

/** Experiments: the pushed experiments are listed under their commits, one line says why no metrics, with Pull. */
async function checkExperimentsView(page: Page): Promise<void> {
  await showView(page, 'Experiments');
  for (const name of ['fast-lr', 'few-epochs'])
    await sideBarTreeRow(page, name).first().waitFor({ state: 'visible', timeout: timeouts.command });
  await sideBar(page)
    .locator('.monaco-list-row', {
      hasText: 'eval/metrics.json: data not in the local cache: click to Pull',
    })
    .first()
    .waitFor({ state: 'visible', timeout: timeouts.ui });
  assertNoTraceback(await sideBar(page).innerText(), 'the Experiments view');
}

/** Metrics: one line names the metrics file not in the local cache, with Pull. */
async function checkMetricsView(page: Page): Promise<void> {
  await showView(page, 'Metrics');
  await sideBar(page)
    .locator('.monaco-list-row', {
      hasText: 'eval/metrics.json: data not in the local cache: click to Pull',
    })
    .first()
    .waitFor({ state: 'visible', timeout: timeouts.command });
  assertNoTraceback(await sideBar(page).innerText(), 'the Metrics view');
}

/** History: the commit's row says its metrics are not in the local cache; a click compares it (same line, Pull). */
async function checkHistoryAndCompare(page: Page, screenshots: string): Promise<void> {
  await showView(page, 'History');
  const row = sideBarTreeRow(page, 'Train longer').first();
  await row.waitFor({ state: 'visible', timeout: timeouts.command });
  await eventually(
    () => rowDescription(row),
    (text) => /metrics: data not in the local cache/.test(text),
    'the History row says its metrics are not in the local cache',
  );
  assertNoTraceback(await sideBar(page).innerText(), 'the History view');
  await picture(page, screenshots, 'fresh-clone-history');

  await row.locator('.label-name').click();
  const compare = visibleWebview(page);
  await compare.locator('[data-testid="compare-title"]').waitFor({ timeout: timeouts.command });
  const notInCache = compare.locator('[data-testid="compare-not-in-cache"]');
  await notInCache.waitFor({ timeout: timeouts.command });
  assert.match((await notInCache.textContent()) ?? '', /eval\/metrics\.json: data not in the local cache/);
  await notInCache.getByRole('button', { name: 'Pull' }).waitFor({ timeout: timeouts.ui });
  assertNoTraceback(await compare.locator('body').innerText(), 'Compare');
  await picture(page, screenshots, 'fresh-clone-compare');
}

/** DAG: the .dvc data source and the frozen import are nodes above the stages, as `dvc dag` draws them. */
async function checkDag(page: Page, screenshots: string): Promise<void> {
  await runCommandFromPalette(page, 'DVC Lens: Show Pipeline DAG');
  const dag = visibleWebview(page);
  for (const source of ['data/data.xml.dvc', 'data/labels.csv.dvc'])
    await dag.locator(`g.node.source[aria-label^="${source},"]`).waitFor({ timeout: timeouts.ui });
  const prepare = dag.locator('g.node[aria-label^="prepare,"]');
  await eventually(
    async () => (await prepare.getAttribute('class')) ?? '',
    (classes) => /status-changed/.test(classes),
    'prepare drawn as changed in the DAG',
  );
  assertNoTraceback(await dag.locator('body').innerText(), 'the DAG');
  await picture(page, screenshots, 'fresh-clone-dag');
}

/** The experiments table: the metrics file keeps its column (no key of it is known), its cells say "not in cache". */
async function checkTable(page: Page, screenshots: string): Promise<void> {
  await runCommandFromPalette(page, 'DVC Lens: Show Experiments Table');
  const table = visibleWebview(page);
  await table
    .locator('[role="columnheader"]', {
      has: table.locator('.column-label', { hasText: /^eval\/metrics\.json$/ }),
    })
    .first()
    .waitFor({ timeout: timeouts.command });
  await table
    .locator('[role="gridcell"]', { hasText: /^\s*not in cache\s*$/ })
    .first()
    .waitFor({ timeout: timeouts.ui });
  assertNoTraceback(await table.locator('body').innerText(), 'the experiments table');
  await picture(page, screenshots, 'fresh-clone-table');
}

/** params.yaml, cursor on `epochs`: the annotation names the commit that changed it (params are in git). */
async function checkParamAnnotation(page: Page): Promise<void> {
  await page.keyboard.press('Control+p');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: timeouts.ui });
  await input.fill('params.yaml');
  await page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'params.yaml' })
    .first()
    .waitFor({ state: 'visible', timeout: timeouts.ui });
  await page.keyboard.press('Enter');
  const editor = page.locator('.editor-group-container .monaco-editor').first();
  const line = editor.locator('.view-line', { hasText: 'epochs' }).first();
  await line.waitFor({ state: 'visible', timeout: timeouts.ui });
  await line.locator('span', { hasText: '12' }).last().click();
  const annotated = await eventually(
    () =>
      line.evaluate((element) => {
        const painted: string[] = [element.textContent ?? ''];
        for (const node of Array.from(element.querySelectorAll('*'))) {
          const content = getComputedStyle(node, '::after').content;
          if (content && content !== 'none' && content !== 'normal') painted.push(content);
        }
        return painted.join(' ');
      }),
    (text) => /Train longer/.test(text),
    'the annotation on epochs names the commit that changed it',
  );
  assert.match(annotated, /HEAD 12/, annotated);
  assert.match(annotated, /was 8 before/, annotated);
  assertNoTraceback(annotated, 'the param annotation');
}

/** Plots: the plot in git is drawn; each plot whose data is not pulled says so on its card, with Pull. */
async function checkPlots(
  page: Page,
  plotIds: readonly string[],
  screenshots: string,
): Promise<FrameLocator> {
  await runCommandFromPalette(page, 'DVC Lens: Show Plots');
  const plots = visibleWebview(page);
  for (const id of plotIds.filter((plot) => plot !== 'Loss')) {
    const card = plots.locator(`.plot-card.failed[data-plot-id="${id}"]`);
    await card.waitFor({ timeout: timeouts.command });
    assert.match((await card.locator('.plot-error').textContent()) ?? '', /not in the local cache/, id);
    await card.locator('button.plot-pull').waitFor({ timeout: timeouts.ui });
  }
  await plots
    .locator('.plot-card[data-plot-id="Loss"]:not(.failed) .plot-chart svg')
    .first()
    .waitFor({ timeout: timeouts.command });
  assertNoTraceback(await plots.locator('body').innerText(), 'Plots');
  await picture(page, screenshots, 'fresh-clone-plots');
  return plots;
}

/** The remote is back: the ROC card's Pull brings the data in; the plots draw and the metrics show values. */
async function pullFromPlots(
  page: Page,
  plots: FrameLocator,
  fixture: FreshCloneFixture,
  screenshots: string,
): Promise<void> {
  const server = await fixture.makeRemoteReachable();
  try {
    await plots.locator('.plot-card.failed[data-plot-id="ROC"] button.plot-pull').click();
    await eventually(
      () => Promise.resolve(existsSync(join(fixture.root, 'eval', 'metrics.json'))),
      (pulled) => pulled,
      'eval/metrics.json pulled',
    );
    for (const id of ['ROC', 'Precision-recall', 'Confusion'])
      await plots
        .locator(`.plot-card[data-plot-id="${id}"]:not(.failed) .plot-chart svg`)
        .first()
        .waitFor({ timeout: timeouts.command });
    assert.ok(server.requests() > 0, 'DVC asked the remote');
  } finally {
    await server.close();
  }
  await picture(page, screenshots, 'fresh-clone-pulled-plots');
  // The import's data can be had from nowhere: the pull says so, naming it, and brought the rest all the same.
  await notification(page, /Checkout failed for following targets: data\/data\.xml\./)
    .first()
    .waitFor({ state: 'visible', timeout: timeouts.command });
  await showView(page, 'Metrics');
  await sideBarTreeRow(page, 'accuracy').first().waitFor({ state: 'visible', timeout: timeouts.command });
  // HEAD's metrics are in the cache now too: the not-in-cache line goes.
  await sideBar(page)
    .locator('.monaco-list-row', { hasText: 'data not in the local cache' })
    .first()
    .waitFor({ state: 'hidden', timeout: timeouts.command });
  assertNoTraceback(await page.locator('.notifications-toasts').innerText(), 'the notifications');
  await picture(page, screenshots, 'fresh-clone-pulled-metrics');
}

export async function freshCloneScenario(
  page: Page,
  fixture: FreshCloneFixture,
  screenshots: string,
): Promise<void> {
  await checkMissingDataNotice(page);
  await activityBarItem(page, 'DVC Lens').click();
  await checkPipelineView(page, fixture.stages);
  await picture(page, screenshots, 'fresh-clone-pipeline');
  await checkDataView(page);
  await checkExperimentsView(page);
  await picture(page, screenshots, 'fresh-clone-experiments');
  await checkMetricsView(page);
  await picture(page, screenshots, 'fresh-clone-metrics');
  await checkHistoryAndCompare(page, screenshots);
  await checkDag(page, screenshots);
  await checkTable(page, screenshots);
  await checkParamAnnotation(page);
  await picture(page, screenshots, 'fresh-clone-annotation');
  const plots = await checkPlots(page, fixture.topLevelPlots, screenshots);
  await pullFromPlots(page, plots, fixture, screenshots);
}
