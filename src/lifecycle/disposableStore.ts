import type * as vscode from 'vscode';

/**
 * Owns disposables so that each one is registered where it is created and released in one place.
 * `register` returns its argument, which keeps creation and registration on one line.
 */
export class DisposableStore implements vscode.Disposable {
  private readonly items: { dispose(): unknown }[] = [];
  private disposed = false;

  register<T extends { dispose(): unknown }>(item: T): T {
    if (this.disposed) {
      item.dispose();
    } else {
      this.items.push(item);
    }
    return item;
  }

  dispose(): void {
    this.disposed = true;
    // Last in, first out: later registrations may depend on earlier ones.
    for (const item of this.items.splice(0).reverse()) item.dispose();
  }
}
