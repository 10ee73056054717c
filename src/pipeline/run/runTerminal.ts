import * as vscode from 'vscode';

/**
 * The "DVC Lens: Runs" terminal: every run's output streams into it as DVC prints it. It is a Pseudoterminal
 * (no shell), so nothing typed there runs; Ctrl+C and closing the terminal cancel the runs in progress.
 */
export class RunTerminal implements vscode.Disposable {
  private terminal: vscode.Terminal | undefined;
  private readonly write = new vscode.EventEmitter<string>();
  private opened = false;
  private pending: string[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(private readonly cancelAll: () => void) {
    this.subscription = vscode.window.onDidCloseTerminal((closed) => {
      if (closed !== this.terminal) return;
      this.terminal = undefined;
      this.opened = false;
      this.cancelAll();
    });
  }

  /** Shows the terminal (creating it when needed) without taking the focus. */
  show(): void {
    this.ensure().show(true);
  }

  /** Writes lines as they come; the terminal wants \r\n. */
  appendLine(line: string): void {
    this.ensure();
    const text = `${line.replace(/\r?\n/g, '\r\n')}\r\n`;
    if (this.opened) this.write.fire(text);
    else this.pending.push(text);
  }

  heading(text: string): void {
    this.appendLine(`\x1b[1m${text}\x1b[0m`);
  }

  dispose(): void {
    this.subscription.dispose();
    this.terminal?.dispose();
    this.write.dispose();
  }

  private ensure(): vscode.Terminal {
    if (this.terminal) return this.terminal;
    const pty: vscode.Pseudoterminal = {
      onDidWrite: this.write.event,
      open: () => {
        this.opened = true;
        for (const text of this.pending.splice(0)) this.write.fire(text);
      },
      close: () => undefined,
      handleInput: (data) => {
        if (data === '\x03') this.cancelAll();
      },
    };
    this.terminal = vscode.window.createTerminal({ name: 'DVC Lens: Runs', pty });
    return this.terminal;
  }
}
