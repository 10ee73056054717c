// Bundles the extension host (CommonJS, `vscode` external), the webview entries (browser IIFE) and the
// extension-host test suite. One esbuild call per target keeps the settings of each side in one place.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const hostOptions = {
  // The report's SVG renderer runs in a worker thread of its own file, so vega stays out of the host's bundle;
  // pipelines (dvc.yaml, params, dvc.lock) are parsed in one, so a huge or hostile file never blocks the host.
  entryPoints: {
    extension: 'src/extension.ts',
    reportSvgWorker: 'src/report/svgWorker.ts',
    pipelineParseWorker: 'src/repository/pipelineParseWorker.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  // The report renders plots with vega in Node (the worker): vega-canvas's Node build probes the optional `canvas`
  // package with a top-level await, which a CommonJS bundle cannot hold. Its browser build returns no canvas
  // outside a page, which is all `View#toSVG()` needs (text is measured by estimate).
  alias: { 'vega-canvas': './node_modules/vega-canvas/build/vega-canvas.browser.js' },
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const webviewEntries = existsSync('webview')
  ? Object.fromEntries(
      readdirSync('webview', { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join('webview', entry.name, 'main.ts')))
        .map((entry) => [entry.name, join('webview', entry.name, 'main.ts')]),
    )
  : {};

const webviewOptions = {
  entryPoints: webviewEntries,
  outdir: 'dist/webview',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

// The suite runs inside a real extension host (code-server or @vscode/test-electron), which loads CommonJS.
const suiteOptions = {
  entryPoints: {
    index: 'test/suite/index.ts',
    restricted: 'test/suite/restricted.ts',
    idle: 'test/suite/idle.ts',
    multiRoot: 'test/suite/multiRoot.ts',
    freshClone: 'test/suite/freshClone.ts',
  },
  outdir: 'dist-test/suite',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', 'mocha'],
  sourcemap: true,
  logLevel: 'warning',
};

// The benchmarks' extension-host script (bench/session): drives a window as a person would, for session-cost
// and first-content.
const benchHostOptions = {
  ...suiteOptions,
  entryPoints: { hostSession: 'bench/session/hostSession.ts' },
  outdir: 'dist-test/bench',
};

const targets = [hostOptions];
if (Object.keys(webviewEntries).length > 0) targets.push(webviewOptions);
if (!production && existsSync('test/suite/index.ts')) targets.push(suiteOptions);
if (!production && existsSync('bench/session/hostSession.ts')) targets.push(benchHostOptions);

// The codicon font and its stylesheet, for webviews that draw VS Code's icons: copied next to the webview
// bundles, so the panels' localResourceRoots (dist/webview) and the .vsix (dist/**) already include them.
const codiconSource = 'node_modules/@vscode/codicons/dist';
if (existsSync(codiconSource)) {
  mkdirSync('dist/webview/codicons', { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf'])
    copyFileSync(join(codiconSource, file), join('dist/webview/codicons', file));
}

if (watch) {
  for (const options of targets) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(targets.map((options) => esbuild.build(options)));
}
