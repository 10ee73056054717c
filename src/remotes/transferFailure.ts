/**
 * The error a person sees when a push, pull or fetch failed: what went wrong, with which remote (name and URL),
 * that nothing was lost, and what to do, with "Retry" and "Show Log".
 */
import type { DvcRemote } from '../core/data/remoteList';
import { classifyRemoteFailure, type RemoteFailureKind } from '../core/remotes/remoteFailure';
import { remoteLabel, type TransferKind } from '../core/remotes/transferMessage';

export interface TransferFailureMessage {
  readonly kind: RemoteFailureKind;
  readonly text: string;
  /** Besides "Show Log" (always offered). */
  readonly actions: readonly string[];
}

const VERBS: Readonly<Record<TransferKind, string>> = { push: 'Push', pull: 'Pull', fetch: 'Fetch' };

export function transferFailureMessage(
  kind: TransferKind,
  output: string,
  remote: DvcRemote | undefined,
): TransferFailureMessage {
  const failure = classifyRemoteFailure(output);
  const where = remote ? `remote '${remote.name}' (${remote.url})` : remoteLabel(undefined);
  const verb = VERBS[kind];
  const safe =
    kind === 'push'
      ? 'Your workspace and cache are unchanged; what was uploaded stays in the remote.'
      : 'Your workspace files are unchanged where DVC could not get data.';
  switch (failure.kind) {
    case 'noRemote':
      return {
        kind: failure.kind,
        text: `DVC Lens: ${verb} needs a remote, and this project has no default remote. Add one (or choose one) and try again.`,
        actions: ['Add Remote'],
      };
    case 'unreachable':
      return {
        kind: failure.kind,
        text: `DVC Lens: ${verb} could not reach ${where}: ${failure.detail}. Check the URL and your network. ${safe}`,
        actions: ['Retry'],
      };
    case 'unauthorized':
      return {
        kind: failure.kind,
        text: `DVC Lens: ${where} refused the credentials: ${failure.detail}. Set them with "Modify Remote" (they go to .dvc/config.local). ${safe}`,
        actions: ['Retry', 'Modify Remote'],
      };
    case 'storage':
      return {
        kind: failure.kind,
        text: `DVC Lens: ${verb} could not use the storage of ${where}: ${failure.detail}. Check the remote's path. ${safe}`,
        actions: ['Retry'],
      };
    case 'missingData':
      return {
        kind: failure.kind,
        text: `DVC Lens: ${verb} found some data neither in the cache nor in ${where} (never pushed, or the remote is unreachable): ${failure.detail}. ${safe}`,
        actions: ['Retry'],
      };
    case 'other':
      return {
        kind: failure.kind,
        text: `DVC Lens: ${verb} with ${where} failed: ${failure.detail}. ${safe}`,
        actions: ['Retry'],
      };
  }
}
