import * as vscode from 'vscode';

/**
 * The "DVC Lens" Output channel. Every process call lands here as one line (the runner writes it), and so
 * does every error the user is shown, so that "Show log" always has the details behind a message.
 */
export class OutputLog implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('DVC Lens', { log: true });
  /** The most recent lines, kept for the extension's test API (the suite asserts what ran and what did not). */
  private readonly recent: string[] = [];

  append(line: string): void {
    this.channel.info(line);
    this.remember(line);
  }

  error(message: string, error?: unknown): void {
    const detail = error instanceof Error ? `${message}: ${error.message}` : message;
    this.channel.error(detail);
    this.remember(detail);
  }

  show(): void {
    this.channel.show(true);
  }

  recentLines(): readonly string[] {
    return [...this.recent];
  }

  dispose(): void {
    this.channel.dispose();
  }

  private remember(line: string): void {
    this.recent.push(line);
    if (this.recent.length > 500) this.recent.shift();
  }
}
