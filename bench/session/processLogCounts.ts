/**
 * Counts what a session cost from the runner's log: every process call leaves one line
 * (`[12:01:02.123] dvc exp show --json (cwd /x) → exit 0 in 812 ms`, see src/cli/processLog.ts). Pure, so the
 * counting is unit-tested apart from the code-server session that produces the lines.
 */

/** One process call as the log told it. */
export interface LoggedCall {
  /** `dvc`, `git` or another program's base name. */
  readonly program: string;
  /** The command line after the program (`exp show --json --num 10`). */
  readonly args: string;
  readonly outcome: 'exit0' | 'failed' | 'cancelled' | 'timeout' | 'other';
  readonly durationMs: number;
}

/** What the session cost, by program and by the reads that matter most. */
export interface SessionCost {
  readonly dvcCalls: number;
  readonly dvcSeconds: number;
  readonly gitCalls: number;
  readonly gitSeconds: number;
  readonly expShowCalls: number;
  readonly expShowCancelled: number;
  /** Seconds of DVC work cancelled part-way (thrown away). */
  readonly cancelledDvcSeconds: number;
  /** Calls per DVC sub-command (`exp show`, `status`, `plots diff`…). */
  readonly dvcBySubcommand: Readonly<Record<string, number>>;
}

const LINE = /^\[[\d:.]+\] (.+) \(cwd .*\) → (.+)$/;

/** The process lines of a log (other lines, such as errors shown to the user, are skipped). */
export function parseProcessLines(lines: readonly string[]): LoggedCall[] {
  const calls: LoggedCall[] = [];
  for (const line of lines) {
    const match = LINE.exec(line);
    if (!match) continue;
    const [, commandLine = '', outcome = ''] = match;
    const words = commandLine.split(' ');
    const file = words[0] ?? '';
    // `python -m dvc …` runs DVC too: name the call by DVC.
    const dvcIndex = words.findIndex(
      (word, index) => index > 0 && word === 'dvc' && words[index - 1] === '-m',
    );
    const program = dvcIndex > 0 ? 'dvc' : (file.split('/').pop() ?? file);
    const args = words.slice(dvcIndex > 0 ? dvcIndex + 1 : 1).join(' ');
    const duration = /(\d+) ms/.exec(outcome);
    calls.push({
      program,
      args,
      outcome: /^exit 0 /.test(outcome)
        ? 'exit0'
        : outcome.startsWith('cancelled')
          ? 'cancelled'
          : outcome.startsWith('timed out')
            ? 'timeout'
            : /^(exit|killed|failed)/.test(outcome)
              ? 'failed'
              : 'other',
      durationMs: duration ? Number(duration[1]) : 0,
    });
  }
  return calls;
}

/** The session's DVC and git processes, counted and timed. */
export function sessionCost(calls: readonly LoggedCall[]): SessionCost {
  const dvc = calls.filter((call) => call.program === 'dvc');
  const git = calls.filter((call) => call.program === 'git');
  const seconds = (list: readonly LoggedCall[]): number =>
    Math.round(list.reduce((sum, call) => sum + call.durationMs, 0) / 10) / 100;
  const expShow = dvc.filter((call) => call.args.startsWith('exp show'));
  const bySubcommand: Record<string, number> = {};
  for (const call of dvc) {
    const key = subcommandOf(call.args);
    bySubcommand[key] = (bySubcommand[key] ?? 0) + 1;
  }
  return {
    dvcCalls: dvc.length,
    dvcSeconds: seconds(dvc),
    gitCalls: git.length,
    gitSeconds: seconds(git),
    expShowCalls: expShow.length,
    expShowCancelled: expShow.filter((call) => call.outcome === 'cancelled').length,
    cancelledDvcSeconds: seconds(dvc.filter((call) => call.outcome === 'cancelled')),
    dvcBySubcommand: bySubcommand,
  };
}

/** `exp show`, `status`, `plots diff`, `--version`: the first one or two words that name the command. */
function subcommandOf(args: string): string {
  const words = args.split(' ').filter((word) => word.length > 0);
  const [first = '', second = ''] = words;
  if (first.startsWith('-')) return first;
  const grouped = ['exp', 'experiments', 'plots', 'stage', 'data', 'queue', 'remote', 'params', 'metrics'];
  return grouped.includes(first) && second && !second.startsWith('-') ? `${first} ${second}` : first;
}
