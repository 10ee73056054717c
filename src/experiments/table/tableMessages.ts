import { isTableUiState } from '../../core/experimentsTable/tableUiState';
import { isNameList, messageGuard } from '../../webviewShell/messageChecks';
import type { TableActionKind, TableWebviewMessage } from '../../core/protocols/experimentsTableProtocol';

const actions: readonly TableActionKind[] = [
  'compare',
  'plot',
  'apply',
  'remove',
  'star',
  'unstar',
  'modifyRun',
  'modifyQueue',
];
/** A CSV of 10,000 rows x 300 columns is ~30 MB; refuse what no table of ours produces. */
const maxCsvLength = 256 * 1024 * 1024;

/** The host's boundary check: a message from the table webview is trusted only after this. */
export const isTableWebviewMessage = messageGuard<TableWebviewMessage>({
  ready: () => true,
  action: (message) => actions.includes(message.action as TableActionKind) && isNameList(message.rowIds),
  saveState: (message) => isTableUiState(message.state),
  exportCsv: (message) => typeof message.csv === 'string' && message.csv.length <= maxCsvLength,
});
