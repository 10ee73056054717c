import { htmlElement } from '../shared/dom';

/**
 * The panels' button. A plain `<button>` styled with VS Code's theme variables (media/dag/dag.css): the
 * webview-ui-toolkit is deprecated upstream and its elements inject their styles at run time; swapping the
 * implementation happens here, in one place.
 */
export function button(
  label: string,
  onClick: () => void,
  options: { title?: string; icon?: boolean } = {},
): HTMLButtonElement {
  const element = htmlElement(
    'button',
    {
      type: 'button',
      class: options.icon ? 'lens-button icon' : 'lens-button',
      title: options.title,
      'aria-label': options.title ?? label,
    },
    label,
  );
  element.addEventListener('click', onClick);
  return element;
}
