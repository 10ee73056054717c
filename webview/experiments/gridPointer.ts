/**
 * Mouse work on the grid that is not a plain click: dragging a column header onto another to reorder, and
 * dragging a header's right edge to resize. Both report through callbacks; the view owns the state.
 */
import { minColumnWidth } from './tableModel';

export interface PointerHandlers {
  /** The current width of a column (`-1` is the label column). */
  widthOf(column: number): number;
  onResize(column: number, width: number, done: boolean): void;
  onReorder(column: number, beforeColumn: number): void;
}

function headerColumn(target: EventTarget | null): number | undefined {
  const header = target instanceof Element ? target.closest('.column-header') : null;
  const value = header?.getAttribute('data-column');
  return value === null || value === undefined ? undefined : Number(value);
}

export function attachGridPointer(scroller: HTMLElement, handlers: PointerHandlers): void {
  scroller.addEventListener('pointerdown', (event) => {
    const grip = event.target instanceof Element ? event.target.closest('.resize-grip') : null;
    if (!grip) return;
    const column = Number(grip.getAttribute('data-resize'));
    const startX = event.clientX;
    const startWidth = handlers.widthOf(column);
    const element = grip as HTMLElement;
    element.setPointerCapture(event.pointerId);
    event.preventDefault();
    event.stopPropagation();
    const width = (moveEvent: PointerEvent): number =>
      Math.min(4000, Math.max(minColumnWidth, Math.round(startWidth + moveEvent.clientX - startX)));
    const move = (moveEvent: PointerEvent): void => handlers.onResize(column, width(moveEvent), false);
    const up = (upEvent: PointerEvent): void => {
      element.removeEventListener('pointermove', move);
      element.removeEventListener('pointerup', up);
      handlers.onResize(column, width(upEvent), true);
    };
    element.addEventListener('pointermove', move);
    element.addEventListener('pointerup', up);
  });
  // A click on the grip must not sort.
  scroller.addEventListener(
    'click',
    (event) => {
      if (event.target instanceof Element && event.target.closest('.resize-grip')) event.stopPropagation();
    },
    true,
  );
  scroller.addEventListener('dragstart', (event) => {
    const column = headerColumn(event.target);
    if (column === undefined || column < 0 || !event.dataTransfer) return;
    event.dataTransfer.setData('application/x-dvclens-column', String(column));
    event.dataTransfer.effectAllowed = 'move';
  });
  scroller.addEventListener('dragover', (event) => {
    const column = headerColumn(event.target);
    if (column === undefined || column < 0) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
  });
  scroller.addEventListener('drop', (event) => {
    const target = headerColumn(event.target);
    const source = Number(event.dataTransfer?.getData('application/x-dvclens-column') ?? 'NaN');
    if (target === undefined || target < 0 || Number.isNaN(source) || source === target) return;
    event.preventDefault();
    handlers.onReorder(source, target);
  });
}
