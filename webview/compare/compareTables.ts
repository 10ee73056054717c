/**
 * The compare view's tables, built from the host's model with text nodes only (every name, key, path and
 * value is workspace text). Stable hooks for tests: `data-testid` on each table, row and file button, and
 * `data-key` / `data-path` with the row's key or path.
 */
import type { CompareRow, FileChange } from '../../src/core/protocols/compareProtocol';
import { formatDelta, formatRelative } from '../../src/core/experimentsTable/numberFormat';
import { htmlElement } from '../shared/dom';

function headerRow(labels: readonly string[]): HTMLTableSectionElement {
  const head = htmlElement('thead');
  const row = htmlElement('tr');
  for (const label of labels) row.append(htmlElement('th', { scope: 'col' }, label));
  head.append(row);
  return head;
}

function section(title: string, testId: string, count: string): HTMLElement {
  const element = htmlElement('section', { class: 'compare-section', 'data-testid': `${testId}-section` });
  const heading = htmlElement('h2', {}, title);
  heading.append(htmlElement('span', { class: 'count' }, count));
  element.append(heading);
  return element;
}

function emptyNote(text: string): HTMLElement {
  return htmlElement('p', { class: 'empty-note' }, text);
}

/** Params or metrics: file, key, A, B, change and relative change (metrics coloured by verdict). */
export function valuesSection(
  title: string,
  testId: string,
  rows: readonly CompareRow[],
  total: number,
  labels: { readonly a: string; readonly b: string },
): HTMLElement {
  const element = section(title, testId, `${rows.length} of ${total}`);
  if (rows.length === 0) {
    element.append(
      emptyNote(total === 0 ? `No ${title.toLowerCase()}.` : `No ${title.toLowerCase()} differ.`),
    );
    return element;
  }
  const table = htmlElement('table', { role: 'table', 'aria-label': title, 'data-testid': testId });
  table.append(headerRow(['File', 'Key', labels.a, labels.b, 'Change', 'Relative']));
  const body = htmlElement('tbody');
  for (const row of rows) {
    const tr = htmlElement('tr', {
      'data-testid': 'compare-row',
      'data-key': row.key,
      'data-changed': String(row.changed),
      'data-verdict': row.verdict,
      class: `verdict-${row.verdict}${row.changed ? '' : ' unchanged'}`,
    });
    const verdictText = row.verdict === 'neutral' ? '' : ` (${row.verdict})`;
    tr.append(
      htmlElement('td', { class: 'file' }, row.file),
      htmlElement('th', { scope: 'row', class: 'key' }, row.key),
      htmlElement('td', { class: 'value', title: row.a ?? 'absent' }, row.a ?? '—'),
      htmlElement('td', { class: 'value', title: row.b ?? 'absent' }, row.b ?? '—'),
      htmlElement(
        'td',
        { class: 'change', title: row.absolute === undefined ? '' : `${row.absolute}${verdictText}` },
        row.absolute === undefined ? '' : formatDelta(row.absolute),
      ),
      htmlElement('td', { class: 'change' }, row.relative === undefined ? '' : formatRelative(row.relative)),
    );
    body.append(tr);
  }
  table.append(body);
  element.append(table);
  return element;
}

const changeIcons: Readonly<Record<FileChange['change'], string>> = {
  added: 'diff-added',
  deleted: 'diff-removed',
  modified: 'diff-modified',
  renamed: 'diff-renamed',
};

function changeCell(change: FileChange): HTMLTableCellElement {
  const cell = htmlElement('td', { class: `change-kind change-${change.change}` });
  cell.append(
    htmlElement('span', { class: `codicon codicon-${changeIcons[change.change]}`, 'aria-hidden': 'true' }),
  );
  cell.append(document.createTextNode(` ${change.change}`));
  return cell;
}

/** Data (dvc diff) or source files (git); source files open a diff editor when `onOpen` is given. */
export function changesSection(
  title: string,
  testId: string,
  changes: readonly FileChange[],
  onOpen?: (path: string) => void,
): HTMLElement {
  const element = section(title, testId, String(changes.length));
  if (changes.length === 0) {
    element.append(emptyNote(`No ${title.toLowerCase()} changed.`));
    return element;
  }
  const table = htmlElement('table', { role: 'table', 'aria-label': title, 'data-testid': testId });
  table.append(headerRow(['Change', 'Path']));
  const body = htmlElement('tbody');
  for (const change of changes) {
    const tr = htmlElement('tr', { 'data-testid': `${testId}-row`, 'data-path': change.path });
    const label = change.oldPath === undefined ? change.path : `${change.oldPath} → ${change.path}`;
    const pathCell = htmlElement('td', { class: 'path' });
    if (onOpen) {
      const button = htmlElement(
        'button',
        {
          type: 'button',
          class: 'file-link',
          'data-testid': 'compare-file',
          'data-path': change.path,
          'aria-label': `Open the diff of ${change.path}`,
        },
        label,
      );
      button.addEventListener('click', () => onOpen(change.path));
      pathCell.append(button);
    } else pathCell.textContent = label;
    tr.append(changeCell(change), pathCell);
    body.append(tr);
  }
  table.append(body);
  element.append(table);
  return element;
}
