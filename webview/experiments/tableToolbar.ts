/** The toolbar: filter bar, state filter, column and comparison toggles, and the actions on selected rows. */
import type { TableActionKind, TableRowState } from '../../src/core/protocols/experimentsTableProtocol';
import { button } from '../components/button';
import { toggleButton, type ToggleButton } from '../components/toggleButton';
import { htmlElement } from '../shared/dom';

export interface ToolbarHandlers {
  onFilterText(text: string): void;
  onStateFilter(states: readonly TableRowState[]): void;
  onColumns(anchor: HTMLElement): void;
  onOnlyDiffering(on: boolean): void;
  onDeltaMode(on: boolean): void;
  onBaseline(): void;
  onAction(action: TableActionKind): void;
  onExport(): void;
}

/** What the toolbar shows of the table's state. */
export interface ToolbarState {
  readonly filterText: string;
  readonly stateFilter: readonly TableRowState[];
  readonly onlyDiffering: boolean;
  readonly deltaMode: boolean;
  readonly hasBaseline: boolean;
  /** Which actions the selection allows. */
  readonly enabled: ReadonlySet<TableActionKind>;
  readonly selectedCount: number;
  readonly summary: string;
  readonly problems: readonly string[];
}

const states: readonly [TableRowState, string][] = [
  ['queued', 'Queued'],
  ['running', 'Running'],
  ['success', 'Succeeded'],
  ['failed', 'Failed'],
];

const actionLabels: readonly [TableActionKind, string, string][] = [
  ['compare', 'Compare', 'Compare the selected rows'],
  ['plot', 'Plot', 'Plot the selected rows'],
  ['apply', 'Apply', 'Apply the selected experiment to the workspace'],
  ['remove', 'Remove', 'Remove the selected experiments'],
];

export class TableToolbar {
  readonly element = htmlElement('div', {
    class: 'toolbar',
    role: 'toolbar',
    'aria-label': 'Experiments table',
  });
  private readonly filter = htmlElement('input', {
    type: 'search',
    class: 'filter-input',
    placeholder: 'Filter: name, lr>0.01, acc:0.8..1, model~cnn',
    'aria-label': 'Filter rows',
    spellcheck: 'false',
  });
  private readonly problems = htmlElement('span', { class: 'filter-problems', role: 'status' });
  private readonly stateToggles: [TableRowState, ToggleButton][];
  private readonly differing: ToggleButton;
  private readonly delta: ToggleButton;
  private readonly baseline: HTMLButtonElement;
  private readonly actions = new Map<TableActionKind, HTMLButtonElement>();
  private readonly summary = htmlElement('span', { class: 'summary', 'aria-live': 'polite' });
  private filterTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly handlers: ToolbarHandlers) {
    this.filter.addEventListener('input', () => {
      // Filtering 10,000 rows per keystroke is wasted work while the person is still typing.
      if (this.filterTimer) clearTimeout(this.filterTimer);
      this.filterTimer = setTimeout(() => handlers.onFilterText(this.filter.value), 150);
    });
    this.stateToggles = states.map(([state, label]) => [
      state,
      toggleButton(label, () => handlers.onStateFilter(this.pressedStates()), {
        title: `Show ${label.toLowerCase()} experiments`,
      }),
    ]);
    const stateGroup = htmlElement('span', {
      class: 'state-filter',
      role: 'group',
      'aria-label': 'Filter by state',
    });
    stateGroup.append(...this.stateToggles.map(([, toggle]) => toggle.element));
    const columns = button('Columns', () => handlers.onColumns(columns), { title: 'Show or hide columns' });
    this.differing = toggleButton('Only Differing', (on) => handlers.onOnlyDiffering(on), {
      title: 'Show only columns whose values differ between the shown rows',
    });
    this.delta = toggleButton('Δ Delta', (on) => handlers.onDeltaMode(on), {
      title: 'Show differences to the baseline row instead of values',
    });
    this.baseline = button('Set Baseline', () => handlers.onBaseline(), {
      title: 'Pin the focused row as the baseline for deltas',
    });
    const actionGroup = htmlElement('span', {
      class: 'actions',
      role: 'group',
      'aria-label': 'Selected rows',
    });
    for (const [action, label, title] of actionLabels) {
      const element = button(label, () => handlers.onAction(action), { title });
      this.actions.set(action, element);
      actionGroup.append(element);
    }
    const exportButton = button('Export CSV', () => handlers.onExport(), {
      title: 'Save the shown rows and columns as CSV',
    });
    const filterGroup = htmlElement('span', { class: 'filter-group' });
    filterGroup.append(this.filter, this.problems);
    this.element.append(
      filterGroup,
      stateGroup,
      columns,
      this.differing.element,
      this.baseline,
      this.delta.element,
      actionGroup,
      exportButton,
      this.summary,
    );
  }

  private pressedStates(): TableRowState[] {
    return this.stateToggles
      .filter(([, toggle]) => toggle.element.getAttribute('aria-pressed') === 'true')
      .map(([state]) => state);
  }

  show(state: ToolbarState): void {
    if (document.activeElement !== this.filter && this.filter.value !== state.filterText)
      this.filter.value = state.filterText;
    for (const [rowState, toggle] of this.stateToggles) toggle.set(state.stateFilter.includes(rowState));
    this.differing.set(state.onlyDiffering);
    this.delta.set(state.deltaMode);
    this.delta.element.disabled = !state.hasBaseline;
    this.baseline.textContent = state.hasBaseline ? 'Clear Baseline' : 'Set Baseline';
    for (const [action, element] of this.actions) element.disabled = !state.enabled.has(action);
    this.summary.textContent = state.summary;
    this.problems.textContent = state.problems.join('; ');
  }
}
