import { isName, messageGuard } from '../../webviewShell/messageChecks';
import type { DagWebviewMessage } from '../../core/protocols/dagProtocol';

/** The host's boundary check: a message from the webview is trusted only after this. */
export const isDagWebviewMessage = messageGuard<DagWebviewMessage>({
  ready: () => true,
  openStage: (message) => isName(message.root) && isName(message.stage),
  showLastLog: (message) => isName(message.root) && isName(message.stage),
  runStage: (message) =>
    isName(message.root) &&
    isName(message.stage) &&
    (message.mode === 'withUpstream' || message.mode === 'downstream'),
});
