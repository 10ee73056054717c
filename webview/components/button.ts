import { htmlElement } from '../shared/dom';

/**
 * The panels' button: a plain `<button>` styled with VS Code's theme variables (media/webviewBase.css). Not the
 * webview-ui-toolkit's `<vscode-button>`: under our CSP (`style-src` without 'unsafe-inline') its design
 * tokens are applied as an inline style, which Chromium blocks ("Applying inline style violates ... style-src"),
 * and the button renders transparent; it would also add ~200 KB to the bundle. Swapping is one file.
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
      // A button with a visible word is named by it (what a screen-reader user hears is what a sighted
      // user reads); only a glyph button needs its title as its name.
      'aria-label': options.icon ? (options.title ?? label) : undefined,
    },
    label,
  );
  element.addEventListener('click', onClick);
  return element;
}
