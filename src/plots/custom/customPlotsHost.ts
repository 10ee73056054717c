/**
 * The custom plots of one repository as its dashboard sees them: the cards built from the experiments store's
 * model (no DVC call of their own), a change event when the definitions or the model change, the page's
 * actions routed to the commands, and what the page reported it drew.
 */
import * as vscode from 'vscode';
import { customPlotCard } from '../../core/plots/custom/customPlotData';
import type { CustomPlotRecords } from '../../core/plots/custom/customPlotsPersistence';
import type { ExperimentsModel } from '../../core/experiments/experimentModel';
import type { ExperimentsStore } from '../../experiments';
import type { LegendEntry } from '../../core/protocols/plotsProtocol';
import type {
  CustomPlotRenderReport,
  CustomPlotsAction,
  CustomPlotsSection,
} from '../../core/protocols/customPlotsProtocol';

/** What the page's buttons do: the commands, with this repository's root. */
export interface CustomPlotActions {
  add(root: string): void;
  edit(root: string, id: string): void;
  remove(root: string, id: string): void;
}

export class CustomPlotsHost implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** The section's content changed: the dashboard pushes a new snapshot. */
  readonly onDidChange = this.changed.event;
  private readonly renderedEmitter = new vscode.EventEmitter<void>();
  /** The page reported what it drew (tests wait on it). */
  readonly onDidRender = this.renderedEmitter.event;
  private reportsById = new Map<string, CustomPlotRenderReport>();
  private lastModel: ExperimentsModel | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.renderedEmitter];
  private readonly watcherId: string;

  constructor(
    readonly root: string,
    private readonly records: CustomPlotRecords,
    private readonly experiments: ExperimentsStore,
    private readonly actions: CustomPlotActions,
  ) {
    this.watcherId = `customPlots:${root}`;
    this.lastModel = experiments.get(root)?.model;
    this.disposables.push(
      experiments.onDidChange(() => {
        const model = this.experiments.get(this.root)?.model;
        if (model === this.lastModel) return;
        this.lastModel = model;
        this.changed.fire();
      }),
    );
  }

  /** What the page reported for each custom plot, from its last render. */
  get reports(): ReadonlyMap<string, CustomPlotRenderReport> {
    return this.reportsById;
  }

  get model(): ExperimentsModel | undefined {
    return this.experiments.get(this.root)?.model;
  }

  section(legend: readonly LegendEntry[]): CustomPlotsSection {
    const colours = new Map(legend.map((entry) => [entry.rev, entry.colour]));
    return {
      cards: this.records
        .list(this.root)
        .map((definition) => customPlotCard(definition, this.model, colours)),
    };
  }

  /** The definitions changed (a command saved them): redraw. */
  definitionsChanged(): void {
    this.changed.fire();
  }

  /**
   * Follows a dashboard panel: while it is visible the experiments store keeps the model fresh (it asks DVC
   * only while someone looks); the old page's reports go with it.
   */
  attach(panel: vscode.WebviewPanel): vscode.Disposable {
    this.reportsById = new Map();
    this.experiments.setWatched(this.watcherId, panel.visible);
    const viewState = panel.onDidChangeViewState((event) =>
      this.experiments.setWatched(this.watcherId, event.webviewPanel.visible),
    );
    return {
      dispose: () => {
        viewState.dispose();
        this.experiments.setWatched(this.watcherId, false);
      },
    };
  }

  receive(action: CustomPlotsAction): void {
    switch (action.kind) {
      case 'add':
        return this.actions.add(this.root);
      case 'edit':
        return this.actions.edit(this.root, action.id);
      case 'remove':
        return this.actions.remove(this.root, action.id);
      case 'rendered':
        this.reportsById = new Map(action.reports.map((report) => [report.id, report]));
        this.renderedEmitter.fire();
        return;
      default: {
        const unhandled: never = action;
        return unhandled;
      }
    }
  }

  dispose(): void {
    this.experiments.setWatched(this.watcherId, false);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
