/**
 * The toolbar, one compact row of codicon buttons as the editor's own toolbars are: filter bar, state and
 * Starred filters, column and comparison toggles, and the actions on selected rows. Each button's name is its
 * title (tooltip and aria-label); Tab reaches the toolbar, Left/Right move between its buttons, Enter/Space
 * press them.
 */
import type { TableActionKind, TableRowState } from '../../src/core/protocols/experimentsTableProtocol';
import { htmlElement } from '../shared/dom';

export interface ToolbarHandlers {
  onFilterText(text: string): void;
  onStateFilter(states: readonly TableRowState[]): void;
  onStarredOnly(on: boolean): void;
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
  readonly starredOnly?: boolean;
  readonly onlyDiffering: boolean;
  readonly deltaMode: boolean;
  readonly hasBaseline: boolean;
  /** Which actions the selection allows. */
  readonly enabled: ReadonlySet<TableActionKind>;
  readonly selectedCount: number;
  readonly summary: string;
  readonly problems: readonly string[];
}

const states: readonly [TableRowState, string, string][] = [
  ['queued', 'Queued', 'clock'],
  ['running', 'Running', 'sync'],
  ['success', 'Succeeded', 'pass'],
  ['failed', 'Failed', 'error'],
];

const actionLabels: readonly [TableActionKind, string, string, string][] = [
  ['compare', 'Compare', 'Compare the selected rows', 'git-compare'],
  ['plot', 'Plot', 'Plot the selected rows', 'graph'],
  ['apply', 'Apply', 'Apply the selected experiment to the workspace', 'arrow-circle-down'],
  ['remove', 'Remove', 'Remove the selected experiments', 'trash'],
];

interface IconToggle {
  readonly element: HTMLButtonElement;
  set(pressed: boolean): void;
}

/** A codicon button named by `name` (what a screen reader says and tests find); the tooltip explains it. */
function iconButton(icon: string, name: string, explanation: string, onClick: () => void): HTMLButtonElement {
  const element = htmlElement('button', {
    type: 'button',
    class: 'lens-button icon toolbar-icon',
    title: `${name}: ${explanation}`,
    'aria-label': name,
  });
  element.append(htmlElement('span', { class: `codicon codicon-${icon}`, 'aria-hidden': 'true' }));
  element.addEventListener('click', onClick);
  return element;
}

function iconToggle(
  icon: string,
  name: string,
  explanation: string,
  onToggle: (on: boolean) => void,
): IconToggle {
  const set = (pressed: boolean): void => {
    element.setAttribute('aria-pressed', String(pressed));
    element.classList.toggle('pressed', pressed);
  };
  const element = iconButton(icon, name, explanation, () => {
    const pressed = element.getAttribute('aria-pressed') !== 'true';
    set(pressed);
    onToggle(pressed);
  });
  element.setAttribute('aria-pressed', 'false');
  return { element, set };
}

function separator(): HTMLElement {
  return htmlElement('span', { class: 'toolbar-separator', role: 'separator', 'aria-hidden': 'true' });
}

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
  private readonly stateToggles: [TableRowState, IconToggle][];
  private readonly starred: IconToggle;
  private readonly differing: IconToggle;
  private readonly delta: IconToggle;
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
    this.stateToggles = states.map(([state, label, icon]) => [
      state,
      iconToggle(icon, label, `show ${label.toLowerCase()} experiments`, () =>
        handlers.onStateFilter(this.pressedStates()),
      ),
    ]);
    this.starred = iconToggle('star-full', 'Starred', 'show only starred rows', (on) =>
      handlers.onStarredOnly(on),
    );
    const stateGroup = htmlElement('span', {
      class: 'state-filter',
      role: 'group',
      'aria-label': 'Filter by state',
    });
    stateGroup.append(...this.stateToggles.map(([, toggle]) => toggle.element), this.starred.element);
    const columns = iconButton('list-selection', 'Columns', 'show or hide columns', () =>
      handlers.onColumns(columns),
    );
    this.differing = iconToggle(
      'diff-multiple',
      'Only Differing',
      'show only columns whose values differ between the shown rows',
      (on) => handlers.onOnlyDiffering(on),
    );
    this.delta = iconToggle('diff', 'Delta', 'show differences to the baseline row instead of values', (on) =>
      handlers.onDeltaMode(on),
    );
    this.baseline = iconButton('pin', 'Set Baseline', 'pin the focused row as the baseline for deltas', () =>
      handlers.onBaseline(),
    );
    const actionGroup = htmlElement('span', {
      class: 'actions',
      role: 'group',
      'aria-label': 'Selected rows',
    });
    for (const [action, label, title, icon] of actionLabels) {
      const element = iconButton(icon, label, title.toLowerCase(), () => handlers.onAction(action));
      this.actions.set(action, element);
      actionGroup.append(element);
    }
    const exportButton = iconButton('export', 'Export CSV', 'save the shown rows and columns as CSV', () =>
      handlers.onExport(),
    );
    const filterGroup = htmlElement('span', { class: 'filter-group' });
    filterGroup.append(this.filter, this.problems);
    this.element.append(
      filterGroup,
      stateGroup,
      separator(),
      columns,
      this.differing.element,
      this.baseline,
      this.delta.element,
      separator(),
      actionGroup,
      exportButton,
      this.summary,
    );
    this.element.addEventListener('keydown', (event) => this.moveFocus(event));
  }

  /** Left/Right between the toolbar's buttons (disabled ones skipped), as in the editor's toolbars. */
  private moveFocus(event: KeyboardEvent): void {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    if (!(event.target instanceof HTMLButtonElement)) return;
    const buttons = Array.from(this.element.querySelectorAll<HTMLButtonElement>('button')).filter(
      (b) => !b.disabled,
    );
    const at = buttons.indexOf(event.target);
    const next = buttons[at + (event.key === 'ArrowRight' ? 1 : -1)];
    if (!next) return;
    event.preventDefault();
    next.focus();
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
    this.starred.set(state.starredOnly === true);
    this.differing.set(state.onlyDiffering);
    this.delta.set(state.deltaMode);
    this.delta.element.disabled = !state.hasBaseline;
    const baseline = state.hasBaseline ? 'Clear Baseline' : 'Set Baseline';
    this.baseline.setAttribute('aria-label', baseline);
    this.baseline.title = state.hasBaseline
      ? 'Clear Baseline: deltas are no longer computed'
      : 'Set Baseline: pin the focused row as the baseline for deltas';
    this.baseline.classList.toggle('pressed', state.hasBaseline);
    for (const [action, element] of this.actions) element.disabled = !state.enabled.has(action);
    this.summary.textContent = state.summary;
    this.problems.textContent = state.problems.join('; ');
  }
}
