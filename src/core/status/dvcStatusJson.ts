/**
 * `dvc status --json` turned into one `StageStatus` per stage of the pipeline model.
 *
 * What DVC 3.67.1 prints (recorded in test/fixtures/dvc-status/): an object keyed by stage name as `dvc stage
 * list` prints it (`train`, `greet@en`, `sub/dvc.yaml:count`) and by `.dvc` file (`data/raw.csv.dvc`); each
 * value is a list of `{"changed deps": {path: state}}`, `{"changed outs": {path: state}}`, `"changed command"`
 * and `"always changed"`. A params file dependency maps its keys instead: `{"params.yaml": {"train":
 * "modified"}}`. States are `modified`, `deleted`, `new` and `not in cache`. A stage DVC says nothing about is up
 * to date. Two things the JSON alone cannot tell:
 * - Frozen stages: DVC skips their deps (and warns on stderr) but still reports outs and command, so a frozen
 *   stage is `frozen` from the model, with whatever DVC reported as reasons.
 * - Never-run stages: without a dvc.lock entry DVC reports every dep `modified` and every out `deleted` (and a
 *   stage without deps `always changed`): indistinguishable from a stage whose inputs all changed. Whether the
 *   stage is in dvc.lock decides (`lockedStages`, see `parseDvcLockStageNames`).
 */
import type { Pipeline, Stage } from '../pipeline/model';
import type { StageStatus } from './stageStatus';

/** DVC's output was not the shape `dvc status --json` has; the message says what was found. */
export class DvcStatusFormatError extends Error {
  override readonly name = 'DvcStatusFormatError';
}

const ALWAYS_CHANGED = 'always changed';
const CHANGED_COMMAND = 'changed command';

/**
 * One status per stage of `pipelines`, keyed by `Stage.qualifiedName`. Entries of the JSON that are not
 * stages of the model (`.dvc` files) are ignored. Without `lockedStages` (qualified names of the stages in the
 * dvc.lock files) no stage is called `neverRun`. Throws `DvcStatusFormatError` when `json` is not an object.
 */
export function parseDvcStatus(
  json: unknown,
  pipelines: readonly Pipeline[],
  lockedStages?: ReadonlySet<string>,
): Map<string, StageStatus> {
  if (!isRecord(json))
    throw new DvcStatusFormatError(`dvc status --json printed ${describe(json)}, not an object`);
  const statuses = new Map<string, StageStatus>();
  for (const pipeline of pipelines)
    for (const stage of pipeline.stages)
      statuses.set(
        stage.qualifiedName,
        stageStatus(stage, ownEntry(json, stage.qualifiedName), lockedStages),
      );
  return statuses;
}

function stageStatus(
  stage: Stage,
  entry: unknown,
  lockedStages: ReadonlySet<string> | undefined,
): StageStatus {
  const items = Array.isArray(entry) ? (entry as unknown[]) : [];
  // A frozen stage is never run by `dvc repro`, so it is frozen even without a dvc.lock entry.
  if (stage.frozen) return { kind: 'frozen', reasons: changeReasons(items) };
  if (lockedStages && !lockedStages.has(stage.qualifiedName))
    return { kind: 'neverRun', reasons: ['no entry in dvc.lock'] };
  const reasons = changeReasons(items);
  if (stage.alwaysChanged || items.includes(ALWAYS_CHANGED))
    return {
      kind: 'alwaysChanged',
      reasons: reasons.includes(ALWAYS_CHANGED) ? reasons : [ALWAYS_CHANGED, ...reasons],
    };
  if (reasons.length > 0) return { kind: 'changed', reasons };
  return { kind: 'upToDate', reasons: [] };
}

/** `deps modified: a, b`, `outs deleted: x`, `params modified: train.epochs`, `command changed`, in DVC's order. */
function changeReasons(items: readonly unknown[]): string[] {
  const groups = new Map<string, string[]>();
  const add = (heading: string, subject: string): void => {
    const subjects = groups.get(heading);
    if (subjects) subjects.push(subject);
    else groups.set(heading, [subject]);
  };
  for (const item of items) {
    if (item === CHANGED_COMMAND) groups.set('command changed', []);
    else if (typeof item === 'string') groups.set(item, []);
    else if (isRecord(item)) {
      for (const [category, changes] of Object.entries(item)) {
        const noun = categoryNoun(category);
        if (!isRecord(changes)) {
          groups.set(category, []);
          continue;
        }
        for (const [path, state] of Object.entries(changes)) {
          if (typeof state === 'string') add(`${noun} ${state}`, path);
          else if (isRecord(state))
            for (const [key, keyState] of Object.entries(state))
              add(`params ${String(keyState)}`, paramLabel(path, key));
        }
      }
    }
  }
  return [...groups].map(([heading, subjects]) =>
    subjects.length === 0 ? heading : `${heading}: ${subjects.join(', ')}`,
  );
}

/** `changed deps` → `deps`; an unknown category is kept as DVC wrote it. */
function categoryNoun(category: string): string {
  return category.startsWith('changed ') ? category.slice('changed '.length) : category;
}

/** `train.epochs` for the default params file, `file:key` otherwise (how the Pipeline view labels params). */
function paramLabel(file: string, key: string): string {
  return file === 'params.yaml' ? key : `${file}:${key}`;
}

/** The JSON's own property only: a stage named `constructor` must not find Object.prototype's. */
function ownEntry(json: Record<string, unknown>, name: string): unknown {
  return Object.prototype.hasOwnProperty.call(json, name) ? json[name] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
