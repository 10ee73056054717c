/**
 * What the Initialize Project command needs from the process layer, as a narrow interface so that the
 * command's flow (pickers, messages) can be driven in tests without running anything.
 */
export interface FolderInspection {
  readonly isGitRepository: boolean;
  readonly isDvcRepository: boolean;
  readonly hasStagedChanges: boolean;
  readonly hasGitIdentity: boolean;
}

export interface InitializeChoices {
  readonly initGit: boolean;
  readonly starterPipeline: boolean;
  readonly defaultRemotePath?: string;
}

export interface ProjectSetupServices {
  inspect(folder: string): Promise<FolderInspection>;
  initialize(folder: string, choices: InitializeChoices, signal: AbortSignal): Promise<{ commit?: string }>;
  setGlobalGitIdentity(name: string, email: string): Promise<void>;
}
