/** The frame every custom plot card shares: title, its tools (Edit, Remove, extras), the chart, the notes. */
import { skippedNote } from '../../../src/core/plots/custom/customPlotData';
import type { CustomPlotCard } from '../../../src/core/protocols/customPlotsProtocol';
import type { CustomPlotsAction } from '../../../src/core/protocols/customPlotsProtocol';
import { htmlElement } from '../../shared/dom';

export interface CustomCardHost {
  /** The legend: revision → colour, for the report of which revisions were drawn. */
  readonly legend: ReadonlyArray<{ readonly rev: string; readonly colour: string }>;
  act(action: CustomPlotsAction): void;
  /** Called after every render so the section can report to the host. */
  didRender(): void;
}

export interface CardFrame {
  readonly element: HTMLElement;
  readonly tools: HTMLElement;
  readonly chart: HTMLElement;
  /** Replaces the notes under the chart (what was left out, or why nothing is drawn). */
  setNotes(card: CustomPlotCard): void;
}

export function cardFrame(card: CustomPlotCard, host: CustomCardHost): CardFrame {
  const element = htmlElement('section', {
    class: 'plot-card custom-card',
    'data-plot-id': card.id,
    'data-custom-kind': card.kind,
  });
  const header = htmlElement('header', { class: 'plot-card-header' });
  const title = htmlElement('h3', { class: 'plot-title' }, card.title);
  const tools = htmlElement('div', { class: 'plot-tools' });
  const edit = htmlElement('button', { class: 'tool', title: 'Edit this custom plot' }, 'Edit');
  edit.addEventListener('click', () => host.act({ kind: 'edit', id: card.id }));
  const remove = htmlElement('button', { class: 'tool', title: 'Remove this custom plot' }, 'Remove');
  remove.addEventListener('click', () => host.act({ kind: 'remove', id: card.id }));
  tools.append(edit, remove);
  header.append(title, tools);
  const chart = htmlElement('div', { class: 'plot-chart custom-chart' });
  const notes = htmlElement('div', { class: 'custom-notes' });
  element.append(header, chart, notes);
  return {
    element,
    tools,
    chart,
    setNotes: (next) => {
      title.textContent = next.title;
      const skipped = skippedNote(next.skipped);
      notes.replaceChildren(
        ...(next.message ? [htmlElement('p', { class: 'plot-note custom-message' }, next.message)] : []),
        ...(skipped ? [htmlElement('p', { class: 'plot-note custom-skipped' }, skipped)] : []),
      );
    },
  };
}

/** A theme colour for revisions outside the legend (points and lines drawn, but not in a revision colour). */
export function neutralColour(): string {
  return (
    getComputedStyle(document.body).getPropertyValue('--vscode-descriptionForeground').trim() || '#888888'
  );
}

/** Legend revisions whose colour is among `colours` (attribute values of drawn marks). */
export function revisionsWithColours(
  legend: ReadonlyArray<{ readonly rev: string; readonly colour: string }>,
  colours: Iterable<string>,
): string[] {
  const drawn = new Set([...colours].map((colour) => colour.toLowerCase()));
  return legend.filter((entry) => drawn.has(entry.colour.toLowerCase())).map((entry) => entry.rev);
}
