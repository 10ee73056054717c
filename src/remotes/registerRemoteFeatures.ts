/**
 * The remotes feature: the Remotes view, remote configuration, push/pull/fetch with progress and a summary,
 * garbage collection behind a confirmation, and bringing data in (import-url, get-url, import, update).
 */
import type { DataFeatureDependencies } from '../data/registerDataFeatures';

/** The remote and transfer commands; package.json contributes them with these ids. */
export const remoteCommandIds = {} as const;

export type RemoteFeatureDependencies = DataFeatureDependencies;

/** What the extension-host suite reads of the remotes feature. */
export type RemoteFeatures = Record<string, never>;

export function registerRemoteFeatures(_deps: RemoteFeatureDependencies): RemoteFeatures {
  return {};
}
