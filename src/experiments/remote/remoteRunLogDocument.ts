/**
 * A remote run's log as a read-only document (a finished run, or a target that cannot follow a log live): the
 * text read from the target, shown under its own scheme so nobody edits or saves it by mistake.
 */
import * as vscode from 'vscode';
import type { RemoteRunRecord } from '../../core/execution/computeTargetSettings';

const SCHEME = 'dvclens-remote-log';

export interface RemoteRunLogDocuments extends vscode.Disposable {
  /** Opens (or refreshes) the run's log document with `text`. */
  show(record: RemoteRunRecord, text: string): Promise<vscode.TextEditor>;
}

export function remoteRunLogDocuments(): RemoteRunLogDocuments {
  const texts = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const registration = vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
    onDidChange: changed.event,
    provideTextDocumentContent: (uri) => texts.get(uri.toString()) ?? '',
  });
  return {
    async show(record, text) {
      const uri = vscode.Uri.from({
        scheme: SCHEME,
        path: `/${safeSegment(record.target)}/${safeSegment(record.id)}.log`,
        query: new URLSearchParams({ experiment: record.experiment }).toString(),
      });
      texts.set(uri.toString(), text);
      changed.fire(uri);
      const document = await vscode.workspace.openTextDocument(uri);
      return vscode.window.showTextDocument(document, { preview: false });
    },
    dispose() {
      registration.dispose();
      changed.dispose();
    },
  };
}

/** A path segment from a name or id: anything but letters, digits, `.`, `_`, `-` becomes `_`. */
function safeSegment(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_') || '_';
}
