/**
 * A repository's open plots dashboard, as a slice of the repository hub (one dashboard per repository). What
 * feeds the dashboard while it is open (live updates, the custom plots' attachment) closes with it, and the
 * dashboard closes when its repository leaves the workspace.
 */
import type * as vscode from 'vscode';
import { defineSlice, type RepositorySlice } from '../repository/repositorySlice';
import type { PlotsDashboard } from './dashboard/plotsDashboard';

interface OpenDashboard {
  readonly dashboard: PlotsDashboard;
  /** What lives exactly as long as the dashboard (its watcher, its custom plots' attachment). */
  readonly attachments: readonly vscode.Disposable[];
}

export class PlotsSlice implements RepositorySlice {
  private opened: OpenDashboard | undefined;

  /** The open dashboard, if any. */
  get dashboard(): PlotsDashboard | undefined {
    return this.opened?.dashboard;
  }

  /** Keeps a newly opened dashboard (and what lives as long as it) until its panel closes. */
  open(dashboard: PlotsDashboard, attachments: readonly vscode.Disposable[]): void {
    const opened: OpenDashboard = { dashboard, attachments };
    this.opened = opened;
    dashboard.onDidDispose(() => {
      for (const attachment of attachments) attachment.dispose();
      if (this.opened === opened) this.opened = undefined;
    });
  }

  /**
   * Asks DVC again for the open dashboard (nothing when none is open). A `plots diff` running is not cancelled
   * for it: one more read follows it (a command's change is newer than what the running read sees).
   */
  async refresh(): Promise<void> {
    await this.opened?.dashboard.refreshLive();
  }

  dispose(): void {
    this.opened?.dashboard.panel.dispose();
  }
}

/** The open plots dashboard of a repository; `refreshSlices(['plots'])` redraws it from DVC. */
export const plotsSlice = defineSlice('plots', () => new PlotsSlice());
