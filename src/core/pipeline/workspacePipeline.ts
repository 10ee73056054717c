/**
 * A pipeline read from the workspace's bytes, as the parse worker does it: each file decoded as DVC decodes it
 * (strict UTF-8), refused when too large, then parsed; the dvc.lock beside the dvc.yaml checked against DVC's
 * lock schema. Pure, so the worker thread and the unit tests run the same code.
 */
import { decodeUtf8 } from '../fileText/utf8Text';
import { MAX_IN_HOST_FILE_BYTES, tooLargeMessage } from '../parseLimits/parseLimits';
import { checkDvcLock } from './dvcLockSchema';
import type { Pipeline } from './model';
import { parsePipeline, type UnreadableFile } from './parseDvcYaml';
import { pipelineParamsFiles } from './pipelineParamsFiles';
import { folderOf, joinPath } from './pipelinePaths';
import { startOfFile } from './yamlPosition';

/** A file as the host found it: its bytes, missing, or too large to be read at all (its size in bytes). */
export type WorkspaceFile =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'missing' }
  | { readonly kind: 'tooLarge'; readonly size: number };

export interface WorkspacePipelineInput {
  /** The dvc.yaml relative to the repository root. */
  readonly file: string;
  readonly dvcYaml: WorkspaceFile;
  /** The files {@link workspacePipelineParamsFiles} named, by the same names. */
  readonly paramsFiles: ReadonlyMap<string, WorkspaceFile>;
  /** The dvc.lock beside the dvc.yaml. */
  readonly dvcLock: WorkspaceFile;
}

/** The text of a file, undefined when missing, or why it is not read; `file` names it in messages. */
export function workspaceFileText(file: string, content: WorkspaceFile): string | undefined | UnreadableFile {
  if (content.kind === 'missing') return undefined;
  const size = content.kind === 'tooLarge' ? content.size : content.bytes.byteLength;
  if (content.kind === 'tooLarge' || size > MAX_IN_HOST_FILE_BYTES)
    return { unreadable: tooLargeMessage(file, size) };
  const decoded = decodeUtf8(file, content.bytes);
  return decoded.ok ? decoded.text : { unreadable: decoded.message };
}

/** The params/vars files to read before {@link parseWorkspacePipeline} (none when dvc.yaml cannot be read). */
export function workspacePipelineParamsFiles(file: string, dvcYaml: WorkspaceFile): string[] {
  const text = workspaceFileText(joinPath(file), dvcYaml);
  return typeof text === 'string' ? pipelineParamsFiles(text, file) : [];
}

export function parseWorkspacePipeline(input: WorkspacePipelineInput): Pipeline {
  const file = joinPath(input.file);
  const text = workspaceFileText(file, input.dvcYaml) ?? '';
  const folder = folderOf(file);
  if (typeof text === 'object')
    return {
      file,
      stages: [],
      problems: [{ severity: 'error', message: text.unreadable, file, range: startOfFile }],
    };
  const paramsFiles = new Map(
    [...input.paramsFiles].map(([name, content]) => [
      name,
      workspaceFileText(joinPath(folder, name), content),
    ]),
  );
  const pipeline = parsePipeline({ file, text, paramsFiles });
  const lockFile = joinPath(folder, 'dvc.lock');
  const lockText = workspaceFileText(lockFile, input.dvcLock);
  if (lockText === undefined) return pipeline;
  const lockProblems =
    typeof lockText === 'object'
      ? [{ severity: 'error' as const, message: lockText.unreadable, file: lockFile, range: startOfFile }]
      : checkDvcLock(lockText, lockFile);
  return lockProblems.length === 0
    ? pipeline
    : { ...pipeline, problems: [...pipeline.problems, ...lockProblems] };
}
