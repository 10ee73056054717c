import { webviewHtml, type WebviewPageAssets } from '../../webviewShell/webviewHtml';
import type { DagSnapshot } from '../../core/protocols/dagProtocol';

/** Re-exported for the benchmarks, which build their own pages around a snapshot. */
export { embeddedJson } from '../../webviewShell/webviewHtml';

export interface DagHtmlInput extends WebviewPageAssets {
  readonly snapshot: DagSnapshot;
}

/** The DAG panel's page (see webviewHtml): the first snapshot goes in as inert JSON. */
export function dagHtml(input: DagHtmlInput): string {
  const { snapshot, ...assets } = input;
  return webviewHtml({
    ...assets,
    title: 'Pipeline DAG',
    data: [{ id: 'initial-snapshot', json: JSON.stringify(snapshot) }],
  });
}
