import { htmlElement } from '../shared/dom';

export interface ToggleButton {
  readonly element: HTMLButtonElement;
  set(pressed: boolean): void;
}

/** A button that stays pressed (`aria-pressed`), styled like the panels' buttons. */
export function toggleButton(
  label: string,
  onToggle: (pressed: boolean) => void,
  options: { title?: string } = {},
): ToggleButton {
  const element = htmlElement(
    'button',
    { type: 'button', class: 'lens-button toggle', 'aria-pressed': 'false', title: options.title },
    label,
  );
  const set = (pressed: boolean): void => {
    element.setAttribute('aria-pressed', String(pressed));
    element.classList.toggle('pressed', pressed);
  };
  element.addEventListener('click', () => {
    const pressed = element.getAttribute('aria-pressed') !== 'true';
    set(pressed);
    onToggle(pressed);
  });
  return { element, set };
}
