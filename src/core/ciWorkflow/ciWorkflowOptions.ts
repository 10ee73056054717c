/**
 * What a generated CI workflow needs to know about the project, and the pinned versions it uses. Exact
 * release tags (not floating majors) so that a workflow behaves tomorrow as it did when it was generated;
 * setup-cml publishes only its major tag, so CML itself is pinned through the action's `version` input.
 */

/** Pinned versions written into generated workflows. */
export const pinnedVersions = {
  checkout: 'actions/checkout@v4.2.2',
  setupPython: 'actions/setup-python@v5.3.0',
  setupCml: 'iterative/setup-cml@v2',
  cml: 'v0.20.0',
  dvc: '3.67.1',
  python: '3.12',
  gitlabImage: 'python:3.12-slim',
  gitlabCmlNpm: '@dvcorg/cml@0.20.0',
} as const;

export interface CiWorkflowOptions {
  /** The workflow's name in the CI UI. */
  readonly name: string;
  /** The branch reports compare against (and pushes to which trigger a run). */
  readonly mainBranch: string;
  /** pip extras for the default remote's storage (`s3`, `gs`, `azure`, `ssh`…). */
  readonly dvcExtras: readonly string[];
  /** `ENV_NAME -> secret name`: credentials the DVC remote needs, referenced from the CI's secret store. */
  readonly secretEnv: Readonly<Record<string, string>>;
  /** A requirements file installed before `dvc repro` (the pipeline's own dependencies), when the project has one. */
  readonly requirementsFile?: string;
  /**
   * A command that writes the report markdown to `report.md` given `$BASE` (e.g. DVC Lens's
   * `npm run report -- --base "$BASE" --out report.md`). Without it the workflow uses DVC's own `--md` tables.
   */
  readonly reportCommand?: string;
  /** The DVC project's folder inside the git repository (`ml/`), when it is not the repository's top. */
  readonly workingDirectory?: string;
  /** Render the pipeline's plots to images and attach them to the report (default true). */
  readonly plots?: boolean;
}

/** Names a CI secret store and environments accept, so nothing odd lands inside a `${{ }}` expression. */
const environmentName = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A problem with the options, or undefined when a workflow can be written from them. */
export function ciOptionsProblem(options: CiWorkflowOptions): string | undefined {
  if (!/^[\w.\- ]+$/.test(options.name)) return `"${options.name}" is not a usable workflow name`;
  if (!/^[\w./-]+$/.test(options.mainBranch) || options.mainBranch.startsWith('-'))
    return `"${options.mainBranch}" is not a usable branch name`;
  for (const [env, secret] of Object.entries(options.secretEnv)) {
    if (!environmentName.test(env)) return `"${env}" is not a valid environment variable name`;
    if (!environmentName.test(secret)) return `"${secret}" is not a valid secret name`;
  }
  for (const extra of options.dvcExtras)
    if (!/^[a-z0-9]+$/.test(extra)) return `"${extra}" is not a DVC extra`;
  if (options.requirementsFile !== undefined && !/^[\w./-]+$/.test(options.requirementsFile))
    return `"${options.requirementsFile}" is not a usable requirements path`;
  if (options.workingDirectory !== undefined && !/^[\w./-]+$/.test(options.workingDirectory))
    return `"${options.workingDirectory}" is not a usable folder`;
  return undefined;
}

/**
 * The pip extra and the credentials a remote URL implies (`s3://…` needs `dvc[s3]` and AWS keys). Secret
 * names are the conventional environment names; the person creates them in the CI's secret store.
 */
export function remoteRequirements(url: string | undefined): {
  readonly extras: string[];
  readonly secretEnv: Record<string, string>;
} {
  const scheme = /^([a-z0-9+]+):\/\//i.exec(url ?? '')?.[1]?.toLowerCase();
  const same = (...names: string[]): Record<string, string> =>
    Object.fromEntries(names.map((name) => [name, name]));
  switch (scheme) {
    case 's3':
      return { extras: ['s3'], secretEnv: same('AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY') };
    case 'azure':
      return { extras: ['azure'], secretEnv: same('AZURE_STORAGE_CONNECTION_STRING') };
    case 'gs':
      return { extras: ['gs'], secretEnv: same('GOOGLE_APPLICATION_CREDENTIALS_DATA') };
    case 'gdrive':
      return { extras: ['gdrive'], secretEnv: same('GDRIVE_CREDENTIALS_DATA') };
    case 'ssh':
      return { extras: ['ssh'], secretEnv: {} };
    case 'http':
    case 'https':
      return { extras: [], secretEnv: {} };
    default:
      return { extras: [], secretEnv: {} };
  }
}

export function dvcRequirement(options: Pick<CiWorkflowOptions, 'dvcExtras'>): string {
  const extras = options.dvcExtras.length > 0 ? `[${[...new Set(options.dvcExtras)].join(',')}]` : '';
  return `dvc${extras}==${pinnedVersions.dvc}`;
}
