import { htmlElement } from '../shared/dom';

export interface SearchBox {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  /** Shows e.g. `3 of 12` beside the box. */
  setCount(text: string): void;
}

/** A labelled search input; `onSearch` on every edit, `onNext` on Enter (Shift+Enter: previous). */
export function searchBox(options: {
  placeholder: string;
  onSearch: (query: string) => void;
  onNext: (backwards: boolean) => void;
  onEscape: () => void;
}): SearchBox {
  const element = htmlElement('div', { class: 'lens-search', role: 'search' });
  const input = htmlElement('input', {
    type: 'search',
    placeholder: options.placeholder,
    'aria-label': options.placeholder,
    spellcheck: 'false',
  });
  const count = htmlElement('span', { class: 'lens-search-count', 'aria-live': 'polite' });
  input.addEventListener('input', () => options.onSearch(input.value));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      options.onNext(event.shiftKey);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      options.onEscape();
    }
  });
  element.append(input, count);
  return { element, input, setCount: (text) => (count.textContent = text) };
}
