/**
 * The dashboard's collapsible "Custom" section: an Add button, then one card per custom plot (scatter through
 * Vega-Lite, parallel coordinates as our SVG). Cards are kept by id across snapshots and redrawn only when
 * their data changed, so a brush survives an experiments refresh. After drawing, the section reports what it
 * drew to the host (`customPlots` / `rendered`).
 */
import type { LegendEntry, PlotsWebviewMessage } from '../../../src/core/protocols/plotsProtocol';
import type {
  CustomPlotCard,
  CustomPlotsAction,
  CustomPlotsSection,
} from '../../../src/core/protocols/customPlotsProtocol';
import { htmlElement } from '../../shared/dom';
import type { CustomCardHost } from './customCardFrame';
import { ParallelCard } from './parallelCard';
import { ScatterCard } from './scatterCard';

export const CUSTOM_SECTION_ID = 'custom';

export interface CustomSectionHost {
  post(message: PlotsWebviewMessage): void;
  isCollapsed(id: string): boolean;
  toggleCollapsed(id: string): void;
}

type Card = ScatterCard | ParallelCard;

export class CustomSection implements CustomCardHost {
  legend: readonly LegendEntry[] = [];
  private readonly element = htmlElement('section', {
    class: 'plots-section custom-section',
    'data-section': CUSTOM_SECTION_ID,
  });
  private readonly header = htmlElement(
    'button',
    { class: 'section-header', 'aria-expanded': 'true' },
    'Custom',
  );
  private readonly content = htmlElement('div', { class: 'custom-content' });
  private readonly hint = htmlElement(
    'span',
    { class: 'custom-hint' },
    'Plot params and metrics across experiments: a metric against a param or another metric, or parallel coordinates. Nothing is written to dvc.yaml.',
  );
  private readonly body = htmlElement('div', { class: 'section-body' });
  private cards = new Map<string, { card: Card; json: string }>();
  private reportTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    root: HTMLElement,
    private readonly host: CustomSectionHost,
  ) {
    this.header.addEventListener('click', () => {
      host.toggleCollapsed(CUSTOM_SECTION_ID);
      this.applyCollapsed();
    });
    const add = htmlElement('button', { class: 'primary custom-add' }, 'Add Custom Plot…');
    add.addEventListener('click', () => this.act({ kind: 'add' }));
    const actions = htmlElement('div', { class: 'custom-actions' });
    actions.append(add, this.hint);
    this.content.append(actions, this.body);
    this.element.append(this.header, this.content);
    root.append(this.element);
    this.applyCollapsed();
  }

  show(section: CustomPlotsSection | undefined, legend: readonly LegendEntry[]): void {
    this.element.hidden = section === undefined;
    if (!section) return;
    const legendChanged = JSON.stringify(legend) !== JSON.stringify(this.legend);
    this.legend = legend;
    const next = new Map<string, { card: Card; json: string }>();
    for (const data of section.cards) {
      const json = JSON.stringify(data);
      const previous = this.cards.get(data.id);
      let card = previous?.card;
      if (card && previous?.json === json && !legendChanged) {
        next.set(data.id, { card, json });
        continue;
      }
      if (card && cardKind(card) === data.kind) card.update(data);
      else {
        card?.dispose();
        card = data.kind === 'scatter' ? new ScatterCard(data, this) : new ParallelCard(data, this);
      }
      next.set(data.id, { card, json });
    }
    for (const [id, { card }] of this.cards) if (next.get(id)?.card !== card) card.dispose();
    this.cards = next;
    this.body.replaceChildren(...[...next.values()].map(({ card }) => card.element));
    this.header.textContent = `Custom (${next.size})`;
    this.hint.hidden = next.size > 0;
    this.didRender();
  }

  act(action: CustomPlotsAction): void {
    this.host.post({ type: 'customPlots', action });
  }

  didRender(): void {
    if (this.reportTimer) clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(() => {
      const reports = [...this.cards.values()].map(({ card }) => card.report());
      this.act({ kind: 'rendered', reports });
    }, 50);
  }

  private applyCollapsed(): void {
    const collapsed = this.host.isCollapsed(CUSTOM_SECTION_ID);
    this.header.setAttribute('aria-expanded', String(!collapsed));
    this.content.hidden = collapsed;
  }
}

function cardKind(card: Card): CustomPlotCard['kind'] {
  return card instanceof ScatterCard ? 'scatter' : 'parallel';
}
