/**
 * The report against real DVC: the shared builder and the headless `npm run report` write the same markdown,
 * and the plots' diff becomes an SVG file per plot beside the report, rendered by vega in Node.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { buildDvcReport, plotsFolderFor } from '../../src/report/dvcReport';
import { renderVegaLiteSvg } from '../../src/report/vegaSvg';
import { dvc, makeDemoRepo, pinnedDvcPath, testEnv } from '../helpers/dvcEnvironment';
import { recordingDvcCli } from './cliFixtures';

const run = promisify(execFile);
const projectRoot = resolve(__dirname, '..', '..');

/** Every element opened is closed, in order: the file is well-formed XML as far as tags go. */
function assertBalancedTags(svg: string, name: string): void {
  const open: string[] = [];
  for (const match of svg.matchAll(/<(\/?)([A-Za-z][\w:-]*)[^>]*?(\/?)>/g)) {
    const [, closing, tag = '', selfClosing] = match;
    if (selfClosing) continue;
    if (!closing) open.push(tag);
    else assert.equal(open.pop(), tag, `${name}: </${tag}> closes what it should`);
  }
  assert.deepEqual(open, [], `${name}: every element is closed`);
}

void describe('metrics report with real DVC', () => {
  let repo: { dir: string; cleanup: () => Promise<void> };

  before(async () => {
    repo = await makeDemoRepo({ repro: true });
    const paramsPath = join(repo.dir, 'params.yaml');
    const params = await readFile(paramsPath, 'utf8');
    await writeFile(
      paramsPath,
      params.replace('learning_rate: 0.5', 'learning_rate: 0.1').replace('epochs: 40', 'epochs: 20'),
    );
    await dvc(repo.dir, ['repro', '-q']);
  });
  after(() => repo.cleanup());

  void it('builds the markdown from dvc metrics diff and params diff', async () => {
    const { cli, scheduler } = await recordingDvcCli(repo.dir);
    const markdown = await buildDvcReport(cli, { base: 'HEAD', directions: {} });
    scheduler.dispose();
    assert.match(markdown, /## DVC report: `workspace` vs `HEAD`/);
    assert.match(markdown, /\| metrics\.json \| accuracy \| 0\.98 \| 0\.96 \| ▼ -0\.02 \| 🔴 \|/);
    assert.match(markdown, /\| params\.yaml \| train\.epochs \| 40 \| 20 \| -20 \|/);
    assert.match(markdown, /\| params\.yaml \| train\.learning\\_rate \| 0\.5 \| 0\.1 \| -0\.4 \|/);
  });

  void it('renders the plots diff to an SVG per plot beside the report, and links them', async () => {
    const { cli, scheduler, lines } = await recordingDvcCli(repo.dir);
    const folder = await mkdtemp(join(tmpdir(), 'dvc-lens-report-'));
    try {
      const markdown = await buildDvcReport(cli, {
        base: 'HEAD',
        plots: { folder: plotsFolderFor(join(folder, 'report.md')), renderSvg: renderVegaLiteSvg },
      });
      assert.ok(
        lines.some((line) => /plots diff HEAD --json -o /.test(line)),
        lines.join('\n'),
      );
      const links = [...markdown.matchAll(/!\[([^\]]*)\]\(([^)]+)\)/g)].map((match) => match[2] ?? '');
      // The demo has four plots (the ROC curve definition, training loss, roc.json, the confusion matrix).
      assert.deepEqual(links.sort(), [
        'report-plots/ROC-curve.svg',
        'report-plots/plots-confusion.csv.svg',
        'report-plots/plots-roc.json.svg',
        'report-plots/plots-training_loss.csv.svg',
      ]);
      for (const link of links) {
        const svg = await readFile(join(folder, link), 'utf8');
        assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>[\s\S]*<\/svg>$/, link);
        assertBalancedTags(svg, link);
        // Both revisions are drawn: the legend names HEAD and the workspace.
        if (!link.includes('confusion')) assert.match(svg, /HEAD[\s\S]*workspace|workspace[\s\S]*HEAD/, link);
      }
    } finally {
      scheduler.dispose();
      await rm(folder, { recursive: true, force: true });
    }
  });

  void it('npm run report writes the same markdown to --out', async () => {
    const { cli, scheduler } = await recordingDvcCli(repo.dir);
    const expected = await buildDvcReport(cli, {
      base: 'HEAD',
      plots: { folder: plotsFolderFor(join(repo.dir, 'report.md')), renderSvg: renderVegaLiteSvg },
    });
    scheduler.dispose();
    await run(
      'npm',
      ['run', '--silent', 'report', '--', '--base', 'HEAD', '--out', 'report.md', '--repo', repo.dir],
      {
        cwd: projectRoot,
        env: { ...testEnv, DVC_LENS_DVC: await pinnedDvcPath() },
      },
    );
    assert.equal(await readFile(join(repo.dir, 'report.md'), 'utf8'), expected);
    assert.match(expected, /\]\(report-plots\/plots-roc\.json\.svg\)/);
    assert.match(await readFile(join(repo.dir, 'report-plots', 'plots-roc.json.svg'), 'utf8'), /^<svg /);
  });

  void it('npm run report fails with a message for an unknown revision', async () => {
    await assert.rejects(
      run('npm', ['run', '--silent', 'report', '--', '--base', 'no-such-ref', '--repo', repo.dir], {
        cwd: projectRoot,
        env: { ...testEnv, DVC_LENS_DVC: await pinnedDvcPath() },
      }),
      (error: { stderr?: string; code?: number }) => {
        assert.equal(error.code, 1);
        assert.match(error.stderr ?? '', /unknown Git revision 'no-such-ref'/);
        return true;
      },
    );
  });
});
