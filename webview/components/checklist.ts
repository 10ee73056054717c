import { htmlElement } from '../shared/dom';

export interface ChecklistItem {
  readonly id: string;
  readonly label: string;
  /** Items are listed under a heading per group, in the order given. */
  readonly group: string;
  readonly checked: boolean;
}

/**
 * A popover of checkboxes with a filter box, e.g. to show and hide columns. Escape or a click elsewhere
 * closes it and gives the focus back. Labels are text (they come from the workspace).
 */
export function openChecklist(
  title: string,
  items: readonly ChecklistItem[],
  anchor: HTMLElement,
  onChange: (id: string, checked: boolean) => void,
): void {
  document.querySelector('.lens-checklist')?.remove();
  const panel = htmlElement('div', { class: 'lens-checklist', role: 'dialog', 'aria-label': title });
  const filter = htmlElement('input', {
    type: 'search',
    placeholder: 'Filter columns',
    'aria-label': 'Filter columns',
  });
  const list = htmlElement('div', { class: 'lens-checklist-items' });
  const rows: { element: HTMLElement; text: string }[] = [];
  let group: string | undefined;
  for (const item of items) {
    if (item.group !== group) {
      group = item.group;
      const heading = htmlElement('div', { class: 'lens-checklist-group' }, item.group);
      rows.push({ element: heading, text: '' });
      list.append(heading);
    }
    const label = htmlElement('label', { class: 'lens-checklist-item' });
    const box = htmlElement('input', { type: 'checkbox' });
    box.checked = item.checked;
    box.addEventListener('change', () => onChange(item.id, box.checked));
    label.append(box, htmlElement('span', {}, item.label));
    rows.push({ element: label, text: `${item.group} ${item.label}`.toLowerCase() });
    list.append(label);
  }
  filter.addEventListener('input', () => {
    const needle = filter.value.trim().toLowerCase();
    for (const row of rows) if (row.text) row.element.hidden = needle !== '' && !row.text.includes(needle);
  });
  panel.append(htmlElement('div', { class: 'lens-checklist-title' }, title), filter, list);
  const close = (): void => {
    panel.remove();
    document.removeEventListener('mousedown', outside, true);
    anchor.focus();
  };
  const outside = (event: MouseEvent): void => {
    if (!panel.contains(event.target as Node) && event.target !== anchor) close();
  };
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close();
  });
  document.body.append(panel);
  const rect = anchor.getBoundingClientRect();
  panel.style.left = `${Math.max(0, Math.min(rect.left, window.innerWidth - panel.offsetWidth - 4))}px`;
  panel.style.top = `${rect.bottom + 2}px`;
  document.addEventListener('mousedown', outside, true);
  filter.focus();
}
