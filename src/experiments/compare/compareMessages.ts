import { isName, messageGuard } from '../../webviewShell/messageChecks';
import type { CompareWebviewMessage } from '../../core/protocols/compareProtocol';

/** The host's boundary check: a message from the compare webview is trusted only after this. */
export const isCompareWebviewMessage = messageGuard<CompareWebviewMessage>({
  ready: () => true,
  openFile: (message) => isName(message.path),
  showLog: () => true,
  refresh: () => true,
  swap: () => true,
  pull: () => true,
});
