/**
 * Metrics on commits, as a person uses them: a demo repository of six commits (the demo's two, then four that
 * each change one param, reproduce and commit), params.yaml opened with the cursor on `learning_rate`, the
 * param-blame annotation at the end of that line and its hover naming the commit that changed it, then the
 * History view and a click on that commit opening the compare view against its parent. Kept out of runE2e.ts
 * so that file stays about the workbench and the other scenarios.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { visibleWebview } from './experimentsScenario';
import { runCommandFromPalette, sideBarTreeRow, timeouts } from './workbench';

const run = promisify(execFile);
const gitIdentity = ['-c', 'user.name=DVC Lens E2E', '-c', 'user.email=e2e@dvc-lens.invalid'];

/** The four commits on top of the reproduced demo: one param each, as in the integration test. */
const paramCommits = [
  { subject: 'c1 learning rate', from: 'learning_rate: 0.5', to: 'learning_rate: 0.1' },
  { subject: 'c2 epochs', from: 'epochs: 40', to: 'epochs: 25' },
  { subject: 'c3 threshold', from: 'threshold: 0.5', to: 'threshold: 0.6' },
  { subject: 'c4 seed', from: 'seed: 7', to: 'seed: 8' },
] as const;

/** The commit whose param the scenario looks at, and the one it changed. */
export const blamedCommitSubject = 'c1 learning rate';
/** The subject of the demo's own last commit (scripts/createDemoWorkspace.ts with `repro: true`). */
const baseCommitSubject = 'Reproduce the pipeline';

/**
 * Adds the four commits to a demo workspace made with `repro: true` (two commits already): each edits
 * params.yaml, runs `dvc repro` and commits everything (`git commit -am`: the pipeline's outputs are DVC's or
 * already tracked). Returns subject -> full sha.
 */
export async function makeHistoryCommits(dvcPath: string, workspace: string): Promise<Map<string, string>> {
  const inRepo = { cwd: workspace, env: { ...process.env, DVC_NO_ANALYTICS: 'true' } };
  const paramsPath = join(workspace, 'params.yaml');
  const shas = new Map<string, string>();
  // The demo's last commit: c1's parent, the left side of c1's comparison.
  shas.set(baseCommitSubject, (await run('git', ['rev-parse', 'HEAD'], inRepo)).stdout.trim());
  for (const commit of paramCommits) {
    const text = await readFile(paramsPath, 'utf8');
    assert.ok(text.includes(commit.from), `params.yaml has "${commit.from}"`);
    await writeFile(paramsPath, text.replace(commit.from, commit.to));
    await run(dvcPath, ['repro', '-q'], inRepo);
    await run('git', [...gitIdentity, 'commit', '-q', '-am', commit.subject], inRepo);
    shas.set(commit.subject, (await run('git', ['rev-parse', 'HEAD'], inRepo)).stdout.trim());
  }
  const count = (await run('git', ['rev-list', '--count', 'HEAD'], inRepo)).stdout.trim();
  assert.equal(count, '6', 'six commits');
  return shas;
}

/** Quick Open (the palette without its ">"), the file's name, Enter. */
async function openFileByName(page: Page, name: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: timeouts.ui });
  await input.fill(name);
  await page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: name })
    .first()
    .waitFor({ state: 'visible', timeout: timeouts.ui });
  await page.keyboard.press('Enter');
  await page
    .locator('.tabs-container .tab', { hasText: name })
    .first()
    .waitFor({ state: 'visible', timeout: timeouts.ui });
}

/**
 * The text a line shows, including what decorations paint after it (VS Code renders an `after` decoration
 * either as injected text or as a CSS ::after rule, depending on the version: both are read).
 */
async function lineText(line: Locator): Promise<string> {
  return line.evaluate((element) => {
    const painted: string[] = [element.textContent ?? ''];
    for (const node of Array.from(element.querySelectorAll('*'))) {
      const content = getComputedStyle(node, '::after').content;
      if (content && content !== 'none' && content !== 'normal') painted.push(content);
    }
    return painted.join(' ');
  });
}

async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeouts.command;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting: ${what} (last: ${String(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** params.yaml, the cursor on learning_rate: the annotation and the hover name the commit that changed it. */
export async function paramAnnotationScenario(
  page: Page,
  shas: ReadonlyMap<string, string>,
  screenshots: string,
): Promise<void> {
  const sha = shas.get(blamedCommitSubject);
  assert.ok(sha, 'the blamed commit was made');
  await openFileByName(page, 'params.yaml');
  const editor = page.locator('.editor-group-container .monaco-editor').first();
  const line = editor.locator('.view-line', { hasText: 'learning_rate' }).first();
  await line.waitFor({ state: 'visible', timeout: timeouts.ui });
  // Click at the end of the value, as a person puts the cursor on the line.
  await line.locator('span', { hasText: '0.1' }).last().click();
  const annotated = await eventually(
    () => lineText(line),
    (text) => text.includes(sha.slice(0, 7)),
    `the annotation on learning_rate names ${sha.slice(0, 7)}`,
  );
  assert.match(annotated, /HEAD 0\.1/, `annotation: ${annotated}`);
  assert.match(annotated, /was 0\.5/, `annotation: ${annotated}`);
  assert.match(annotated, new RegExp(blamedCommitSubject), `annotation: ${annotated}`);

  // The hover on the key: the full SHA and the link to the comparison.
  const hover = page.locator('.monaco-hover .hover-contents, .monaco-hover .markdown-hover').first();
  const key = line.locator('span', { hasText: 'learning_rate' }).first();
  const hoverText = await eventually(
    async () => {
      if (!(await hover.isVisible())) {
        await page.mouse.move(5, 5);
        await key.hover();
        await hover.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
      }
      return (await page.locator('.monaco-hover').allTextContents()).join(' ');
    },
    (text) => text.includes(sha),
    `the hover names ${sha}`,
  );
  assert.match(hoverText, /Compare that commit with its parent/, `hover: ${hoverText}`);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(screenshots, 'history-annotation.png') });
  await page.keyboard.press('Escape');
}

/** The History view lists the commits with metrics; a click on c1 opens its comparison with its parent. */
export async function historyViewScenario(
  page: Page,
  shas: ReadonlyMap<string, string>,
  screenshots: string,
): Promise<void> {
  const sha = shas.get(blamedCommitSubject);
  assert.ok(sha, 'the blamed commit was made');
  await runCommandFromPalette(page, 'DVC Lens: Focus on History View');
  // Room for the history in the side bar (and the picture): fold the container's other views.
  const headers = page.locator('#workbench\\.parts\\.sidebar .pane-header[aria-expanded="true"]');
  for (const name of ['Pipeline', 'Data', 'Remotes', 'Experiments', 'Metrics']) {
    const header = headers.filter({ hasText: new RegExp(`^\\s*${name}\\b`, 'i') }).first();
    if (await header.isVisible()) await header.locator('.title').first().click();
  }
  for (const { subject } of [...paramCommits].reverse())
    await sideBarTreeRow(page, subject).first().waitFor({ state: 'visible', timeout: timeouts.command });
  const row = sideBarTreeRow(page, blamedCommitSubject).first();
  // Commits paint first from git; DVC's metrics fill the description in a moment later.
  await eventually(
    async () =>
      (await row
        .locator('.label-description')
        .textContent()
        .catch(() => '')) ?? '',
    (text) => /accuracy/.test(text),
    'the metrics of c1 in its row',
  );
  await page.mouse.move(5, 400);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(screenshots, 'history-view.png') });

  await row.locator('.label-name').click();
  const compare = visibleWebview(page);
  const title = compare.locator('[data-testid="compare-title"]');
  await title.waitFor({ timeout: timeouts.command });
  const titleText = (await title.textContent()) ?? '';
  const parent = shas.get(baseCommitSubject) ?? '';
  assert.match(
    titleText,
    new RegExp(`${parent.slice(0, 7)}.*${sha.slice(0, 7)}`),
    `compare title: ${titleText}`,
  );
  const metrics = compare.locator('[data-testid="compare-metrics"] [data-testid="compare-row"]');
  await metrics.first().waitFor({ timeout: timeouts.command });
  const metricKeys = await metrics.evaluateAll((rows) =>
    rows.map((r) => r.getAttribute('data-key')?.replace(/^.*:/, '')),
  );
  assert.ok(metricKeys.includes('accuracy'), `metrics compared: ${metricKeys.join(', ')}`);
  const changedParams = await compare
    .locator('[data-testid="compare-params"] [data-testid="compare-row"][data-changed="true"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')?.replace(/^.*:/, '')));
  assert.deepEqual(changedParams, ['train.learning_rate'], 'c1 changed only the learning rate');
  await page.mouse.move(5, 400);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(screenshots, 'history-compare.png') });
}
