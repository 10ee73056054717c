/**
 * Renders one Vega-Lite spec without breaking the page's CSP: `ast: true` with vega-interpreter (no
 * `new Function`, so no 'unsafe-eval'), no injected stylesheets (`defaultStyle: false`, vega-tooltip's
 * `disableDefaultStyle`; media/plots.css styles the tooltip), no actions menu (the card has its own buttons).
 * A spec's own `usermeta.embedOptions` could override all of these, so it is removed first.
 */
import embed, { type Result } from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import { withoutEmbedOverrides } from '../../src/core/plots/embedOverrides';

export interface RenderedPlot {
  readonly view: Result['view'];
  finalize(): void;
}

function themeColour(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

let cachedConfig: { readonly key: string; readonly config: Record<string, unknown> } | undefined;

/**
 * Axis and title colours from the VS Code theme, built once and again only when VS Code changes the theme
 * (it rewrites the theme variables on the root element's style attribute and the body's class), instead of a
 * computed-style read per chart. (Profiled: that read was a small part of the first render; most of it is
 * Vega's expression interpreter, which the CSP requires.) Charts drawn after a theme change use the new
 * colours.
 */
function themeConfig(): Record<string, unknown> {
  const key = `${document.documentElement.getAttribute('style') ?? ''}|${document.body.className}`;
  if (cachedConfig?.key !== key) cachedConfig = { key, config: buildThemeConfig() };
  return cachedConfig.config;
}

function buildThemeConfig(): Record<string, unknown> {
  const foreground = themeColour('--vscode-foreground', '#cccccc');
  const grid = themeColour('--vscode-editorWidget-border', '#444444');
  return {
    background: 'transparent',
    axis: {
      labelColor: foreground,
      titleColor: foreground,
      gridColor: grid,
      domainColor: grid,
      tickColor: grid,
    },
    legend: { labelColor: foreground, titleColor: foreground },
    title: { color: foreground },
    view: { stroke: grid },
  };
}

export async function renderSpec(
  container: HTMLElement,
  spec: Readonly<Record<string, unknown>>,
): Promise<RenderedPlot> {
  const result = await embed(container, withoutEmbedOverrides(spec), {
    actions: false,
    defaultStyle: false,
    ast: true,
    expr: expressionInterpreter,
    renderer: 'svg',
    config: themeConfig(),
    tooltip: { disableDefaultStyle: true },
  });
  return { view: result.view, finalize: () => result.finalize() };
}

/** The revisions whose colour is on a drawn mark of the SVG (lines, points, bars): the series really drawn. */
export function drawnRevisions(
  container: HTMLElement,
  legend: ReadonlyArray<{ readonly rev: string; readonly colour: string }>,
): string[] {
  const colours = new Set<string>();
  for (const element of Array.from(
    container.querySelectorAll('g.mark-line path, g.mark-symbol path, g.mark-rect path, g.mark-area path'),
  )) {
    for (const attribute of ['stroke', 'fill']) {
      const value = element.getAttribute(attribute);
      if (value) colours.add(value.toLowerCase());
    }
  }
  return legend.filter((entry) => colours.has(entry.colour.toLowerCase())).map((entry) => entry.rev);
}

/** SVG text, or PNG bytes as base64 (twice the size, for sharp images). */
export async function exportView(view: Result['view'], format: 'svg' | 'png'): Promise<string> {
  if (format === 'svg') return view.toSVG();
  const url = await view.toImageURL('png', 2);
  return url.slice(url.indexOf(',') + 1);
}
