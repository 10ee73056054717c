/** Where the DVC executable came from, in the order dvcDiscovery tries them. */
export type DvcExecutableSource = 'setting' | 'workspaceVenv' | 'pythonModule' | 'pythonEnvironment' | 'path';

/** How to start DVC: chosen by dvcDiscovery, used by DvcCli for every call. */
export interface DvcExecutable {
  /** An absolute path (a `dvc` executable, or a python interpreter for `pythonModule`). */
  readonly command: string;
  /** Arguments before DVC's own, e.g. `['-m', 'dvc']` when `command` is a python interpreter. */
  readonly prefixArgs: readonly string[];
  readonly source: DvcExecutableSource;
  /** As `dvc --version` printed it, e.g. "3.67.1". */
  readonly version: string;
}
