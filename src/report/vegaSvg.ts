/**
 * A Vega-Lite spec as SVG text, rendered without a browser or a canvas (`View#toSVG()`; text is measured by
 * estimate). Heavy: about half a second per plot. The extension host runs it only inside a worker thread
 * (src/report/svgWorker.ts); `npm run report` runs it in process.
 */
export async function renderVegaLiteSvg(spec: Readonly<Record<string, unknown>>): Promise<string> {
  // Loaded on first use: the renderers are large.
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const quiet = vega.logger(vega.None);
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0], {
    logger: quiet,
  }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.None });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
