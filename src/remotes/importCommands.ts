/**
 * Bringing data in: "Import Dataset from URL" (tracked `import-url` or a one-off `get-url`), "Import from a DVC
 * Repository" (`dvc import`), and "Update Import" (`dvc update`). ImportService does the work and cleans up
 * after a failed or cancelled download; this file asks the questions. Argument objects skip them:
 * `{ root, url, out, mode: 'import' | 'download' }`, `{ root, repository, path, out, rev }`, `{ root, path }`.
 */
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { importOutputProblem, isImportRecord } from '../core/data/importOutput';
import { DataImportError, type ImportOptions } from '../data';
import type { CommandProgress } from '../repository/commandRuntime';
import { errorText } from '../ui/messages';
import { rootField, stringField } from './commandArguments';
import { DATA_STATE, REMOTES_STATE, type RemoteCommandOptions, type RemoteContext } from './remoteContext';
import { remoteCommandIds } from './remoteCommandIds';

export function registerImportCommands(context: RemoteContext): void {
  const options: RemoteCommandOptions = {
    pickTitle: 'Import into which repository?',
    failure: (error) => `DVC Lens: ${errorText(error)}${cleanedUp(error)}`,
    refreshes: [REMOTES_STATE, DATA_STATE],
  };

  context.command(remoteCommandIds.importFromUrl, options, async (services, { args, progress }) => {
    const argument = args[0];
    const url = stringField(argument, 'url') ?? (await askUrl());
    if (!url) return false;
    const mode = stringField(argument, 'mode') ?? (await askMode());
    if (mode !== 'import' && mode !== 'download') return false;
    const out = stringField(argument, 'out') ?? (await askOutput(basenameOf(url)));
    if (!out) return false;
    const imports = services.imports;
    return mode === 'import'
      ? download(progress, `importing ${url}`, (options) => imports.importUrl(url, out, options))
      : download(progress, `downloading ${url}`, (options) => imports.getUrl(url, out, options));
  });

  context.command(remoteCommandIds.importFromRepository, options, async (services, { args, progress }) => {
    const argument = args[0];
    const repository =
      stringField(argument, 'repository') ??
      (await vscode.window.showInputBox({
        title: 'DVC repository to import from',
        prompt: 'A git URL (https://…, git@…) or a local path of a DVC project',
        ignoreFocusOut: true,
        validateInput: (value) => (value.trim() ? undefined : 'Enter a repository URL or path.'),
      }));
    if (!repository) return false;
    const path =
      stringField(argument, 'path') ??
      (await vscode.window.showInputBox({
        title: 'Path in that repository',
        prompt: 'A file or folder tracked there, e.g. data/raw.csv',
        validateInput: (value) => (value.trim() ? undefined : 'Enter a path.'),
      }));
    if (!path) return false;
    const rev =
      argument === undefined
        ? await vscode.window.showInputBox({
            title: 'Revision (optional)',
            prompt: 'A branch, tag or commit; empty for the default branch',
          })
        : stringField(argument, 'rev');
    if (rev === undefined && argument === undefined) return false;
    const out = stringField(argument, 'out') ?? (await askOutput(basenameOf(path)));
    if (!out) return false;
    return download(progress, `importing ${path} from ${repository}`, (options) =>
      services.imports.importFromRepository(repository, path, out, { ...options, rev }),
    );
  });

  // The import record names the repository (an Explorer URI, a Data view item): trust first, then its runtime.
  context.registerTrusted(remoteCommandIds.updateImport, async (argument) => {
    const located = await importRecordOf(context, argument);
    if (!located) return false;
    return context.runIn(located.repository, options, (services, { progress }) =>
      download(progress, `updating ${located.dvcFile}`, (options) =>
        services.imports.update(located.dvcFile, options),
      ),
    );
  });
}

/**
 * Runs one download behind a cancellable notification showing DVC's lines; false when it was cancelled
 * (ImportService removed what it left). A failure rejects: the runtime says it (with `cleanedUp`).
 */
async function download(
  progress: CommandProgress,
  title: string,
  work: (options: ImportOptions) => Promise<unknown>,
): Promise<boolean> {
  try {
    await progress.run(title, (signal, report) =>
      work({ signal, onOutput: (line) => line.trim() && report(line.trim()) }),
    );
    return true;
  } catch (error) {
    if (error instanceof DataImportError && error.cancelled) {
      void vscode.window.showInformationMessage(`DVC Lens: ${title} cancelled; nothing was left behind.`);
      return false;
    }
    throw error;
  }
}

function cleanedUp(error: unknown): string {
  return error instanceof DataImportError && error.removed.length > 0
    ? ` DVC Lens removed what the failed download left: ${error.removed.join(', ')}.`
    : '';
}

async function askUrl(): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Import Dataset from URL',
    prompt: 'https://…, s3://…, gs://…, ssh://… or a local path',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'Enter the URL of a file or folder.'),
  });
}

async function askMode(): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      {
        label: 'Import and track',
        detail:
          'dvc import-url: DVC records the URL in a .dvc file, so "Update Import" fetches newer versions.',
        mode: 'import',
      },
      {
        label: 'Download once',
        detail: 'dvc get-url: a plain copy that DVC does not track.',
        mode: 'download',
      },
    ],
    { title: 'Track the download?' },
  );
  return picked?.mode;
}

async function askOutput(suggestion: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Save as (relative to the repository root)',
    value: suggestion,
    prompt: 'A file or folder path inside the repository; missing folders are created.',
    validateInput: importOutputProblem,
  });
}

function basenameOf(url: string): string {
  return posix.basename(url.replace(/[?#].*$/, '').replace(/\/+$/, '')) || 'imported';
}

/** The `.dvc` file to update: an Explorer URI, a Data view item (its `.dvc` file), or a pick of the imports. */
async function importRecordOf(
  context: RemoteContext,
  argument: unknown,
): Promise<
  { repository: NonNullable<ReturnType<RemoteContext['repositoryAt']>>; dvcFile: string } | undefined
> {
  await context.whenLoaded();
  if (argument instanceof vscode.Uri) {
    const repository = context.repositoryContaining(argument);
    if (!repository) return undefined;
    return { repository, dvcFile: asDvcFile(posix.relative(repository.root.path, argument.path)) };
  }
  const root = rootField(argument);
  const path = stringField(argument, 'path');
  const repository = root && context.repositoryAt(root);
  if (repository && path) return { repository, dvcFile: asDvcFile(path) };
  const chosen = await context.chooseRepository(argument, 'Update an import of which repository?');
  if (!chosen) return undefined;
  const records: string[] = [];
  for (const uri of await vscode.workspace.findFiles(
    new vscode.RelativePattern(chosen.root, '**/*.dvc'),
    '**/{.dvc,.git,node_modules}/**',
  )) {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    if (isImportRecord(text)) records.push(posix.relative(chosen.root.path, uri.path));
  }
  if (records.length === 0) {
    void vscode.window.showInformationMessage('DVC Lens: this repository has no imported data to update.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(records.sort(), { title: 'Update which import?' });
  return picked ? { repository: chosen, dvcFile: picked } : undefined;
}

function asDvcFile(path: string): string {
  return path.endsWith('.dvc') ? path : `${path}.dvc`;
}
