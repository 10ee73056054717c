/**
 * End-to-end tests, done as a person would: the PACKAGED extension (the .vsix from `npm run package`) is
 * installed into code-server with `code-server --install-extension`, and headless Debian Chromium, driven by
 * playwright-core, clicks through the workbench. Results print in node:test's standard format (`# pass N`,
 * `# fail N`); screenshots and logs go to test-results/e2e/ (and test-results/pipeline-tree.png, shown in the
 * README).
 *
 * Usage: node --import tsx test/e2e/runE2e.ts   (after `npm run package`)
 * Environment: DVC_LENS_VSIX (another .vsix to test), DVC_LENS_KEEP_WORKSPACE=1.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Browser, Locator, Page } from 'playwright-core';
import { createDemoWorkspace } from '../../scripts/createDemoWorkspace';
import { launchChromium, recordConsole } from '../runner/browser';
import {
  ensureCodeServer,
  ensureDvc,
  installExtension,
  removeOnInterrupt,
  repoRoot,
  startCodeServer,
  testResultsRoot,
  type CodeServer,
} from '../runner/codeServer';
import { checkCompareView, experimentsTableScenario, makeDemoExperiments } from './experimentsScenario';
import { checkLinePlot, exportSvg, plotTwoExperiments, toggleLogScale } from './plotsScenario';
import { addLiveTraining, livePlotsScenario, stopLiveTraining } from './livePlotsScenario';
import {
  addParallelPlot,
  brushAccuracyWithMouse,
  checkParallelLines,
  clearAndBrushWithKeyboard,
} from './customPlotsScenario';
import { historyViewScenario, makeHistoryCommits, paramAnnotationScenario } from './historyScenario';
import { remoteRunsScenario } from './remoteRunsScenario';
import { prepareRegistryProject, registryScenario } from './registryScenario';
import { plotSelectionScenario } from './plotSelectionScenario';
import { runHistoryScenario } from './runHistoryScenario';
import { sideBySide, tableParityScenario } from './tableParityScenario';
import { modifyAndRunScenario } from './modifyScenario';
import { freshCloneScenario } from './freshCloneScenario';
import { makeFreshCloneFixture } from '../helpers/freshCloneFixture';
import {
  activityBarItem,
  notification,
  openFolder,
  quickInputTitle,
  runCommandFromPalette,
  pickContextMenuItem,
  sideBarTreeRow,
  timeouts,
  trustIfAsked,
} from './workbench';

const run = promisify(execFile);
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  publisher: string;
};
const vsix = process.env.DVC_LENS_VSIX ?? join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
const e2eDir = join(testResultsRoot, 'e2e');

let temp: string;
let forgetTemp: (() => void) | undefined;
let server: CodeServer | undefined;
let browser: Browser | undefined;

/**
 * Installs the .vsix the way a user does. Should `--install-extension` ever fail offline, the package is
 * unpacked into `<extensions-dir>/<publisher>.<name>-<version>` instead (code-server loads such folders), and
 * the log says so.
 */
async function installPackagedExtension(launcher: string, extensionsDir: string): Promise<string> {
  const installed = (): string | undefined =>
    readdirSync(extensionsDir).find((entry) => entry.startsWith(`${manifest.publisher}.${manifest.name}-`));
  try {
    await installExtension(launcher, vsix, extensionsDir, join(e2eDir, 'install-extension.log'));
    const folder = installed();
    if (folder) return `installed ${basename(vsix)} with code-server --install-extension (${folder})`;
    throw new Error('code-server --install-extension reported no error but installed nothing');
  } catch (error) {
    const folder = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
    await run('python3', [
      '-c',
      [
        'import sys, zipfile, os',
        'z = zipfile.ZipFile(sys.argv[1])',
        'for n in z.namelist():',
        '    if n.startswith("extension/") and not n.endswith("/"):',
        '        p = os.path.join(sys.argv[2], n[len("extension/"):]); os.makedirs(os.path.dirname(p), exist_ok=True)',
        '        open(p, "wb").write(z.read(n))',
      ].join('\n'),
      vsix,
      folder,
    ]);
    return `--install-extension failed (${error instanceof Error ? error.message : String(error)}); unpacked ${basename(vsix)} into ${folder}`;
  }
}

async function newPage(name: string): Promise<Page> {
  const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
  recordConsole(page, join(e2eDir, `${name}.browser-console.log`));
  return page;
}

/** Runs a test body; on failure keeps a screenshot of what the page showed. */
async function withFailureScreenshot(page: Page, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    await page.screenshot({ path: join(e2eDir, `${name}-failure.png`) }).catch(() => undefined);
    throw error;
  } finally {
    await page
      .context()
      .close()
      .catch(() => undefined);
  }
}

/**
 * The decoration badge a row shows (the letter VS Code paints after the label, from a CSS ::after rule), or ''
 * without one; waits until `accept` takes it.
 */
async function waitForBadge(page: Page, row: Locator, accept: (badge: string) => boolean): Promise<string> {
  const deadline = Date.now() + timeouts.command;
  let badge = '';
  for (;;) {
    badge = await row.evaluate((element) => {
      for (const node of [element, ...Array.from(element.querySelectorAll('*'))]) {
        const content = getComputedStyle(node, '::after').content;
        const letter = /^"([A-Z])"$/.exec(content)?.[1];
        if (letter) return letter;
      }
      return '';
    });
    if (accept(badge) || Date.now() > deadline) return badge;
    await page.waitForTimeout(500);
  }
}

void describe('DVC Lens, packaged, in code-server', () => {
  let dvcPath: string;
  let launcherPath: string;
  let extensionsPath: string;

  before(
    async () => {
      assert.ok(existsSync(vsix), `${vsix} is missing: run \`npm run package\` first`);
      const [launcher, dvc] = await Promise.all([ensureCodeServer(), ensureDvc()]);
      dvcPath = dvc;
      launcherPath = launcher;
      temp = await mkdtemp(join(tmpdir(), 'dvc-lens-e2e-'));
      forgetTemp = removeOnInterrupt(temp);
      const extensionsDir = join(temp, 'extensions');
      extensionsPath = extensionsDir;
      await mkdir(extensionsDir, { recursive: true });
      await mkdir(e2eDir, { recursive: true });
      console.log(`# ${await installPackagedExtension(launcher, extensionsDir)}`);
      server = await startCodeServer(launcher, {
        name: 'e2e',
        extensionsDir,
        // Trust stays on, as for a person: each new folder asks, and the tests answer.
        settings: { 'dvcLens.dvcPath': dvcPath },
      });
      browser = await launchChromium();
    },
    { timeout: 15 * 60_000 },
  );

  after(
    async () => {
      await browser?.close().catch(() => undefined);
      await server?.stop();
      forgetTemp?.();
      if (temp && process.env.DVC_LENS_KEEP_WORKSPACE !== '1')
        await rm(temp, { recursive: true, force: true });
    },
    { timeout: 60_000 },
  );

  void it('shows the demo pipeline stages in the DVC Lens view', { timeout: 5 * 60_000 }, async () => {
    const workspace = await createDemoWorkspace(join(temp, 'demo-project'), { dvcPath, repro: true });
    const page = await newPage('pipeline-tree');
    await withFailureScreenshot(page, 'pipeline-tree', async () => {
      await openFolder(page, server!.workbenchUrl(workspace));
      if (await trustIfAsked(page))
        console.log('# answered the workspace-trust prompt: trusted the demo project');
      const icon = activityBarItem(page, 'DVC Lens');
      await icon.waitFor({ state: 'visible', timeout: timeouts.ui });
      await icon.click();
      // The container's title bar names it (its only view's header is folded into it).
      await page
        .locator('#workbench\\.parts\\.sidebar .composite.title', { hasText: /DVC Lens/i })
        .first()
        .waitFor({ state: 'visible', timeout: timeouts.ui });
      for (const stage of ['prepare', 'train', 'evaluate']) {
        await sideBarTreeRow(page, stage).first().waitFor({ state: 'visible', timeout: timeouts.ui });
      }
      // The chevron unfolds a stage into its command, deps, outs, params...; clicking the stage opens
      // dvc.yaml at it. A click that lands while the view re-renders (DVC found, tree refreshed) may only
      // select the row: click again, as a person would.
      const train = sideBarTreeRow(page, 'train').first();
      const outputs = sideBarTreeRow(page, 'Outputs').first();
      await train.locator('.monaco-tl-twistie').click();
      await outputs.waitFor({ state: 'visible', timeout: timeouts.ui });
      const dvcYamlTab = page.locator('.tabs-container .tab', { hasText: 'dvc.yaml' }).first();
      for (let attempt = 1; !(await dvcYamlTab.isVisible()); attempt++) {
        await train.locator('.label-name').click();
        const opened = await dvcYamlTab
          .waitFor({ state: 'visible', timeout: 10_000 })
          .then(() => true)
          .catch(() => false);
        if (!opened && attempt >= 4) assert.fail('clicking the train stage did not open dvc.yaml');
      }
      if (!(await outputs.isVisible())) await train.locator('.monaco-tl-twistie').click();
      await outputs.waitFor({ state: 'visible', timeout: timeouts.ui });
      // Let decorations and icons settle, and move the pointer off the icon's hover, before the picture the
      // README shows.
      await page.mouse.move(800, 600);
      await page.waitForTimeout(1_500);
      await page.screenshot({ path: join(testResultsRoot, 'pipeline-tree.png') });
      await page.screenshot({ path: join(e2eDir, 'pipeline-tree.png') });
    });
  });

  void it(
    'flags a changed stage in the tree and the DAG, runs it from its CodeLens, and shows a failed stage',
    { timeout: 8 * 60_000 },
    async () => {
      const workspace = await createDemoWorkspace(join(temp, 'status-project'), { dvcPath, repro: true });
      // A stage that always fails, downstream of evaluate, so the DAG can show a failed run next to a changed stage.
      const dvcYamlPath = join(workspace, 'dvc.yaml');
      const pipelineText = await readFile(dvcYamlPath, 'utf8');
      await writeFile(
        dvcYamlPath,
        pipelineText.replace(
          '\nplots:',
          '\n  publish:\n    cmd: echo "no registry configured" && exit 3\n    deps:\n      - metrics.json\nplots:',
        ),
      );
      const page = await newPage('stage-status');
      await withFailureScreenshot(page, 'stage-status', async () => {
        await openFolder(page, server!.workbenchUrl(workspace));
        await trustIfAsked(page);
        await activityBarItem(page, 'DVC Lens').click();
        const trainRow = sideBarTreeRow(page, 'train').first();
        await trainRow
          .locator('.label-description', { hasText: /^up to date/ })
          .waitFor({ timeout: timeouts.command });

        // Edit a param of train: the tree flags it as changed.
        const paramsPath = join(workspace, 'params.yaml');
        await writeFile(paramsPath, (await readFile(paramsPath, 'utf8')).replace('epochs: 40', 'epochs: 42'));
        await trainRow
          .locator('.label-description', { hasText: /^changed/ })
          .waitFor({ timeout: timeouts.command });

        // The DAG shows the same.
        await runCommandFromPalette(page, 'DVC Lens: Show Pipeline DAG');
        const dag = page.frameLocator('iframe.webview').frameLocator('#active-frame');
        const trainNode = dag.locator('g.node[aria-label^="train,"]');
        await trainNode.waitFor({ timeout: timeouts.ui });
        assert.match((await trainNode.getAttribute('class')) ?? '', /status-changed/);

        // Run train from its CodeLens in dvc.yaml, then see it up to date again.
        await trainRow.locator('.label-name').click();
        const lensLines = page.locator('.contentWidgets .codelens-decoration');
        await lensLines.first().waitFor({ timeout: timeouts.ui });
        const texts = await lensLines.allTextContents();
        const trainLens = texts.findIndex((text) => /changed/.test(text) && /Run downstream/.test(text));
        assert.ok(trainLens >= 0, `a lens line for the changed stage: ${texts.join(' | ')}`);
        await lensLines.nth(trainLens).locator('a', { hasText: /Run$/ }).first().click();
        await trainRow
          .locator('.label-description', { hasText: /^up to date/ })
          .waitFor({ timeout: 3 * 60_000 });

        // A failing stage is marked failed in the tree and the DAG; a param change makes train changed again.
        await writeFile(paramsPath, (await readFile(paramsPath, 'utf8')).replace('epochs: 42', 'epochs: 43'));
        await trainRow
          .locator('.label-description', { hasText: /^changed/ })
          .waitFor({ timeout: timeouts.command });
        await runCommandFromPalette(page, 'DVC Lens: Run Stage Only');
        await quickInputTitle(page).filter({ hasText: 'Which stage?' }).waitFor({ timeout: timeouts.ui });
        await page.keyboard.type('publish');
        await page.keyboard.press('Enter');
        await sideBarTreeRow(page, 'publish')
          .first()
          .locator('.label-description', { hasText: /^failed/ })
          .waitFor({ timeout: 3 * 60_000 });
        await runCommandFromPalette(page, 'DVC Lens: Show Pipeline DAG');
        await dag.locator('g.node.run-failed[aria-label^="publish,"]').waitFor({ timeout: timeouts.ui });
        await dag.locator('g.node.status-changed[aria-label^="train,"]').waitFor({ timeout: timeouts.ui });
        // Room for the whole graph: hide the terminal panel and fit the graph to the view.
        await page.keyboard.press('Control+j');
        await dag.getByRole('button', { name: 'Fit' }).click();
        await page.mouse.move(5, 400);
        await page.waitForTimeout(1_000);
        await page.screenshot({ path: join(e2eDir, 'dag-failed-and-changed.png') });
        await page.screenshot({ path: join(testResultsRoot, 'dag.png') });
      });
    },
  );

  void it(
    'tracks a new file from the Explorer, shows its status as a decoration, commits and pushes it',
    { timeout: 8 * 60_000 },
    async () => {
      const workspace = await createDemoWorkspace(join(temp, 'data-project'), { dvcPath, repro: false });
      // A default remote in a folder beside the project, and the Data view asking it what it lacks.
      const remote = join(temp, 'data-project-remote');
      await mkdir(remote, { recursive: true });
      await run(dvcPath, ['remote', 'add', '-d', 'store', remote], { cwd: workspace });
      await run(dvcPath, ['push', '-q'], { cwd: workspace });
      await mkdir(join(workspace, '.vscode'), { recursive: true });
      await writeFile(
        join(workspace, '.vscode', 'settings.json'),
        JSON.stringify({ 'dvcLens.data.checkRemote': true }),
      );
      await writeFile(join(workspace, 'data', 'extra.csv'), 'id,value\n1,0.5\n2,0.25\n');
      const page = await newPage('data-track-push');
      await withFailureScreenshot(page, 'data-track-push', async () => {
        await openFolder(page, server!.workbenchUrl(workspace));
        await trustIfAsked(page);
        // The palette, not the activity-bar icon: clicking the icon of the view already shown closes the side bar.
        await runCommandFromPalette(page, 'View: Show Explorer');
        const dataFolder = sideBarTreeRow(page, 'data').first();
        await dataFolder.waitFor({ timeout: timeouts.ui });
        const extra = sideBarTreeRow(page, 'extra.csv').first();
        if (!(await extra.isVisible())) await dataFolder.click();
        await extra.waitFor({ timeout: timeouts.ui });

        // Right-click, "Track with DVC": DVC writes extra.csv.dvc, which git stages.
        await pickContextMenuItem(page, extra, 'Track with DVC');
        await sideBarTreeRow(page, 'extra.csv.dvc').first().waitFor({ timeout: timeouts.command });
        assert.equal(
          await waitForBadge(page, extra, (badge) => badge === 'S'),
          'S',
          'recorded by DVC, not committed to git',
        );
        const tracked = await readFile(join(workspace, 'data', 'extra.csv.dvc'), 'utf8');
        assert.match(tracked, /path: extra\.csv/);
        await page.mouse.move(5, 400);
        await page.screenshot({ path: join(e2eDir, 'data-tracked.png') });

        // Commit the metadata: now only the remote lacks it.
        await runCommandFromPalette(page, 'DVC Lens: Commit Data Changes');
        await page.locator('.quick-input-widget .quick-input-box input').waitFor({ timeout: timeouts.ui });
        await page.keyboard.press('Enter');
        await notification(page, /DVC Lens: committed/)
          .first()
          .waitFor({ timeout: timeouts.command });
        assert.equal(await waitForBadge(page, extra, (badge) => badge === 'R'), 'R', 'not in the remote');

        // Push: the summary names the remote, and the badge goes.
        await runCommandFromPalette(page, 'DVC Lens: Push');
        await notification(page, /Pushed \d+ files? to 'store'/)
          .first()
          .waitFor({ timeout: timeouts.command });
        assert.equal(await waitForBadge(page, extra, (badge) => badge === ''), '', 'in sync with the remote');
        const log = await run('git', ['log', '--format=%s', '-1'], { cwd: workspace });
        assert.match(log.stdout, /extra\.csv\.dvc/);

        // The Data view of the DVC Lens container lists it with its size.
        await activityBarItem(page, 'DVC Lens').click();
        await page
          .locator('#workbench\\.parts\\.sidebar .monaco-list-row', { hasText: 'extra.csv' })
          .first()
          .waitFor({ timeout: timeouts.ui });
        // ...and the Remotes view its default remote.
        await sideBarTreeRow(page, 'store').first().waitFor({ timeout: timeouts.ui });
        await page.mouse.move(5, 400);
        await page.waitForTimeout(1_000);
        await page.screenshot({ path: join(e2eDir, 'data-pushed.png') });
        await page.screenshot({ path: join(testResultsRoot, 'data.png') });
      });
    },
  );

  void it(
    'sorts the experiments table by a metric, shows deltas to a baseline, and compares two experiments',
    { timeout: 8 * 60_000 },
    async () => {
      const workspace = await createDemoWorkspace(join(temp, 'experiments-project'), {
        dvcPath,
        repro: true,
      });
      await makeDemoExperiments(dvcPath, workspace);
      const page = await newPage('experiments-table');
      await withFailureScreenshot(page, 'experiments-table', async () => {
        await openFolder(page, server!.workbenchUrl(workspace));
        await trustIfAsked(page);
        const compare = await experimentsTableScenario(page, e2eDir);
        await checkCompareView(page, compare);
        await page.mouse.move(5, 400);
        await page.waitForTimeout(1_000);
        await page.screenshot({ path: join(e2eDir, 'experiments-compare.png') });
      });
    },
  );

  void it(
    'experiments table like the editor: codicon toolbar by keyboard, short shas, a starred row and the Starred filter',
    { timeout: 8 * 60_000 },
    async () => {
      const workspace = await createDemoWorkspace(join(temp, 'table-parity-project'), {
        dvcPath,
        repro: true,
      });
      await makeDemoExperiments(dvcPath, workspace);
      const page = await newPage('experiments-table-parity');
      await withFailureScreenshot(page, 'experiments-table-parity', async () => {
        await openFolder(page, server!.workbenchUrl(workspace));
        await trustIfAsked(page);
        await tableParityScenario(page, e2eDir);
      });
      await sideBySide(
        browser!,
        e2eDir,
        join(repoRoot, 'media', 'screenshots', 'experiments-table-before.png'),
      );
    },
  );

  void it(
    'modify and run: right-click an experiment, change one param from its values, run it',
    { timeout: 8 * 60_000 },
    async () => {
      const workspace = await createDemoWorkspace(join(temp, 'modify-project'), { dvcPath, repro: true });
      await makeDemoExperiments(dvcPath, workspace);
      const page = await newPage('modify-and-run');
      await withFailureScreenshot(page, 'modify-and-run', async () => {
        await openFolder(page, server!.workbenchUrl(workspace));
        await trustIfAsked(page);
        await modifyAndRunScenario(page, dvcPath, workspace, join(e2eDir, 'modify-and-run-picker.png'));
      });
    },
  );

  void it(
    'plots two experiments from the table: coloured lines, log scale, SVG export',
    { timeout: 8 * 60_000 },
    async () => {
      const workspace = await createDemoWorkspace(join(temp, 'plots-project'), { dvcPath, repro: true });
      await makeDemoExperiments(dvcPath, workspace);
      const page = await newPage('plots-dashboard');
      await withFailureScreenshot(page, 'plots-dashboard', async () => {
        await openFolder(page, server!.workbenchUrl(workspace));
        await trustIfAsked(page);
        const plots = await plotTwoExperiments(page);
        const card = await checkLinePlot(plots);
        // Room for the charts in the pictures: hide the side bar (the page, not the webview, takes the keys).
        await page.locator('.monaco-workbench').first().press('Control+b');
        await card.scrollIntoViewIfNeeded();
        await page.mouse.move(5, 400);
        await page.waitForTimeout(500);
        await page.screenshot({ path: join(e2eDir, 'plots-dashboard.png') });
        await toggleLogScale(card);
        await page.mouse.move(5, 400);
        await page.waitForTimeout(500);
        await page.screenshot({ path: join(e2eDir, 'plots-log-scale.png') });
        await exportSvg(page, plots, card, join(workspace, 'exported-training-loss.svg'));
      });
    },
  );

  void it(
    'plot selection: Alt+Up and a drag reorder the dashboard, Hide hides a plot',
    { timeout: 8 * 60_000 },
    async () => {
      const workspace = await createDemoWorkspace(join(temp, 'plot-selection-project'), {
        dvcPath,
        repro: true,
      });
      const page = await newPage('plots-selection');
      await withFailureScreenshot(page, 'plots-selection', async () => {
        await openFolder(page, server!.workbenchUrl(workspace));
        await trustIfAsked(page);
        // Room for the cards: hide the side bar (the page, not the webview, takes the keys).
        await page.locator('.monaco-workbench').first().press('Control+b');
        await plotSelectionScenario(page, async (name) => {
          await page.waitForTimeout(500);
          await page.screenshot({ path: join(e2eDir, `${name}.png`) });
        });
      });
    },
  );

  void it(
    'run history: a pipeline run listed with its stages on a timeline, a stage row opens the log',
    { timeout: 8 * 60_000 },
    async () => {
      const workspace = await createDemoWorkspace(join(temp, 'run-history-project'), {
        dvcPath,
        repro: false,
      });
      const page = await newPage('run-history');
      await withFailureScreenshot(page, 'run-history', async () => {
        await openFolder(page, server!.workbenchUrl(workspace));
        await trustIfAsked(page);
        await runHistoryScenario(page, async (name) => {
          await page.waitForTimeout(500);
          await page.screenshot({ path: join(e2eDir, `${name}.png`) });
        });
      });
    },
  );

  void it(
    'live plots: a DVCLive training run started from DVC Lens grows its chart step by step',
    { timeout: 8 * 60_000 },
    async () => {
      const workspace = await createDemoWorkspace(join(temp, 'live-plots-project'), { dvcPath, repro: true });
      await addLiveTraining(dvcPath, workspace);
      const page = await newPage('plots-live');
      try {
        await withFailureScreenshot(page, 'plots-live', async () => {
          await openFolder(page, server!.workbenchUrl(workspace));
          await trustIfAsked(page);
          // Room for the charts: hide the side bar (the page, not the webview, takes the keys).
          await page.locator('.monaco-workbench').first().press('Control+b');
          await livePlotsScenario(page, workspace, e2eDir);
        });
      } catch (error) {
        await stopLiveTraining(workspace);
        throw error;
      }
    },
  );

  void it(
    'custom plots: parallel coordinates from the dashboard, a line per experiment, brushed with mouse and keyboard',
    { timeout: 8 * 60_000 },
    async () => {
      const workspace = await createDemoWorkspace(join(temp, 'custom-plots-project'), {
        dvcPath,
        repro: true,
      });
      await makeDemoExperiments(dvcPath, workspace);
      const page = await newPage('plots-custom');
      await withFailureScreenshot(page, 'plots-custom', async () => {
        await openFolder(page, server!.workbenchUrl(workspace));
        await trustIfAsked(page);
        const { plots, card } = await addParallelPlot(page);
        await checkParallelLines(plots, card, dvcPath, workspace);
        // Room for the chart: hide the side bar before reading the axes' positions for the drag.
        await page.locator('.monaco-workbench').first().press('Control+b');
        await card.scrollIntoViewIfNeeded();
        await page.waitForTimeout(500);
        await brushAccuracyWithMouse(page, card);
        await page.mouse.move(5, 400);
        await page.waitForTimeout(500);
        await page.screenshot({ path: join(e2eDir, 'plots-custom.png') });
        await page.screenshot({ path: join(repoRoot, 'media', 'screenshots', 'plots-custom.png') });
        await clearAndBrushWithKeyboard(card);
      });
    },
  );

  void it(
    'history: param blame annotation and hover in params.yaml, History view click opens the comparison',
    { timeout: 8 * 60_000 },
    async () => {
      const workspace = await createDemoWorkspace(join(temp, 'history-project'), { dvcPath, repro: true });
      const shas = await makeHistoryCommits(dvcPath, workspace);
      const page = await newPage('history');
      await withFailureScreenshot(page, 'history', async () => {
        await openFolder(page, server!.workbenchUrl(workspace));
        await trustIfAsked(page);
        await paramAnnotationScenario(page, shas, e2eDir);
        await historyViewScenario(page, shas, e2eDir);
      });
    },
  );

  void it(
    'model registry: register a version and assign prod from the palette; badges and the manifest commit',
    { timeout: 8 * 60_000 },
    async () => {
      const workspace = await createDemoWorkspace(join(temp, 'registry-project'), { dvcPath, repro: true });
      await prepareRegistryProject(workspace);
      const page = await newPage('registry');
      await withFailureScreenshot(page, 'registry', async () => {
        await openFolder(page, server!.workbenchUrl(workspace));
        await trustIfAsked(page);
        await activityBarItem(page, 'DVC Lens').click();
        await registryScenario(page, workspace, e2eDir);
      });
    },
  );

  void it(
    'a fresh clone with its data not pulled and its remote out of reach: every view a state and an action, then Pull',
    { timeout: 6 * 60_000 },
    async () => {
      // Inside temp: the suite's after() removes it with the rest.
      const fixture = await makeFreshCloneFixture({ dvcPath, base: join(temp, 'fresh-clone') });
      const page = await newPage('fresh-clone');
      const started = Date.now();
      await withFailureScreenshot(page, 'fresh-clone', async () => {
        await openFolder(page, server!.workbenchUrl(fixture.root));
        await trustIfAsked(page);
        await freshCloneScenario(page, fixture, e2eDir);
      });
      console.log(`# fresh-clone scenario: ${((Date.now() - started) / 1000).toFixed(1)} s in code-server`);
    },
  );

  void it(
    'initializes git and DVC in an empty folder from the command palette',
    { timeout: 5 * 60_000 },
    async () => {
      const folder = join(temp, 'empty-project');
      await mkdir(folder, { recursive: true });
      const page = await newPage('initialize-project');
      await withFailureScreenshot(page, 'initialize-project', async () => {
        await openFolder(page, server!.workbenchUrl(folder));
        if (await trustIfAsked(page))
          console.log('# answered the workspace-trust prompt: trusted the empty folder');
        await runCommandFromPalette(page, 'DVC Lens: Initialize Project');
        await quickInputTitle(page)
          // "<folder>" is the folder's name or its path.
          .filter({ hasText: new RegExp(`Initialize DVC project in (.*/)?${basename(folder)}\\b`) })
          .waitFor({ state: 'visible', timeout: timeouts.ui });
        await page.screenshot({ path: join(e2eDir, 'initialize-options.png') });
        await page.keyboard.press('Enter'); // nothing picked: just initialize
        await notification(page, /DVC Lens: initialized/)
          .first()
          .waitFor({ state: 'visible', timeout: timeouts.command });
        await page.screenshot({ path: join(e2eDir, 'initialize-done.png') });
        assert.ok(existsSync(join(folder, '.git')), 'no .git in the folder after Initialize Project');
        assert.ok(existsSync(join(folder, '.dvc')), 'no .dvc in the folder after Initialize Project');
      });
    },
  );

  void it(
    'queues a grid of 2 on a Slurm compute target from the UI; both come home with their metrics in the table',
    { timeout: 12 * 60_000 },
    () =>
      remoteRunsScenario({
        launcher: launcherPath,
        extensionsDir: extensionsPath,
        dvcPath,
        temp,
        screenshots: e2eDir,
        newPage,
      }),
  );
});
