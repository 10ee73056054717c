/**
 * The shell script a CI job runs to write `report.md`: the base revision, the metrics and params tables and
 * (optionally) the plots as images next to it (see plotsToImages). Plain POSIX sh
 * plus Python (set up for DVC anyway); no `${{ }}` expressions inside, so nothing from an event payload is
 * ever spliced into the script (GitHub's script-injection advice): the CI's own variables come in as env.
 */
import type { CiWorkflowOptions } from './ciWorkflowOptions';

/** `BASE`: the target branch of a merge request, else the main branch, else (on main itself) the parent. */
export function baseRevisionScript(mainBranch: string, platform: 'github' | 'gitlab'): string[] {
  const targetBranch =
    platform === 'github' ? '${GITHUB_BASE_REF:-}' : '${CI_MERGE_REQUEST_TARGET_BRANCH_NAME:-}';
  const currentBranch = platform === 'github' ? '${GITHUB_REF_NAME:-}' : '${CI_COMMIT_BRANCH:-}';
  return [
    `TARGET="${targetBranch}"`,
    'if [ -n "$TARGET" ]; then BASE="origin/$TARGET";',
    `elif [ "${currentBranch}" = "${mainBranch}" ]; then BASE="HEAD~1";`,
    `else BASE="origin/${mainBranch}"; fi`,
    'echo "Comparing with $BASE"',
  ];
}

/**
 * Template plots rendered to PNG with `vl2png` (vega-lite's CLI, which setup-cml installs with `vega: true`),
 * image plots (DVC writes them into `-o`) copied, each linked from report.md by a path relative to it:
 * `cml comment create --publish` uploads local images it finds linked in the report, resolving each path from
 * the report file's folder, and silently drops a link to a file that does not exist, hence `check=True` and
 * the existence check (a missing plot fails the job instead of vanishing from the comment).
 */
const plotsToImages = [
  'dvc plots diff "$BASE" --json -o report-plots/dvc > dvc-plots.json',
  "python3 - <<'PY'",
  'import json, pathlib, re, shutil, subprocess',
  "plots = json.load(open('dvc-plots.json')).get('data', {})",
  "folder = pathlib.Path('report-plots')",
  'folder.mkdir(exist_ok=True)',
  'def link(title, image):',
  "    assert image.is_file(), f'{image} was not written'",
  "    return f'#### {title}\\n\\n![{title}](./{image.as_posix()})\\n\\n'",
  "with open('report.md', 'a') as report:",
  "    report.write('\\n### Plots\\n\\n')",
  '    for index, (title, items) in enumerate(plots.items()):',
  '        for item in items:',
  "            if item.get('type') == 'image':",
  "                for rev in item.get('revisions', []):",
  "                    source = pathlib.Path(item['url'])",
  "                    safe = re.sub(r'[^\\w.-]+', '-', rev)",
  "                    image = folder / f'plot-{index}-{safe}{source.suffix}'",
  '                    shutil.copyfile(source, image)',
  "                    report.write(link(f'{title} ({rev})', image))",
  "            if item.get('type') != 'vega':",
  '                continue',
  "            spec = folder / f'plot-{index}.json'",
  "            spec.write_text(json.dumps(item['content']))",
  "            image = folder / f'plot-{index}.png'",
  "            with open(image, 'wb') as png:",
  "                subprocess.run(['vl2png', str(spec)], stdout=png, check=True)",
  '            report.write(link(title, image))',
  'PY',
];

/** The lines that write report.md (BASE already set). */
export function reportScript(options: CiWorkflowOptions): string[] {
  const tables = options.reportCommand
    ? [options.reportCommand]
    : [
        'echo "## DVC report: $(git rev-parse --short HEAD) vs $BASE" > report.md',
        'echo "### Metrics" >> report.md',
        'dvc metrics diff "$BASE" --md >> report.md',
        'echo "### Params" >> report.md',
        'dvc params diff "$BASE" --md >> report.md',
      ];
  // A report command (DVC Lens's `npm run report -- --out report.md`) renders the plots itself, as SVG files
  // in `report-plots/` beside the report; the script renders them only for DVC's own tables.
  const plots = options.plots === false || options.reportCommand ? [] : plotsToImages;
  return [...tables, ...plots];
}
