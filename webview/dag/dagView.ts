import type {
  DagNodeView,
  DagSnapshot,
  DagViewState,
  DagWebviewMessage,
} from '../../src/core/protocols/dagProtocol';
import { button } from '../components/button';
import { openMenu } from '../components/menu';
import { searchBox, type SearchBox } from '../components/searchBox';
import { htmlElement, svgElement } from '../shared/dom';
import type { WebviewApi } from '../shared/vscodeApi';
import { layoutDag, type DagLayout } from './layout';
import { neighbour, type Direction } from './navigation';
import { renderDag } from './render';
import { statusLabels } from './statusText';
import { Viewport } from './viewport';

const arrows: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/** The panel: toolbar (search, zoom, fit), legend, error banner and the graph; it keeps only UI state. */
export class DagView {
  private readonly svg = svgElement('svg', {
    class: 'dag',
    role: 'application',
    'aria-label': 'Pipeline graph',
  });
  private readonly banner = htmlElement('div', { class: 'problems', role: 'alert' });
  private readonly empty = htmlElement(
    'div',
    { class: 'empty' },
    'No pipeline stages in this workspace yet.',
  );
  private readonly search: SearchBox;
  private readonly viewport: Viewport;
  private snapshot: DagSnapshot = { nodes: [], edges: [], groups: [], problems: [] };
  private layout: DagLayout | undefined;
  private nodeElements: ReadonlyMap<string, SVGGElement> = new Map();
  private nodesById = new Map<string, DagNodeView>();
  private selected: string | undefined;
  private matches: string[] = [];
  private matchIndex = -1;
  private firstShow = true;

  constructor(
    root: HTMLElement,
    private readonly api: WebviewApi<DagWebviewMessage, DagViewState>,
  ) {
    this.viewport = new Viewport(this.svg, () => this.saveState());
    this.search = searchBox({
      placeholder: 'Find stage',
      onSearch: (query) => this.find(query),
      onNext: (backwards) => this.nextMatch(backwards ? -1 : 1),
      onEscape: () => {
        this.search.input.value = '';
        this.find('');
      },
    });
    const toolbar = htmlElement('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Graph' });
    toolbar.append(
      this.search.element,
      button('−', () => this.viewport.zoomAt(1 / 1.25), { title: 'Zoom out', icon: true }),
      button('+', () => this.viewport.zoomAt(1.25), { title: 'Zoom in', icon: true }),
      button('Fit', () => this.fit(), { title: 'Fit the graph to the panel' }),
      this.legend(),
    );
    root.append(toolbar, this.banner, this.empty, this.svg);
    this.svg.addEventListener('click', (event) => {
      const id = this.nodeIdAt(event.target);
      if (id) this.select(id, false);
    });
    this.svg.addEventListener('dblclick', (event) => {
      const id = this.nodeIdAt(event.target);
      if (id) this.send(id, 'openStage');
    });
    this.svg.addEventListener('contextmenu', (event) => {
      const id = this.nodeIdAt(event.target);
      if (!id) return;
      event.preventDefault();
      this.select(id, false);
      this.menu(id, event.clientX, event.clientY);
    });
    this.svg.addEventListener('keydown', (event) => this.onKey(event));
  }

  show(snapshot: DagSnapshot): void {
    performance.mark('dag-layout-start');
    this.snapshot = snapshot;
    this.nodesById = new Map(snapshot.nodes.map((node) => [node.id, node]));
    this.layout = layoutDag(snapshot);
    performance.mark('dag-layout-end');
    const rendered = renderDag(this.svg, snapshot, this.layout);
    this.nodeElements = rendered.nodeElements;
    this.viewport.attach(rendered.scene);
    this.showProblems();
    this.empty.hidden = snapshot.nodes.length > 0;
    if (this.firstShow) {
      this.firstShow = false;
      const state = this.api.getState();
      if (state) {
        this.viewport.set(state.zoom, state.panX, state.panY);
        if (state.selected && this.nodesById.has(state.selected)) this.select(state.selected, false, false);
      } else if (this.layout) this.viewport.overview(this.layout.width, this.layout.height);
    }
    if (this.selected && !this.nodesById.has(this.selected)) this.selected = undefined;
    if (this.selected) this.select(this.selected, false, false);
    else this.setTabStop(snapshot.nodes[0]?.id);
    // A new snapshot keeps the search highlighted but does not move the view (runs send many).
    if (this.search.input.value) this.find(this.search.input.value, false);
    performance.mark('dag-render-end');
    performance.measure('dag-layout', 'dag-layout-start', 'dag-layout-end');
    performance.measure('dag-render', 'dag-layout-start', 'dag-render-end');
  }

  /** Selects a node: focus ring, tab stop, kept in state; `reveal` scrolls it into view. */
  select(id: string, reveal: boolean, focus = true): void {
    const element = this.nodeElements.get(id);
    if (!element) return;
    this.nodeElements.get(this.selected ?? '')?.classList.remove('selected');
    this.selected = id;
    element.classList.add('selected');
    this.setTabStop(id);
    const box = this.layout?.nodes.get(id);
    if (reveal && box) this.viewport.reveal(box);
    if (focus) element.focus({ preventScroll: true });
    this.saveState();
  }

  private setTabStop(id: string | undefined): void {
    for (const [nodeId, element] of this.nodeElements)
      element.setAttribute('tabindex', nodeId === id ? '0' : '-1');
  }

  private fit(): void {
    if (this.layout) this.viewport.fit(this.layout.width, this.layout.height);
  }

  private saveState(): void {
    const { zoom, panX, panY } = this.viewport;
    this.api.setState({ zoom, panX, panY, ...(this.selected ? { selected: this.selected } : {}) });
  }

  private nodeIdAt(target: EventTarget | null): string | undefined {
    const element = target instanceof Element ? target.closest('.node') : null;
    return element?.getAttribute('data-id') ?? undefined;
  }

  private onKey(event: KeyboardEvent): void {
    const id = this.nodeIdAt(event.target) ?? this.selected;
    if (!id || !this.layout) return;
    const direction = arrows[event.key];
    if (direction) {
      const next = neighbour(this.layout, id, direction);
      if (next) this.select(next, true);
    } else if (event.key === 'Enter') {
      this.send(id, 'openStage');
    } else if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      const rect = this.nodeElements.get(id)?.getBoundingClientRect();
      this.menu(id, rect ? rect.left + 12 : 0, rect ? rect.bottom : 0);
    } else if (event.key === '+' || event.key === '=') this.viewport.zoomAt(1.25);
    else if (event.key === '-') this.viewport.zoomAt(1 / 1.25);
    else if (event.key === '0') this.fit();
    else return;
    event.preventDefault();
  }

  private menu(id: string, x: number, y: number): void {
    const element = this.nodeElements.get(id);
    if (!element) return;
    // A data source (.dvc file) is not run: it only opens.
    if (this.nodesById.get(id)?.source) {
      openMenu([{ label: 'Open .dvc File', run: () => this.send(id, 'openStage') }], x, y, element);
      return;
    }
    openMenu(
      [
        { label: 'Run This Stage', run: () => this.send(id, 'runStage', 'withUpstream') },
        { label: 'Run Downstream', run: () => this.send(id, 'runStage', 'downstream') },
        { label: 'Open in dvc.yaml', run: () => this.send(id, 'openStage') },
        { label: 'Show Last Log', run: () => this.send(id, 'showLastLog') },
      ],
      x,
      y,
      element,
    );
  }

  private send(
    id: string,
    type: 'openStage' | 'showLastLog' | 'runStage',
    mode?: 'withUpstream' | 'downstream',
  ): void {
    const node = this.nodesById.get(id);
    if (!node) return;
    const target = { root: node.root, stage: node.qualifiedName };
    if (type === 'runStage') this.api.postMessage({ type, ...target, mode: mode ?? 'withUpstream' });
    else this.api.postMessage({ type, ...target });
  }

  private find(query: string, reveal = true): void {
    const needle = query.trim().toLowerCase();
    this.matches = needle
      ? this.snapshot.nodes
          .filter((node) => node.qualifiedName.toLowerCase().includes(needle))
          .map((node) => node.id)
      : [];
    const matching = new Set(this.matches);
    this.svg.classList.toggle('searching', needle !== '');
    for (const [id, element] of this.nodeElements) element.classList.toggle('match', matching.has(id));
    this.matchIndex = -1;
    this.search.setCount(needle ? `${this.matches.length} found` : '');
    if (reveal && this.matches.length > 0) this.nextMatch(1, false);
  }

  private nextMatch(step: number, focus = true): void {
    if (this.matches.length === 0) return;
    this.matchIndex = (this.matchIndex + step + this.matches.length) % this.matches.length;
    const id = this.matches[this.matchIndex];
    if (id) this.select(id, true, focus);
    this.search.setCount(`${this.matchIndex + 1} of ${this.matches.length}`);
  }

  private showProblems(): void {
    const problems = this.snapshot.problems;
    this.banner.replaceChildren();
    this.banner.hidden = problems.length === 0;
    if (problems.length === 0) return;
    const title = htmlElement(
      'strong',
      {},
      problems.length === 1 ? 'The pipeline has an error:' : `The pipeline has ${problems.length} errors:`,
    );
    const list = htmlElement('ul');
    for (const problem of problems.slice(0, 20)) {
      const item = htmlElement('li');
      item.append(htmlElement('span', { class: 'location' }, problem.location), ` ${problem.message}`);
      list.append(item);
    }
    this.banner.append(title, list);
  }

  private legend(): HTMLElement {
    const legend = htmlElement('ul', { class: 'legend', 'aria-label': 'Status colours' });
    for (const [kind, label] of Object.entries(statusLabels)) {
      const item = htmlElement('li', { class: `status-${kind}` });
      item.append(htmlElement('span', { class: 'swatch', 'aria-hidden': 'true' }), label);
      legend.append(item);
    }
    const running = htmlElement('li', { class: 'run-running' });
    running.append(htmlElement('span', { class: 'swatch', 'aria-hidden': 'true' }), 'Running');
    legend.append(running);
    return legend;
  }
}
