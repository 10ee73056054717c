import { htmlElement } from '../shared/dom';

export interface MenuItem {
  readonly label: string;
  readonly run: () => void;
}

/**
 * A context menu at a point: arrow keys move, Enter runs, Escape or a click elsewhere closes and gives the
 * focus back to where it was.
 */
export function openMenu(
  items: readonly MenuItem[],
  x: number,
  y: number,
  returnFocus: HTMLElement | SVGElement,
): void {
  document.querySelector('.lens-menu')?.remove();
  const menu = htmlElement('div', { class: 'lens-menu', role: 'menu' });
  const buttons = items.map((item) => {
    const entry = htmlElement('button', { type: 'button', role: 'menuitem', tabindex: -1 }, item.label);
    entry.addEventListener('click', () => {
      close();
      item.run();
    });
    return entry;
  });
  menu.append(...buttons);
  const close = (): void => {
    menu.remove();
    document.removeEventListener('mousedown', outside, true);
    returnFocus.focus();
  };
  const outside = (event: MouseEvent): void => {
    if (!menu.contains(event.target as Node)) close();
  };
  menu.addEventListener('keydown', (event) => {
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number): void => buttons[(to + buttons.length) % buttons.length]?.focus();
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(buttons.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') close();
    else return;
    event.preventDefault();
    event.stopPropagation();
  });
  document.body.append(menu);
  const maxX = window.innerWidth - menu.offsetWidth - 4;
  const maxY = window.innerHeight - menu.offsetHeight - 4;
  menu.style.left = `${Math.max(0, Math.min(x, maxX))}px`;
  menu.style.top = `${Math.max(0, Math.min(y, maxY))}px`;
  document.addEventListener('mousedown', outside, true);
  buttons[0]?.focus();
}
