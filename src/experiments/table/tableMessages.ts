import { isTableUiState } from '../../core/experimentsTable/tableUiState';
import type { TableActionKind, TableWebviewMessage } from './protocol';

const actions: readonly TableActionKind[] = ['compare', 'plot', 'apply', 'remove'];
/** A CSV of 10,000 rows x 300 columns is ~30 MB; refuse what no table of ours produces. */
const maxCsvLength = 256 * 1024 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRowIds(value: unknown): value is readonly string[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= 100_000 &&
    value.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 4096)
  );
}

/** The host's boundary check: a message from the table webview is trusted only after this. */
export function isTableWebviewMessage(value: unknown): value is TableWebviewMessage {
  if (!isRecord(value)) return false;
  const type = value.type as TableWebviewMessage['type'] | undefined;
  switch (type) {
    case 'ready':
      return true;
    case 'action':
      return actions.includes(value.action as TableActionKind) && isRowIds(value.rowIds);
    case 'saveState':
      return isTableUiState(value.state);
    case 'exportCsv':
      return typeof value.csv === 'string' && value.csv.length <= maxCsvLength;
    case undefined:
      return false;
    default: {
      // A type this union does not know (the `never` makes a new message type a compile error here).
      const unknownType: never = type;
      void unknownType;
      return false;
    }
  }
}
