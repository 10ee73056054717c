import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseReportArguments } from '../../../src/cli-report/reportArguments';
import { parsePlotsDiff } from '../../../src/core/plots/parsePlotsDiff';
import { buildReportMarkdown } from '../../../src/core/report/reportMarkdown';
import { headlessSpec, planReportPlots, uniqueName } from '../../../src/core/report/reportPlots';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'dvc-plots', name), 'utf8'));

void describe('report plots as image files', () => {
  void it('plans an SVG per template plot and a copy per image revision, with notes for failures', () => {
    const plan = planReportPlots(parsePlotsDiff(fixture('edge.json'), ['workspace', 'v1']));
    const svgs = plan.files.filter((file) => file.kind === 'svg');
    assert.deepEqual(
      svgs.map((file) => file.name),
      [
        'metrics-loss.csv.svg',
        'Train-and-validation-loss.svg',
        'metrics-acc.json.svg',
        'metrics-gone.csv.svg',
      ],
    );
    const copies = plan.files.filter((file) => file.kind === 'copy');
    assert.deepEqual(
      copies.map((file) => [file.name, file.source, file.title]),
      [
        [
          'images-sample.png-workspace.png',
          '/tmp/dvc-lens-plots/edge/workspace_images_sample.png',
          'images/sample.png (workspace)',
        ],
        [
          'images-sample.png-v1.png',
          '/tmp/dvc-lens-plots/edge/v1_images_sample.png',
          'images/sample.png (v1)',
        ],
      ],
    );
    assert.deepEqual(plan.notes, []);
    const failed = planReportPlots({
      revisions: ['HEAD', 'workspace'],
      plots: [{ kind: 'failed', id: 'x', title: 'x', message: "Template 'nope' not found", revisions: [] }],
    });
    assert.deepEqual(failed, {
      files: [],
      notes: ["Plot x could not be rendered: Template 'nope' not found"],
    });
  });

  void it('names files safely and uniquely, and sizes container-sized specs', () => {
    const used = new Set<string>();
    assert.equal(uniqueName('plots/roc.json', used), 'plots-roc.json');
    assert.equal(uniqueName('plots\\roc.json', used), 'plots-roc.json-2');
    assert.equal(uniqueName('../../etc/passwd', used), 'etc-passwd');
    assert.equal(uniqueName('   ', used), 'plot');
    assert.deepEqual(headlessSpec({ width: 'container', height: 200, mark: 'line' }), {
      width: 480,
      height: 200,
      mark: 'line',
    });
  });

  void it('links every image from the report markdown, relative to the report file', () => {
    const plan = planReportPlots(
      parsePlotsDiff(fixture('demo-workspace-two-experiments.json'), ['workspace']),
    );
    const images = plan.files.map((file) => ({ title: file.title, path: `report-plots/${file.name}` }));
    const markdown = buildReportMarkdown({
      base: 'main',
      target: 'workspace',
      metrics: [],
      params: [],
      images,
    });
    assert.match(markdown, /### Plots/);
    for (const name of [
      'ROC-curve.svg',
      'plots-training_loss.csv.svg',
      'plots-roc.json.svg',
      'plots-confusion.csv.svg',
    ])
      assert.ok(markdown.includes(`](report-plots/${name})`), `${name} is linked:\n${markdown}`);
  });

  void it('npm run report renders plots beside --out unless --plots off', () => {
    const on = parseReportArguments(['--base', 'main', '--out', 'report.md']);
    assert.equal(typeof on === 'object' && on.plots, true);
    const off = parseReportArguments(['--base', 'main', '--plots', 'off']);
    assert.equal(typeof off === 'object' && off.plots, false);
    const wrong = parseReportArguments(['--base', 'main', '--plots', 'maybe']);
    assert.match(typeof wrong === 'string' ? wrong : '', /--plots takes on or off/);
  });
});
