/**
 * `npm run report -- --base <ref>`: the DVC Lens report without VS Code, for a terminal or a CI job. Runs DVC
 * through the same runner and scheduler as the extension. The repository defaults to the folder npm was
 * started from (`INIT_CWD`: `npm run` itself moves to the package folder); DVC to `DVC_LENS_DVC` or `dvc`.
 * With `--out report.md` the plots' diff is rendered to SVG in `report-plots/` beside it (`--plots off` skips).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { RepositoryScheduler } from '../repository/processes';
import { ProcessRunner } from '../repository/processes';
import { dvcWithScheduler } from '../repository/folderClis';
import { buildDvcReport, plotsFolderFor } from '../report';
import { renderVegaLiteSvg } from '../report';
import { parseReportArguments } from './reportArguments';

async function main(): Promise<number> {
  const parsed = parseReportArguments(process.argv.slice(2));
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n`);
    return 2;
  }
  const repo = resolve(process.env.INIT_CWD ?? process.cwd(), parsed.repo ?? '.');
  const command = parsed.dvc ?? process.env.DVC_LENS_DVC ?? 'dvc';
  const runner = new ProcessRunner({ log: { append: (line) => process.stderr.write(`${line}\n`) } });
  const cli = dvcWithScheduler(
    { command, prefixArgs: [], source: parsed.dvc ? 'setting' : 'path', version: '' },
    new RepositoryScheduler(repo, runner),
  );
  const out = parsed.out ? resolve(repo, parsed.out) : undefined;
  // Plots need a file to sit next to: with --out only (stdout has no folder for relative image links).
  const plotsFolder = out && parsed.plots ? plotsFolderFor(out) : undefined;
  const markdown = await buildDvcReport(cli, {
    base: parsed.base,
    ...(parsed.target ? { target: parsed.target } : {}),
    directions: parsed.directions,
    ...(plotsFolder ? { plots: { folder: plotsFolder, renderSvg: renderVegaLiteSvg } } : {}),
  });
  if (out) await writeFile(out, markdown, 'utf8');
  else process.stdout.write(markdown);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
