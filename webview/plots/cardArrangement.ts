/**
 * Reordering and hiding a plot card: a grip to drag it onto another card of its section (dropped before or
 * after, by which half of the card it lands on), Alt+Up/Down anywhere in a focused card to move it one place,
 * and a Hide button. Both are real buttons, reachable with Tab. The chart itself keeps its own drag (pan).
 */
import { htmlElement } from '../shared/dom';

export interface ArrangementHost {
  /** Moves the plot to `index` among the plots of its section (without it). */
  movePlot(id: string, index: number): void;
  /** Moves the plot one place up (-1) or down (+1) in its section. */
  stepPlot(id: string, step: -1 | 1): void;
  hidePlot(id: string): void;
  /** The ids of the plots shown in the card's section, in order. */
  sectionIds(id: string): readonly string[];
}

/** The plot being dragged (dragover cannot read the drag's data, only its types). */
let dragging: string | undefined;

export function makeArrangeable(
  element: HTMLElement,
  id: string,
  title: string,
  host: ArrangementHost,
): void {
  const bar = htmlElement('div', { class: 'card-arrange' });
  const grip = iconButton('gripper', `Move ${title} (drag, or Alt+Up/Down)`, 'card-grip');
  grip.draggable = true;
  grip.addEventListener('dragstart', (event) => {
    dragging = id;
    event.dataTransfer?.setData('text/plain', id);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    element.classList.add('dragging');
  });
  grip.addEventListener('dragend', () => {
    dragging = undefined;
    element.classList.remove('dragging');
  });
  const hide = iconButton('eye-closed', `Hide ${title} (Choose Plots shows it again)`, 'card-hide');
  hide.addEventListener('click', () => host.hidePlot(id));
  bar.append(grip, hide);
  element.prepend(bar);

  element.addEventListener('keydown', (event) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    event.stopPropagation();
    host.stepPlot(id, event.key === 'ArrowUp' ? -1 : 1);
  });
  element.addEventListener('dragover', (event) => {
    if (dragging === undefined || dragging === id || !host.sectionIds(id).includes(dragging)) return;
    event.preventDefault();
    const after = isLowerHalf(element, event);
    element.classList.toggle('drop-after', after);
    element.classList.toggle('drop-before', !after);
  });
  element.addEventListener('dragleave', () => element.classList.remove('drop-before', 'drop-after'));
  element.addEventListener('drop', (event) => {
    element.classList.remove('drop-before', 'drop-after');
    const moved = dragging;
    if (moved === undefined || moved === id) return;
    event.preventDefault();
    const others = host.sectionIds(id).filter((candidate) => candidate !== moved);
    const target = others.indexOf(id);
    if (target < 0) return;
    host.movePlot(moved, target + (isLowerHalf(element, event) ? 1 : 0));
  });
}

/** Puts the focus back on a moved card's grip, so Alt+Up/Down can be pressed again. */
export function focusGrip(element: HTMLElement | undefined): void {
  element?.querySelector<HTMLButtonElement>('.card-grip')?.focus();
}

/** Cards wrap in rows: a drop right of the middle (or below it) lands after the card. */
function isLowerHalf(element: HTMLElement, event: DragEvent): boolean {
  const box = element.getBoundingClientRect();
  return event.clientX > box.left + box.width / 2 || event.clientY > box.top + box.height * 0.75;
}

function iconButton(icon: string, label: string, className: string): HTMLButtonElement {
  const button = htmlElement('button', {
    type: 'button',
    class: `tool icon ${className}`,
    title: label,
    'aria-label': label,
  });
  button.append(htmlElement('span', { class: `codicon codicon-${icon}`, 'aria-hidden': 'true' }));
  return button;
}
