/**
 * The error a person sees when a push, pull or fetch failed: what went wrong, with which remote (name and URL),
 * that nothing was lost, and what to do, with "Retry" and "Show Log". It stays within about three lines of a
 * notification (`NOTIFICATION_BUDGET` characters): DVC's detail and a long URL are clipped here, and DVC's whole
 * output is in the log behind "Show Log".
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

/** About three lines of a VS Code notification toast at its usual width. */
export const NOTIFICATION_BUDGET = 230;
const DETAIL_BUDGET = 64;
const URL_BUDGET = 40;

const VERBS: Readonly<Record<TransferKind, string>> = { push: 'Push', pull: 'Pull', fetch: 'Fetch' };

export function transferFailureMessage(
  kind: TransferKind,
  output: string,
  remote: DvcRemote | undefined,
): TransferFailureMessage {
  const classified = classifyRemoteFailure(output);
  const failure = { ...classified, detail: clip(classified.detail, DETAIL_BUDGET) };
  const where = remote ? `remote '${remote.name}' (${clip(remote.url, URL_BUDGET)})` : remoteLabel(undefined);
  const verb = VERBS[kind];
  const safe =
    kind === 'push' ? 'Workspace and cache are unchanged.' : 'Files DVC could not get are unchanged.';
  switch (failure.kind) {
    case 'noRemote':
      return {
        kind: failure.kind,
        text: `DVC Lens: ${verb} needs a remote, and this project has no default remote. Add or choose one and try again.`,
        actions: ['Add Remote'],
      };
    case 'unreachable':
      return {
        kind: failure.kind,
        text: `DVC Lens: ${verb} could not reach ${where}: ${failure.detail}. Check the URL and network. ${safe}`,
        actions: ['Retry'],
      };
    case 'unauthorized':
      return {
        kind: failure.kind,
        text: `DVC Lens: ${where} refused the credentials: ${failure.detail}. "Modify Remote" sets them in .dvc/config.local.`,
        actions: ['Retry', 'Modify Remote'],
      };
    case 'storage':
      return {
        kind: failure.kind,
        text: `DVC Lens: ${verb} could not use the storage of ${where}: ${failure.detail}. ${safe}`,
        actions: ['Retry'],
      };
    case 'missingData':
      return {
        kind: failure.kind,
        text: `DVC Lens: ${verb}: data in neither the cache nor ${where} (not pushed, or unreachable): ${failure.detail}. ${safe}`,
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

/** `text` cut to `budget` characters with an ellipsis (the whole of it is in the log). */
function clip(text: string, budget: number): string {
  return text.length <= budget ? text : `${text.slice(0, budget - 1)}…`;
}
