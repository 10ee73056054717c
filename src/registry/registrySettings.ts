/** The registry's settings: where gto is, and the Argo CD manifest that Assign Stage updates. */
import * as vscode from 'vscode';
import { settingKeys } from '../config/settings';

const section = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration();

/** `dvcLens.gtoPath`: an explicit gto executable (restricted: it names a program to run). */
export function gtoPathSetting(): string {
  return section().get<string>(settingKeys.gtoPath, '').trim();
}

/** The deployment manifest Assign Stage writes the new version into, when the person set one. */
export interface ManifestSetting {
  /** Relative to the repository root (a Kustomize or Helm values file). */
  readonly path: string;
  /** Dotted key of the version value (`model.version`). */
  readonly key: string;
  /** The stage whose assignment updates it. */
  readonly stage: string;
}

export function manifestSetting(): ManifestSetting | undefined {
  const path = section().get<string>(settingKeys.registryManifestPath, '').trim();
  const key = section().get<string>(settingKeys.registryManifestKey, '').trim();
  const stage = section().get<string>(settingKeys.registryManifestStage, 'prod').trim() || 'prod';
  return path && key ? { path, key, stage } : undefined;
}
