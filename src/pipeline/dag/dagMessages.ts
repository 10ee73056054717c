import type { DagWebviewMessage } from './protocol';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 4096;
}

/** The host's boundary check: a message from the webview is trusted only after this. */
export function isDagWebviewMessage(value: unknown): value is DagWebviewMessage {
  if (!isRecord(value)) return false;
  const type = value.type as DagWebviewMessage['type'] | undefined;
  switch (type) {
    case 'ready':
      return true;
    case 'openStage':
    case 'showLastLog':
      return isName(value.root) && isName(value.stage);
    case 'runStage':
      return (
        isName(value.root) &&
        isName(value.stage) &&
        (value.mode === 'withUpstream' || value.mode === 'downstream')
      );
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
