/**
 * The shell script a CI job runs to write `report.md`: the base revision, the metrics and params tables and
 * (optionally) the plots rendered to PNG with vega-lite's `vl2png` (installed by setup-cml). Plain POSIX sh
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

const plotsToImages = [
  'dvc plots diff "$BASE" --json > dvc-plots.json',
  "python3 - <<'PY'",
  'import json, pathlib, subprocess',
  "plots = json.load(open('dvc-plots.json')).get('data', {})",
  "folder = pathlib.Path('report-plots')",
  'folder.mkdir(exist_ok=True)',
  "with open('report.md', 'a') as report:",
  "    report.write('\\n### Plots\\n\\n')",
  '    for index, (title, items) in enumerate(plots.items()):',
  '        for item in items:',
  "            if item.get('type') != 'vega':",
  '                continue',
  "            spec = folder / f'plot-{index}.json'",
  "            spec.write_text(json.dumps(item['content']))",
  "            image = folder / f'plot-{index}.png'",
  "            with open(image, 'wb') as png:",
  "                subprocess.run(['vl2png', str(spec)], stdout=png, check=True)",
  "            report.write(f'#### {title}\\n\\n![{title}](./{image})\\n\\n')",
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
  return [...tables, ...(options.plots === false ? [] : plotsToImages)];
}
