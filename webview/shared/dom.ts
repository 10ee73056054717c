/**
 * Element builders for webviews. Text from the workspace goes in through `textContent` only: there is no
 * way to pass HTML here, so a stage named `<img onerror=…>` is drawn as those characters.
 */
const svgNamespace = 'http://www.w3.org/2000/svg';

type Attributes = Record<string, string | number | undefined>;

function setAttributes(element: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes))
    if (value !== undefined) element.setAttribute(name, String(value));
}

export function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(svgNamespace, tag);
  setAttributes(element, attributes);
  if (text !== undefined) element.textContent = text;
  return element;
}

export function htmlElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  if (text !== undefined) element.textContent = text;
  return element;
}
