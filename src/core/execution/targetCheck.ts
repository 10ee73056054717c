/**
 * "Test Target" as one shell snippet run on the far side (one process, one ssh round trip) and its answer read
 * back: the host reached, then each program's version or why it is missing. The target's `setup` lines run
 * before DVC is looked for, as they would in a job (a venv activation puts `dvc` on PATH).
 */

/** One program the check looks for. `command` is bash words (the DVC command arrives as "$1"). */
export interface ProgramCheck {
  readonly label: string;
  readonly command: string;
}

/** The snippet; run it as `bash -c <snippet> dvc-lens <dvc command>`. */
export function targetCheckSnippet(
  before: readonly ProgramCheck[],
  setup: readonly string[],
  after: readonly ProgramCheck[],
): string {
  for (const line of setup)
    if (/[\r\n]/.test(line))
      throw new Error(`A setup line cannot hold a line break: ${JSON.stringify(line)}`);
  const check = (program: ProgramCheck): string => `check ${program.label} ${program.command}`;
  return [
    'check() { label=$1; shift',
    '  if out=$("$@" 2>&1); then printf \'ok\\t%s\\t%s\\n\' "$label" "$(printf \'%s\\n\' "$out" | head -n 1)"',
    '  else printf \'fail\\t%s\\t%s\\n\' "$label" "$(printf \'%s\\n\' "$out" | tail -n 1)"; fi; }',
    'printf \'ok\\thost\\t%s\\n\' "$(hostname)"',
    ...before.map(check),
    ...setup,
    ...after.map(check),
  ].join('\n');
}

export interface TargetCheckResult {
  readonly ok: boolean;
  readonly lines: readonly string[];
}

/** The snippet's output as "Test Target" shows it; `where` says how the host was reached. */
export function parseTargetCheck(output: string, where: string): TargetCheckResult {
  const lines: string[] = [];
  let ok = true;
  let reached = false;
  for (const line of output.split('\n')) {
    const [status, label, text = ''] = line.split('\t');
    if ((status !== 'ok' && status !== 'fail') || !label) continue;
    if (label === 'host') {
      reached = true;
      lines.push(`Reached ${text.trim() || 'the host'} (${where})`);
    } else if (status === 'ok') lines.push(`${label}: ${text.trim()}`);
    else {
      ok = false;
      lines.push(`${label}: not usable (${text.trim() || 'no output'})`);
    }
  }
  if (!reached) return { ok: false, lines: [`Could not run commands on ${where}: ${output.trim()}`] };
  return { ok, lines };
}
