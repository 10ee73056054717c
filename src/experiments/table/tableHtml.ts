import { webviewHtml, type WebviewPageAssets } from '../../webviewShell/webviewHtml';
import type { TableInitialData } from '../../core/protocols/experimentsTableProtocol';

export interface TableHtmlInput extends WebviewPageAssets {
  readonly initial: TableInitialData;
}

/** The table's page (see webviewHtml): the first snapshot as inert JSON, each column's cells apart. */
export function tableHtml(input: TableHtmlInput): string {
  const { initial: data, ...assets } = input;
  // Each column's cells in their own inert element: the page parses the few it shows, not all 40 MB.
  const { values, ...snapshot } = data.snapshot;
  const initial = { ...data, snapshot: { ...snapshot, values: [] }, valuesInPage: true };
  return webviewHtml({
    ...assets,
    title: 'Experiments',
    data: [
      { id: 'initial-data', json: JSON.stringify(initial) },
      ...values.map((text, index) => ({ id: `values-${index}`, json: text })),
    ],
  });
}
