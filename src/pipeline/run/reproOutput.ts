/**
 * Turns `dvc repro` output (DVC 3.67.1, recorded in test/fixtures/repro-output) into stage events, line by
 * line, as the output streams in. DVC prints no "stage finished" line: a stage that started succeeded when
 * DVC writes its lock file (`Updating lock file 'dvc.lock'`), when the next stage starts (`--dry` writes no
 * lock file), or when DVC exits with 0; it failed on `ERROR: failed to reproduce '<stage>': … exited with N`.
 */

/** One thing DVC said about a stage; `stage` is the qualified name as DVC prints it (`sub/dvc.yaml:name`). */
export type ReproEvent =
  /** `Running stage 'train':` */
  | { readonly kind: 'started'; readonly stage: string }
  /** `Stage 'train' didn't change, skipping` */
  | { readonly kind: 'skipped'; readonly stage: string }
  /** `Stage 'train' is cached - skipping run, checking out outputs` (restored from the run cache). */
  | { readonly kind: 'restored'; readonly stage: string }
  /** The started stage's lock entry was written, the next stage started, or DVC exited with 0. */
  | { readonly kind: 'succeeded'; readonly stage: string }
  /** `ERROR: failed to reproduce 'train': failed to run: <cmd>, exited with 3`, or DVC failed while it ran. */
  | { readonly kind: 'failed'; readonly stage: string; readonly exitCode?: number; readonly message: string };

const runningPattern = /^Running stage '(.+)':$/;
const skippedPattern = /^Stage '(.+)' didn't change, skipping$/;
const restoredPattern = /^Stage '(.+)' is cached - skipping run, checking out outputs$/;
const lockFilePattern = /^(?:Updating|Generating) lock file '.+'$/;
const failedPattern = /^ERROR: failed to reproduce '(.+?)': (.*)$/;
const exitedPattern = /exited with (-?\d+)$/;

export class ReproOutputParser {
  private running: string | undefined;
  private readonly failed = new Set<string>();

  /** The stage DVC runs right now, if any. */
  get current(): string | undefined {
    return this.running;
  }

  /** Events for one output line (stdout or stderr, without its line break). */
  push(rawLine: string): ReproEvent[] {
    const line = rawLine.trimEnd();
    const events: ReproEvent[] = [];
    let match: RegExpExecArray | null;
    if ((match = runningPattern.exec(line))) {
      events.push(...this.finishRunning());
      const stage = match[1] ?? '';
      // stderr's ERROR line can overtake stdout's "Running stage": a stage that already failed stays failed.
      if (this.failed.has(stage)) return events;
      this.running = stage;
      events.push({ kind: 'started', stage });
    } else if ((match = skippedPattern.exec(line))) {
      events.push(...this.finishRunning(), { kind: 'skipped', stage: match[1] ?? '' });
    } else if ((match = restoredPattern.exec(line))) {
      events.push(...this.finishRunning(), { kind: 'restored', stage: match[1] ?? '' });
    } else if (lockFilePattern.test(line)) {
      events.push(...this.finishRunning());
    } else if ((match = failedPattern.exec(line))) {
      const stage = match[1] ?? '';
      const message = match[2] ?? '';
      const exit = exitedPattern.exec(message);
      if (this.running === stage) this.running = undefined;
      this.failed.add(stage);
      events.push({
        kind: 'failed',
        stage,
        message,
        ...(exit?.[1] === undefined ? {} : { exitCode: Number(exit[1]) }),
      });
    }
    return events;
  }

  /**
   * Events once DVC exited: the stage still running succeeded (exit 0, e.g. the last stage of `--dry`) or
   * failed with DVC (any other exit; undefined when the process did not exit by itself, e.g. cancelled).
   */
  end(exitCode: number | undefined): ReproEvent[] {
    const stage = this.running;
    this.running = undefined;
    if (stage === undefined || exitCode === undefined) return [];
    if (exitCode === 0) return [{ kind: 'succeeded', stage }];
    this.failed.add(stage);
    return [{ kind: 'failed', stage, message: `dvc repro exited with ${exitCode}` }];
  }

  private finishRunning(): ReproEvent[] {
    const stage = this.running;
    this.running = undefined;
    return stage === undefined || this.failed.has(stage) ? [] : [{ kind: 'succeeded', stage }];
  }
}

/** All events of a finished output (for fixtures and `--dry` previews). */
export function parseReproOutput(text: string, exitCode: number | undefined): ReproEvent[] {
  const parser = new ReproOutputParser();
  const events = text.split(/\r\n|\n|\r/).flatMap((line) => parser.push(line));
  return [...events, ...parser.end(exitCode)];
}

/** What a `--dry` run says would happen: the stages it would run and those it would restore from cache. */
export function stagesThatWouldRun(events: readonly ReproEvent[]): { run: string[]; restore: string[] } {
  const run = events.filter((event) => event.kind === 'started').map((event) => event.stage);
  const restore = events.filter((event) => event.kind === 'restored').map((event) => event.stage);
  return { run: [...new Set(run)], restore: [...new Set(restore)].filter((stage) => !run.includes(stage)) };
}
