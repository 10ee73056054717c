/**
 * Remote runs as a person uses them, on a REAL single-node Slurm cluster started here (and stopped, with its
 * code-server, even when a step fails): the demo with a git remote and a DVC remote, a compute target in the
 * user settings, the experiments table open, then Queue Experiment from the palette: "where?" → the
 * cluster, `train.epochs` → `5, 10` (a grid of 2), a name. Both runs show in the table as remote rows (pending,
 * running, completing), and come home as ordinary experiments with their metrics.
 *
 * The cluster's client tools need its `SLURM_CONF`: this scenario starts its own code-server with it in the
 * environment (the packaged extension from the shared extensions folder).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FrameLocator, Page } from 'playwright-core';
import { createDemoWorkspace } from '../../scripts/createDemoWorkspace';
import { startSlurmCluster } from '../helpers/slurmCluster';
import { startCodeServer } from '../runner/codeServer';
import { visibleWebview } from './experimentsScenario';
import {
  activityBarItem,
  openFolder,
  quickInputTitle,
  runCommandFromPalette,
  timeouts,
  trustIfAsked,
} from './workbench';

const run = promisify(execFile);
const TARGET = 'e2e cluster';

export interface RemoteRunsScenarioInput {
  readonly launcher: string;
  /** The extensions folder with the packaged extension installed. */
  readonly extensionsDir: string;
  readonly dvcPath: string;
  /** A temp folder of the run (removed by the caller). */
  readonly temp: string;
  /** Where screenshots go. */
  readonly screenshots: string;
  /** A new browser page (closed by `done`). */
  readonly newPage: (name: string) => Promise<Page>;
}

/** The demo, with its commit on a bare git remote and its data on a folder DVC remote (so the preflight passes). */
async function demoWithRemotes(dvcPath: string, temp: string): Promise<string> {
  const workspace = await createDemoWorkspace(join(temp, 'remote-runs-project'), { dvcPath, repro: true });
  const env = { ...process.env, DVC_NO_ANALYTICS: '1' };
  const inRepo = (file: string, args: string[]) => run(file, args, { cwd: workspace, env });
  await run('git', ['init', '-q', '--bare', '-b', 'main', join(temp, 'remote-runs-origin.git')]);
  await inRepo('git', ['config', 'user.name', 'DVC Lens E2E']);
  await inRepo('git', ['config', 'user.email', 'e2e@dvc-lens.invalid']);
  await inRepo(dvcPath, ['remote', 'add', '-d', 'store', join(temp, 'remote-runs-store')]);
  await inRepo('git', ['commit', '-q', '-m', 'DVC remote', '--', '.dvc/config']);
  await inRepo('git', ['remote', 'add', 'origin', join(temp, 'remote-runs-origin.git')]);
  await inRepo('git', ['push', '-q', 'origin', 'main']);
  await inRepo(dvcPath, ['push', '-q']);
  return workspace;
}

/** The remote rows' badges in the table: `{ text, state }` per row. */
async function remoteBadges(table: FrameLocator): Promise<Array<{ text: string; state: string }>> {
  return table.locator('.remote-run').evaluateAll((elements) =>
    elements.map((element) => ({
      text: element.textContent ?? '',
      state: /\bremote-(?!run\b)(\w+)/.exec(element.getAttribute('class') ?? '')?.[1] ?? '',
    })),
  );
}

/** Picks the row labelled `label` of the open quick pick. */
async function pickRow(page: Page, title: RegExp, label: string, many = false): Promise<void> {
  await quickInputTitle(page).filter({ hasText: title }).waitFor({ timeout: timeouts.command });
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.fill(label);
  const row = page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: label }) })
    .first();
  await row.waitFor({ state: 'visible', timeout: timeouts.ui });
  await row.click();
  if (many) {
    if ((await row.getAttribute('aria-checked')) !== 'true')
      await row.locator('input[type="checkbox"], .monaco-checkbox').first().click();
    await input.fill('');
    await page.keyboard.press('Enter');
  }
}

async function answerInput(page: Page, title: RegExp, value: string): Promise<void> {
  await quickInputTitle(page).filter({ hasText: title }).waitFor({ timeout: timeouts.ui });
  await page.locator('.quick-input-widget .quick-input-box input').fill(value);
  await page.keyboard.press('Enter');
}

export async function remoteRunsScenario(input: RemoteRunsScenarioInput): Promise<void> {
  const cluster = await startSlurmCluster({ cpus: 1 });
  let stopServer: (() => Promise<void>) | undefined;
  try {
    const workspace = await demoWithRemotes(input.dvcPath, input.temp);
    const server = await startCodeServer(input.launcher, {
      name: 'e2e-remote-runs',
      extensionsDir: input.extensionsDir,
      env: { ...cluster.env },
      settings: {
        'dvcLens.dvcPath': input.dvcPath,
        'dvcLens.computeTargets': [
          { name: TARGET, kind: 'slurm', workFolder: join(cluster.dir, 'runs'), dvcCommand: input.dvcPath },
        ],
      },
    });
    stopServer = () => server.stop();
    const page = await input.newPage('remote-runs');
    try {
      await openFolder(page, server.workbenchUrl(workspace));
      await trustIfAsked(page);
      await activityBarItem(page, 'DVC Lens').click();
      await runCommandFromPalette(page, 'DVC Lens: Show Experiments Table', timeouts.command);
      const table = visibleWebview(page);
      await table
        .locator('.row-label', { hasText: /^main$/ })
        .first()
        .waitFor({ timeout: timeouts.command });

      // Queue Experiment, as a person: where, which param, its values (two: a grid), a name.
      await runCommandFromPalette(page, 'DVC Lens: Queue Experiment');
      await pickRow(page, /Queue the experiments where\?/, TARGET);
      await pickRow(page, /which params to change\?/, 'train.epochs', true);
      await answerInput(page, /train\.epochs/, '5, 10');
      await answerInput(page, /Queue experiment: name/, 'grid');

      // Both rows show in the table with the target, their job and their state; the states move on.
      const seen = new Map<string, Set<string>>();
      let screenshotTaken = false;
      const deadline = Date.now() + 8 * 60_000;
      for (;;) {
        const badges = await remoteBadges(table).catch(() => []);
        for (const badge of badges) {
          const job = /job (\d+)/.exec(badge.text)?.[1] ?? '?';
          seen.set(job, (seen.get(job) ?? new Set()).add(badge.state));
        }
        if (!screenshotTaken && badges.length === 2 && badges.some((badge) => badge.state === 'running')) {
          await page.screenshot({ path: join(input.screenshots, 'remote-runs-table.png') });
          screenshotTaken = true;
        }
        // Home: no remote row left once both were seen.
        if (seen.size === 2 && badges.length === 0) break;
        if (Date.now() > deadline)
          assert.fail(
            `the remote runs did not come home: ${JSON.stringify([...seen].map(([job, states]) => [job, [...states]]))}`,
          );
        await page.waitForTimeout(250);
      }
      console.log(
        `# remote run states seen: ${JSON.stringify([...seen].map(([job, states]) => [job, [...states]]))}`,
      );
      for (const [job, states] of seen)
        assert.ok(states.has('pending') || states.has('running'), `job ${job} was seen pending or running`);
      assert.ok(
        [...seen.values()].some((states) => states.has('pending')),
        'with one CPU the second job waits: pending',
      );

      // Ordinary experiment rows now, with their metrics (accuracy) filled in.
      const accuracy = table.locator('[role="columnheader"]', {
        has: table.locator('.column-label', { hasText: /^accuracy$/ }),
      });
      const column = await accuracy.getAttribute('aria-colindex');
      for (const grid of ['grid-1', 'grid-2']) {
        const row = table.locator('[role="row"]', {
          has: table.locator('.row-label', { hasText: new RegExp(`^${grid}`) }),
        });
        await row.first().waitFor({ timeout: timeouts.command });
        const cell = row.first().locator(`[role="gridcell"][aria-colindex="${column}"]`);
        await cell.waitFor({ timeout: timeouts.ui });
        assert.match((await cell.textContent()) ?? '', /\d/, `${grid} shows its accuracy`);
      }
      await page.screenshot({ path: join(input.screenshots, 'remote-runs-home.png') });
    } catch (error) {
      await page
        .screenshot({ path: join(input.screenshots, 'remote-runs-failure.png') })
        .catch(() => undefined);
      throw error;
    } finally {
      await page
        .context()
        .close()
        .catch(() => undefined);
    }
  } finally {
    try {
      await stopServer?.();
    } finally {
      await cluster.stop();
    }
  }
}
