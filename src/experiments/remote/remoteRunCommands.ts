/**
 * The commands on a remote run's row: Cancel (after a confirmation naming the run), Show Log (a terminal
 * following the job's output when the target can, else the log so far in a read-only document), Remove Row
 * (a finished run only). Each runs processes on the far side, so each goes through the trust gate.
 */
import * as vscode from 'vscode';
import { isFinishedRunState } from '../../core/execution/runState';
import { remoteRunKey, type RemoteRunEntry } from '../../core/execution/remoteRunEntry';
import type { RepositoryCommands } from '../../repository/command';
import type { OutputLog } from '../../log/outputLog';
import { showErrorWithLog } from '../../ui/messages';
import { withCancellableProgress } from '../../ui/progress';
import { remoteRunCommandIds } from './remoteRunCommandIds';
import type { RemoteRunStore } from './remoteRunStore';
import { remoteRunLogDocuments } from './remoteRunLogDocument';

/** The argument: a remote run node of the Experiments view, or `{ key, confirmed? }` from tests. */
interface RemoteRunArgument {
  readonly key?: string;
  readonly confirmed?: boolean;
}

export function registerRemoteRunCommands(
  commands: RepositoryCommands,
  runs: RemoteRunStore,
  log: OutputLog,
): vscode.Disposable {
  const documents = remoteRunLogDocuments();

  const entryOf = async (
    argument: unknown,
    title: string,
    filter: (entry: RemoteRunEntry) => boolean,
  ): Promise<RemoteRunEntry | undefined> => {
    const key = keyOf(argument);
    if (key !== undefined) return runs.get(key);
    const candidates = runs.list().filter(filter);
    if (candidates.length === 0) {
      void vscode.window.showInformationMessage(`DVC Lens: no remote run to pick for "${title}".`);
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      candidates.map((entry) => ({
        label: entry.record.experiment,
        description: `${entry.record.target} · ${entry.record.id} · ${entry.state}`,
        entry,
      })),
      { title },
    );
    return picked?.entry;
  };

  commands.registerTrusted(remoteRunCommandIds.cancelRemoteRun, async (argument) => {
    const entry = await entryOf(
      argument,
      'Cancel which remote run?',
      (candidate) => !isFinishedRunState(candidate.state),
    );
    if (!entry) return;
    const { record } = entry;
    const what = `${record.experiment} (${record.target}, ${record.id})`;
    if (!confirmedOf(argument)) {
      const answer = await vscode.window.showWarningMessage(
        `DVC Lens: cancel the remote run ${what}? Its job stops and nothing of it is pulled.`,
        { modal: true },
        'Cancel Run',
      );
      if (answer !== 'Cancel Run') return;
    }
    try {
      await withCancellableProgress(`DVC Lens: Cancelling ${what}`, (signal) =>
        runs.cancel(remoteRunKey(record), signal),
      );
    } catch (error) {
      void showErrorWithLog(log, `DVC Lens: cancelling ${what} failed: ${errorText(error)}`);
    }
  });

  commands.registerTrusted(remoteRunCommandIds.showRemoteRunLog, async (argument) => {
    const entry = await entryOf(argument, 'Show the log of which remote run?', () => true);
    if (!entry) return;
    const key = remoteRunKey(entry.record);
    const handle = runs.handleOf(key);
    if (!handle) return void vscode.window.showWarningMessage(`DVC Lens: ${runs.unreachable(key)}`);
    const follow = isFinishedRunState(entry.state) ? undefined : handle.log.followCommand();
    if (follow) {
      // The program itself, with an argument array: no shell reads the job id or the paths.
      const terminal = vscode.window.createTerminal({
        name: `DVC Lens: ${entry.record.target} ${entry.record.id}`,
        shellPath: follow.file,
        shellArgs: [...follow.args],
        env: follow.env,
      });
      terminal.show();
      return;
    }
    try {
      const text = await withCancellableProgress(
        `DVC Lens: Reading the log of ${entry.record.experiment}`,
        (signal) => handle.log.read(signal),
      );
      await documents.show(entry.record, text);
    } catch (error) {
      void showErrorWithLog(
        log,
        `DVC Lens: reading the log of ${entry.record.experiment} failed: ${errorText(error)}`,
      );
    }
  });

  commands.registerTrusted(remoteRunCommandIds.removeRemoteRunRow, async (argument) => {
    const entry = await entryOf(argument, 'Remove the row of which finished remote run?', (candidate) =>
      isFinishedRunState(candidate.state),
    );
    if (!entry) return;
    if (!isFinishedRunState(entry.state)) {
      void vscode.window.showInformationMessage(
        `DVC Lens: ${entry.record.experiment} is still ${entry.state}: cancel it first, or wait until it ends.`,
      );
      return;
    }
    await runs.remove(remoteRunKey(entry.record));
  });

  return documents;
}

function keyOf(argument: unknown): string | undefined {
  if (typeof argument !== 'object' || argument === null) return undefined;
  const record = argument as RemoteRunArgument & { kind?: unknown; entry?: RemoteRunEntry };
  if (record.kind === 'remoteRun' && record.entry) return remoteRunKey(record.entry.record);
  return typeof record.key === 'string' ? record.key : undefined;
}

function confirmedOf(argument: unknown): boolean {
  return (
    typeof argument === 'object' && argument !== null && (argument as RemoteRunArgument).confirmed === true
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
