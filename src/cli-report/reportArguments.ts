/** The command line of `npm run report`: `--base <ref> [--target <ref>] [--out <file>] [--repo <dir>] [--dvc <path>] [--plots on|off] [--direction key=lower]…`. */

export interface ReportArguments {
  readonly base: string;
  readonly target: string | undefined;
  /** Where to write the markdown; stdout when absent. */
  readonly out: string | undefined;
  readonly repo: string | undefined;
  readonly dvc: string | undefined;
  readonly directions: Readonly<Record<string, 'higher' | 'lower'>>;
  /** Render the plots' diff to images beside `out` (default on; only with `out`). */
  readonly plots: boolean;
}

export const reportUsage =
  'usage: npm run report -- --base <ref> [--target <ref>] [--out report.md] [--repo <dir>] [--dvc <path>] [--plots on|off] [--direction <metric>=higher|lower]...';

export function parseReportArguments(argv: readonly string[]): ReportArguments | string {
  const values = new Map<string, string>();
  const directions: Record<string, 'higher' | 'lower'> = {};
  for (let index = 0; index < argv.length; index += 2) {
    const flag = argv[index] ?? '';
    const value = argv[index + 1];
    if (!['--base', '--target', '--out', '--repo', '--dvc', '--plots', '--direction'].includes(flag))
      return `unknown argument ${flag}\n${reportUsage}`;
    if (value === undefined) return `${flag} needs a value\n${reportUsage}`;
    if (flag === '--direction') {
      const match = /^(.+)=(higher|lower)$/.exec(value);
      if (!match?.[1] || !match[2]) return `--direction takes <metric>=higher|lower, not ${value}`;
      directions[match[1]] = match[2] as 'higher' | 'lower';
    } else values.set(flag, value);
  }
  const base = values.get('--base');
  if (!base) return `--base is required\n${reportUsage}`;
  const plots = values.get('--plots') ?? 'on';
  if (plots !== 'on' && plots !== 'off') return `--plots takes on or off, not ${plots}`;
  return {
    base,
    target: values.get('--target'),
    out: values.get('--out'),
    repo: values.get('--repo'),
    dvc: values.get('--dvc'),
    directions,
    plots: plots === 'on',
  };
}
