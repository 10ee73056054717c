/**
 * vega-embed reads `usermeta.embedOptions` from the spec it draws and lets them override the page's own
 * options (vega-embed 6: `mergeDeep(options, usermeta.embedOptions)`). A repository's plot template could so
 * turn the actions menu back on ("View Source" and "Open in Vega Editor" carry the plot's data out of VS
 * Code), point the loader at a server, patch the compiled Vega spec or set the text around View Source. The
 * dashboard decides how its charts are embedded, so a spec loses `usermeta` before vega-embed sees it.
 * Vega-Lite itself ignores `usermeta` (it is free-form metadata), so the chart draws the same.
 */

/** A copy of `spec` without `usermeta`, or `spec` itself when it has none. */
export function withoutEmbedOverrides<T extends Readonly<Record<string, unknown>>>(spec: T): T {
  if (!Object.hasOwn(spec, 'usermeta')) return spec;
  const { usermeta: _usermeta, ...rest } = spec;
  void _usermeta;
  return rest as T;
}
