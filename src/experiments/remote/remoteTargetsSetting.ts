/**
 * `dvcLens.computeTargets` read, checked and turned into registered compute targets, again whenever the
 * setting changes. The setting says what runs where, so it is a restricted configuration: in Restricted Mode
 * only the user's own value counts (a cloned repository's `.vscode/settings.json` cannot name a target), and
 * nothing is submitted anyway (the command runtime refuses).
 */
import * as vscode from 'vscode';
import type { RemoteTargetSettings } from '../../core/execution/computeTargetSettings';
import {
  COMPUTE_TARGETS_SETTING,
  computeTargetsValue,
  parseComputeTargets,
} from '../../core/execution/parseComputeTargets';
import type { ComputeTargets, RemoteComputeTarget } from '../../execution';
import { DisposableStore } from '../../lifecycle/disposableStore';
import type { OutputLog } from '../../log/outputLog';
import { isTrusted, whenTrusted } from '../../trust/workspaceTrust';

/** Makes the target an entry describes (the execution layer's `createRemoteTarget`, bound to its services). */
export type RemoteTargetFactory = (settings: RemoteTargetSettings) => RemoteComputeTarget;

/**
 * The setting's value that counts: in Restricted Mode the user's own only. Read with `inspect`, not `get`:
 * VS Code hides a restricted setting's workspace value from `get` in an untrusted workspace today, and this
 * does not depend on it.
 */
export function effectiveComputeTargets(trusted: boolean): unknown {
  return computeTargetsValue(
    vscode.workspace.getConfiguration().inspect<unknown>(COMPUTE_TARGETS_SETTING),
    trusted,
  );
}

export class RemoteTargetsSetting implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private registrations = new DisposableStore();
  private targets: RemoteComputeTarget[] = [];
  /** Problems already shown: each is said once, not at every unrelated settings change. */
  private readonly shownProblems = new Set<string>();
  private readonly changed = this.disposables.register(new vscode.EventEmitter<void>());
  /** The configured targets changed. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly registry: ComputeTargets,
    private readonly factory: RemoteTargetFactory,
    private readonly log: OutputLog,
  ) {
    this.disposables.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(COMPUTE_TARGETS_SETTING)) this.reload();
      }),
    );
    // Trust brings the workspace's own value in.
    this.disposables.register(whenTrusted(() => this.reload()));
    this.reload();
  }

  /** The configured targets, in the setting's order. */
  get all(): readonly RemoteComputeTarget[] {
    return this.targets;
  }

  /** The target a run record or a pick names. */
  byName(name: string): RemoteComputeTarget | undefined {
    return this.targets.find((target) => target.settings.name === name);
  }

  /** Reads the setting again and registers what it names (the old registrations go first). */
  reload(): void {
    const parsed = parseComputeTargets(effectiveComputeTargets(isTrusted()));
    this.registrations.dispose();
    this.registrations = new DisposableStore();
    this.targets = [];
    const problems = [...parsed.problems];
    for (const settings of parsed.targets) {
      try {
        const target = this.factory(settings);
        this.registrations.register(this.registry.register(target));
        this.targets.push(target);
      } catch (error) {
        problems.push(
          `${COMPUTE_TARGETS_SETTING} "${settings.name}": ${error instanceof Error ? error.message : String(error)}; the target is left out.`,
        );
      }
    }
    this.showProblems(problems);
    this.changed.fire();
  }

  dispose(): void {
    this.registrations.dispose();
    this.disposables.dispose();
  }

  private showProblems(problems: readonly string[]): void {
    const fresh = problems.filter((problem) => !this.shownProblems.has(problem));
    if (fresh.length === 0) return;
    for (const problem of fresh) {
      this.shownProblems.add(problem);
      this.log.append(`DVC Lens: ${problem}`);
    }
    const more = fresh.length > 1 ? ` (and ${fresh.length - 1} more in the DVC Lens log)` : '';
    void vscode.window
      .showWarningMessage(`DVC Lens: ${fresh[0]}${more}`, 'Open Settings', 'Show Log')
      .then((picked) => {
        if (picked === 'Open Settings')
          void vscode.commands.executeCommand('workbench.action.openSettings', COMPUTE_TARGETS_SETTING);
        else if (picked === 'Show Log') this.log.show();
      });
  }
}
