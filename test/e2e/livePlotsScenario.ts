/**
 * Live plots, as a person sees them: the demo gets a short training loop logged with the real DVCLive (a
 * stage `live_train`, run with the cached venv's python), the plots dashboard is open, the stage is started
 * from the command palette (DVC Lens: Run Stage Only), and the DVCLive loss chart's point count grows on the
 * page while the run goes on, without redrawing the demo's plots that did not change. The images the loop
 * writes per step show as one card with a step slider. Every wait is bounded; on failure the loop's process
 * (its PID file) is killed.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { parseDocument } from 'yaml';
import { visibleWebview } from './experimentsScenario';
import { quickInputTitle, runCommandFromPalette, timeouts } from './workbench';

const run = promisify(execFile);

export const LIVE_STEPS = 12;
/** Seconds between steps: DVC answers `plots diff` in about a second, so each step gets its own refresh. */
const STEP_PAUSE_S = 1.5;
export const LIVE_LOSS_PLOT = 'dvclive/plots/metrics/loss.tsv';
const LIVE_IMAGES = 'live_images/sample';
const PID_FILE = 'live_train.pid';
const gitIdentity = ['-c', 'user.name=DVC Lens E2E', '-c', 'user.email=e2e@dvc-lens.invalid'];

/**
 * The training loop: DVCLive logs loss and accuracy per step (and signals each step to editors); a tiny PNG
 * per step, written with the standard library (no Pillow in the venv), goes to live_images/sample/<step>.png.
 */
const trainingScript = `"""Live-plots e2e: a short training loop logged with DVCLive, one step every few seconds."""
import os
import struct
import sys
import time
import zlib
from pathlib import Path

from dvclive import Live


def png(path, shade):
    rows = b"".join(b"\\x00" + bytes([shade, 255 - shade, 128]) * 8 for _ in range(8))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


Path("${PID_FILE}").write_text(str(os.getpid()))
steps, pause = int(sys.argv[1]), float(sys.argv[2])
with Live(save_dvc_exp=False) as live:
    for step in range(steps):
        live.log_metric("loss", round(1.0 / (step + 1), 4))
        live.log_metric("accuracy", round(step / steps, 4))
        png(Path("${LIVE_IMAGES}") / f"{step}.png", (step * 40) % 256)
        live.next_step()
        time.sleep(pause)
`;

/** Adds the loop and its stage to a demo workspace (committed, so the stage is what DVC Lens lists). */
export async function addLiveTraining(dvcPath: string, workspace: string): Promise<void> {
  await writeFile(join(workspace, 'src', 'live_train.py'), trainingScript);
  const file = join(workspace, 'dvc.yaml');
  const document = parseDocument(await readFile(file, 'utf8'));
  const python = join(dirname(dvcPath), 'python');
  document.setIn(['stages', 'live_train'], {
    desc: 'A short training loop logged with DVCLive, a step at a time.',
    cmd: `${python} src/live_train.py ${LIVE_STEPS} ${STEP_PAUSE_S}`,
    deps: ['src/live_train.py'],
    plots: [{ live_images: { cache: false } }],
  });
  await writeFile(file, document.toString());
  await writeFile(join(workspace, '.gitignore'), `${PID_FILE}\n`, { flag: 'a' });
  const inRepo = { cwd: workspace };
  await run('git', ['add', '-A'], inRepo);
  await run('git', [...gitIdentity, 'commit', '-q', '-m', 'A training loop logged with DVCLive'], inRepo);
}

/** Kills the loop if it still runs (after a failure): by the PID it wrote, nothing broader. */
export async function stopLiveTraining(workspace: string): Promise<void> {
  const pid = Number((await readFile(join(workspace, PID_FILE), 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGTERM');
    console.log(`# stopped the training loop (pid ${pid})`);
  } catch {
    // Already finished.
  }
}

interface CardState {
  readonly renders: number;
  readonly points: number;
  /** Points on the drawn loss line, counted from its SVG path (`M` + one `L` per further point). */
  readonly linePoints: number;
}

async function cardState(card: Locator): Promise<CardState | undefined> {
  if ((await card.count()) === 0) return undefined;
  return card.first().evaluate((element) => {
    const path = element.querySelector('.plot-chart svg g.mark-line path')?.getAttribute('d') ?? '';
    return {
      renders: Number(element.getAttribute('data-renders') ?? '0'),
      points: Number(element.getAttribute('data-points') ?? '0'),
      linePoints: (path.match(/[ML]/g) ?? []).length,
    };
  });
}

function card(plots: FrameLocator, id: string): Locator {
  return plots.locator(`.plot-card[data-plot-id="${id}"]`);
}

/** Opens the dashboard, starts the stage from the palette, and reads the loss chart while the loop runs. */
export async function livePlotsScenario(page: Page, workspace: string, screenshots: string): Promise<void> {
  await runCommandFromPalette(page, 'DVC Lens: Show Plots');
  const plots = visibleWebview(page);
  // Small charts: the demo's plots and DVCLive's fit in view (only charts in view are drawn).
  await plots.getByRole('combobox', { name: 'Plot size' }).selectOption('small');
  const demoLoss = card(plots, 'plots/training_loss.csv');
  await demoLoss.scrollIntoViewIfNeeded({ timeout: timeouts.command });
  await demoLoss.locator('.plot-chart svg').waitFor({ timeout: timeouts.command });
  const demoBefore = await cardState(demoLoss);

  await runCommandFromPalette(page, 'DVC Lens: Run Stage Only');
  await quickInputTitle(page).filter({ hasText: 'Which stage?' }).waitFor({ timeout: timeouts.ui });
  await page.keyboard.type('live_train', { delay: 10 });
  await page.keyboard.press('Enter');

  // Distinct point counts as the page draws them, each below the run's last step: growth during the run.
  const seen: CardState[] = [];
  const deadline = Date.now() + timeouts.command;
  const liveLoss = card(plots, LIVE_LOSS_PLOT);
  while (seen.length < 3) {
    if (Date.now() > deadline)
      assert.fail(`the live loss chart did not grow twice during the run: ${JSON.stringify(seen)}`);
    // The run's terminal takes the lower half of the window: scroll the chart into view, as a person would
    // (only charts in view are drawn).
    if (seen.length === 0 && (await liveLoss.count()) > 0) await liveLoss.scrollIntoViewIfNeeded();
    const state = await cardState(liveLoss);
    const last = seen[seen.length - 1];
    // From two points on: a line through a single point draws no vertex.
    if (state && state.points > 1 && state.points < LIVE_STEPS && state.points > (last?.points ?? 0)) {
      assert.equal(state.linePoints, state.points, 'the drawn line has a vertex per data row');
      seen.push(state);
      console.log(`# live loss chart: ${state.points} point(s), render ${state.renders}`);
    }
    await page.waitForTimeout(200);
  }
  await page.screenshot({ path: join(screenshots, 'plots-live-running.png') });

  const final = await waitForState(liveLoss, (state) => state.points === LIVE_STEPS, 'every step drawn');
  assert.ok(final.renders >= 3, `the live chart was redrawn per step (${final.renders} renders)`);
  assert.equal(final.linePoints, LIVE_STEPS);
  const demoAfter = await cardState(demoLoss);
  assert.equal(demoAfter?.renders, demoBefore?.renders, 'the demo loss chart (unchanged) was not redrawn');

  await checkImageSteps(plots);
  await checkFullScreenByKeyboard(page, liveLoss, screenshots);
  await page.screenshot({ path: join(screenshots, 'plots-live-done.png') });
}

async function waitForState(
  target: Locator,
  accept: (state: CardState) => boolean,
  what: string,
): Promise<CardState> {
  const deadline = Date.now() + timeouts.command;
  for (;;) {
    const state = await cardState(target);
    if (state && accept(state)) return state;
    if (Date.now() > deadline) assert.fail(`timed out waiting: ${what} (last: ${JSON.stringify(state)})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The per-step images: one card, a slider that the keyboard moves from the newest step to the first. */
async function checkImageSteps(plots: FrameLocator): Promise<void> {
  const images = card(plots, LIVE_IMAGES);
  await images.waitFor({ timeout: timeouts.ui });
  await images.scrollIntoViewIfNeeded();
  const slider = images.getByRole('slider');
  const stepOf = async (): Promise<string | null> => images.getAttribute('data-step');
  // The loss chart reads its TSV at once; images come with DVC's next `plots diff`, a moment later.
  const newest = String(LIVE_STEPS - 1);
  const deadline = Date.now() + timeouts.command;
  while ((await stepOf()) !== newest) {
    if (Date.now() > deadline) assert.equal(await stepOf(), newest, 'the card shows the newest step');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await slider.focus();
  await slider.press('Home');
  assert.equal(await stepOf(), '0');
  await slider.press('ArrowRight');
  assert.equal(await stepOf(), '1');
  assert.match((await slider.getAttribute('aria-valuetext')) ?? '', /step 1 \(2 of 12\)/);
  await images.locator('img').first().waitFor({ state: 'attached', timeout: timeouts.ui });
}

/** Full screen from the keyboard: Enter on the card's button fills the panel, Escape leaves. */
async function checkFullScreenByKeyboard(page: Page, target: Locator, screenshots: string): Promise<void> {
  const button = target.getByRole('button', { name: /^Full screen/ });
  const fullScreen = async (): Promise<boolean> =>
    /\bfull-screen\b/.test((await target.getAttribute('class')) ?? '');
  await button.focus();
  await button.press('Enter');
  await until(fullScreen, 'the card fills the panel');
  await page.screenshot({ path: join(screenshots, 'plots-live-full-screen.png') });
  await button.press('Escape');
  await until(async () => !(await fullScreen()), 'Escape leaves full screen');
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + timeouts.ui;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
