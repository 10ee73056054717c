/**
 * The filter bar's language, parsed into filters: plain words match a row's label, description or SHA;
 * `column>0.9` (also >=, <, <=, =, !=) compares a value; `column~text` matches text in a value;
 * `column:0.1..0.5` keeps a range (either end may be left out). Quotes keep spaces: `"my exp"`.
 * A column is named by its path (`train.lr`), its label (`lr`) or its id.
 */
import type { CellValue, TableColumn, TableRow, TableRowState } from '../protocols/experimentsTableProtocol';
import type { ColumnCells } from './tableValues';

export type CompareOperator = '>' | '>=' | '<' | '<=' | '=' | '!=';

export type TableFilter =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'compare';
      readonly column: number;
      readonly operator: CompareOperator;
      readonly value: string;
    }
  | { readonly kind: 'contains'; readonly column: number; readonly text: string }
  | { readonly kind: 'range'; readonly column: number; readonly min?: number; readonly max?: number };

export interface ParsedFilters {
  readonly filters: readonly TableFilter[];
  /** Terms that name no column or have a bad range, to show under the bar. */
  readonly problems: readonly string[];
}

function tokens(text: string): string[] {
  return [...text.matchAll(/(?:[^\s"]+|"[^"]*")+/g)].map((match) => match[0].replace(/"/g, ''));
}

/** Finds a column by id, path, label or path suffix, in that order of preference. */
export function findColumn(columns: readonly TableColumn[], name: string): number {
  const lower = name.toLowerCase();
  const tests: ((column: TableColumn) => boolean)[] = [
    (column) => column.id === name,
    (column) => column.path.toLowerCase() === lower,
    (column) => column.label.toLowerCase() === lower,
    (column) => column.path.toLowerCase().endsWith(`.${lower}`),
  ];
  for (const test of tests) {
    const index = columns.findIndex(test);
    if (index >= 0) return index;
  }
  return -1;
}

const termPattern = /^([^<>=!~:]+)(>=|<=|!=|>|<|=|~|:)(.*)$/;

function numberOrUndefined(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isNaN(value) ? Number.NaN : value;
}

export function parseFilterText(text: string, columns: readonly TableColumn[]): ParsedFilters {
  const filters: TableFilter[] = [];
  const problems: string[] = [];
  for (const token of tokens(text)) {
    const match = termPattern.exec(token);
    if (!match) {
      filters.push({ kind: 'text', text: token.toLowerCase() });
      continue;
    }
    const [, name = '', operator = '', value = ''] = match;
    const column = findColumn(columns, name);
    if (column < 0) {
      problems.push(`No column named '${name}'`);
      continue;
    }
    if (operator === '~') filters.push({ kind: 'contains', column, text: value.toLowerCase() });
    else if (operator === ':') {
      const [from = '', to] = value.split('..');
      const min = numberOrUndefined(from);
      const max = to === undefined ? min : numberOrUndefined(to);
      if (Number.isNaN(min) || Number.isNaN(max)) problems.push(`'${value}' is not a range like 0.1..0.5`);
      else
        filters.push({
          kind: 'range',
          column,
          ...(min === undefined ? {} : { min }),
          ...(max === undefined ? {} : { max }),
        });
    } else filters.push({ kind: 'compare', column, operator: operator as CompareOperator, value });
  }
  return { filters, problems };
}

function compare(cell: CellValue, operator: CompareOperator, wanted: string): boolean {
  if (cell === undefined) return operator === '!=';
  const number = Number(wanted);
  const numeric = typeof cell === 'number' && wanted.trim() !== '' && !Number.isNaN(number);
  const difference = numeric ? cell - number : String(cell).localeCompare(wanted);
  switch (operator) {
    case '=':
      return numeric ? difference === 0 : String(cell).toLowerCase() === wanted.toLowerCase();
    case '!=':
      return numeric ? difference !== 0 : String(cell).toLowerCase() !== wanted.toLowerCase();
    case '>':
      return difference > 0;
    case '>=':
      return difference >= 0;
    case '<':
      return difference < 0;
    case '<=':
      return difference <= 0;
    default: {
      const unknown: never = operator;
      return unknown;
    }
  }
}

function matches(filter: TableFilter, row: TableRow, index: number, cells: ColumnCells): boolean {
  switch (filter.kind) {
    case 'text':
      return (
        row.label.toLowerCase().includes(filter.text) ||
        (row.description ?? '').toLowerCase().includes(filter.text) ||
        (row.sha ?? '').startsWith(filter.text)
      );
    case 'contains': {
      const cell = cells(filter.column)[index];
      return cell !== undefined && String(cell).toLowerCase().includes(filter.text);
    }
    case 'range': {
      const cell = cells(filter.column)[index];
      if (typeof cell !== 'number' || Number.isNaN(cell)) return false;
      return (
        (filter.min === undefined || cell >= filter.min) && (filter.max === undefined || cell <= filter.max)
      );
    }
    case 'compare':
      return compare(cells(filter.column)[index], filter.operator, filter.value);
    default: {
      const unknown: never = filter;
      return unknown;
    }
  }
}

/** True when the row (`index` into the snapshot's rows) passes every filter and, when states are given, is in one of them. */
export function rowMatches(
  row: TableRow,
  index: number,
  cells: ColumnCells,
  filters: readonly TableFilter[],
  states: readonly TableRowState[],
): boolean {
  if (states.length > 0 && (row.state === undefined || !states.includes(row.state))) return false;
  return filters.every((filter) => matches(filter, row, index, cells));
}
