/**
 * The remotes feature: the Remotes view, remote configuration, push/pull/fetch with progress and a summary,
 * garbage collection behind a confirmation, and bringing data in (import-url, get-url, import, update).
 */
import * as vscode from 'vscode';
import { hostConfigPlace, machineConfigFilePaths } from '../data';
import { Debouncer } from '../lifecycle/debouncer';
import { whenTrusted } from '../trust/workspaceTrust';
import { registerGcCommand } from './gcCommand';
import { registerImportCommands } from './importCommands';
import { registerRemoteConfigCommands } from './remoteConfigCommands';
import { remoteCommandIds } from './remoteCommandIds';
import { RemoteContext, type RemoteFeatureDependencies } from './remoteContext';
import { RemotesTreeProvider } from './remotesTreeProvider';
import { registerTransferCommands } from './transferCommands';

export type { RemoteFeatureDependencies } from './remoteContext';

/** What the extension-host suite reads of the remotes feature. */
export interface RemoteFeatures {
  readonly tree: RemotesTreeProvider;
}

export function registerRemoteFeatures(deps: RemoteFeatureDependencies): RemoteFeatures {
  const { disposables, repositories, locator } = deps;
  // The commands tell the view to reload; the view needs the context to read: tied after both exist.
  const afterChange = { reload: (): void => undefined };
  const context = new RemoteContext(deps, () => afterChange.reload());
  const provider = disposables.register(new RemotesTreeProvider(context));
  afterChange.reload = () => void provider.refresh();
  const view = disposables.register(
    vscode.window.createTreeView('dvcLens.remotes', { treeDataProvider: provider }),
  );
  disposables.register(provider.attach(view));

  // DVC owns the config files; a change from any source (a terminal, git checkout, our commands) reloads
  // the view, which reads them again (RemotesService reads them instead of asking DVC when it can).
  const configChanges = disposables.register(
    new Debouncer<string>(
      () => 300,
      () => void provider.refresh(),
    ),
  );
  disposables.register(
    repositories.onWorkspaceFiles(
      (event) => /\/\.dvc\/config(\.local)?$/.test(event.uri.path),
      (events) => {
        for (const event of events) configChanges.add(event.uri.toString());
      },
    ),
  );
  // The global and system files lie outside the workspace, out of the one watcher's sight.
  const machineFiles = Object.values(machineConfigFilePaths(hostConfigPlace()) ?? {});
  disposables.register(repositories.onFilesOutsideWorkspace(machineFiles, (file) => configChanges.add(file)));
  disposables.register(locator.onDidChange(() => void provider.refresh()));
  let roots = '';
  disposables.register(
    repositories.onDidChange(() => {
      const now = context
        .dvcRepositories()
        .map((repository) => repository.root.toString())
        .join('\n');
      if (now !== roots) void provider.refresh();
      roots = now;
    }),
  );
  disposables.register(whenTrusted(() => void provider.refresh()));

  deps.commands.register(remoteCommandIds.refreshRemotes, () => provider.refresh());
  registerRemoteConfigCommands(context);
  registerTransferCommands(context);
  registerGcCommand(context);
  registerImportCommands(context);
  return { tree: provider };
}
