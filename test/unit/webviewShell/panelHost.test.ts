import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PanelReadyMessage, PanelSaveStateMessage } from '../../../src/core/protocols/panelMessages';
import { isName, messageGuard } from '../../../src/webviewShell/messageChecks';
import { PanelHost, type PanelConnection } from '../../../src/webviewShell/panelHost';

type HostMessage = { type: 'snapshot'; version: number } | { type: 'focus'; id: string };
type WebviewMessage = PanelReadyMessage | { type: 'open'; id: string } | PanelSaveStateMessage<Layout>;
type Layout = { readonly zoom: number };

const isLayout = (value: unknown): value is Layout =>
  typeof value === 'object' && value !== null && typeof (value as { zoom?: unknown }).zoom === 'number';

const isWebviewMessage = messageGuard<WebviewMessage>({
  ready: () => true,
  open: (message) => isName(message.id),
  saveState: (message) => isLayout(message.state),
});

/** A webview panel as PanelHost sees it: records what was posted, lets the test speak for the page. */
class FakePanel implements PanelConnection {
  readonly posted: HostMessage[] = [];
  private listener: ((message: unknown) => void) | undefined;
  private closeListener: (() => void) | undefined;
  listeners = 0;

  postMessage(message: unknown): PromiseLike<boolean> {
    this.posted.push(message as HostMessage);
    return Promise.resolve(true);
  }

  onDidReceiveMessage(listener: (message: unknown) => void): { dispose(): void } {
    this.listener = listener;
    this.listeners += 1;
    return { dispose: () => ((this.listener = undefined), (this.listeners -= 1)) };
  }

  onDidDispose(listener: () => void): { dispose(): void } {
    this.closeListener = listener;
    this.listeners += 1;
    return { dispose: () => ((this.closeListener = undefined), (this.listeners -= 1)) };
  }

  /** What the page sends, through the listener the host subscribed. */
  send(message: unknown): void {
    this.listener?.(message);
  }

  close(): void {
    this.closeListener?.();
  }
}

class FakeMemento {
  readonly values = new Map<string, unknown>();
  get(key: string): unknown {
    return this.values.get(key);
  }
  update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

function setup(options: { pushDelayMs?: number; onReady?: 'always' | 'ifChanged' } = {}) {
  const panel = new FakePanel();
  const memento = new FakeMemento();
  const received: unknown[] = [];
  let version = 0;
  const host = new PanelHost<HostMessage, WebviewMessage>({
    connection: panel,
    isMessage: isWebviewMessage,
    receive: (message) => received.push(message),
    snapshot: () => ({ type: 'snapshot', version }),
    savedState: { memento, key: 'layout', isState: isLayout },
    ...options,
  });
  const change = (): void => {
    version += 1;
    host.push();
  };
  return { panel, memento, received, host, change };
}

void test('nothing is posted before the page says ready; ready answers with the latest snapshot', () => {
  const { panel, host, change } = setup();
  change();
  change();
  assert.deepEqual(panel.posted, []);
  assert.equal(host.isReady, false);
  panel.send({ type: 'ready' });
  assert.equal(host.isReady, true);
  assert.deepEqual(panel.posted, [{ type: 'snapshot', version: 2 }]);
});

void test('ready after a page reload answers again', () => {
  const { panel } = setup();
  panel.send({ type: 'ready' });
  panel.send({ type: 'ready' });
  assert.equal(panel.posted.length, 2);
});

void test('`ifChanged`: ready sends nothing while the embedded snapshot is current, the latest once data changed', () => {
  const { panel, change } = setup({ onReady: 'ifChanged' });
  panel.send({ type: 'ready' });
  assert.deepEqual(panel.posted, []);
  change();
  panel.send({ type: 'ready' });
  assert.deepEqual(panel.posted, [
    { type: 'snapshot', version: 1 },
    { type: 'snapshot', version: 1 },
  ]);
});

void test('posts made before ready are queued and sent in order after the first snapshot', () => {
  const { panel, host } = setup();
  host.post({ type: 'focus', id: 'train' });
  host.post({ type: 'focus', id: 'evaluate' });
  assert.deepEqual(panel.posted, []);
  panel.send({ type: 'ready' });
  assert.deepEqual(panel.posted, [
    { type: 'snapshot', version: 0 },
    { type: 'focus', id: 'train' },
    { type: 'focus', id: 'evaluate' },
  ]);
  host.post({ type: 'focus', id: 'now' });
  assert.deepEqual(panel.posted.at(-1), { type: 'focus', id: 'now' });
});

void test('a burst of pushes within the delay becomes one snapshot with the latest data', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { panel, change } = setup({ pushDelayMs: 150 });
  panel.send({ type: 'ready' });
  panel.posted.length = 0;
  change();
  t.mock.timers.tick(100);
  change();
  t.mock.timers.tick(100);
  change();
  assert.deepEqual(panel.posted, [], 'nothing while changes keep coming');
  t.mock.timers.tick(150);
  assert.deepEqual(panel.posted, [{ type: 'snapshot', version: 3 }]);
});

void test('without a delay a push posts at once', () => {
  const { panel, change } = setup();
  panel.send({ type: 'ready' });
  change();
  assert.deepEqual(panel.posted.at(-1), { type: 'snapshot', version: 1 });
});

void test('the guard drops malformed and unknown messages before the panel sees them', () => {
  const { panel, host, received, memento } = setup();
  for (const message of [
    undefined,
    'ready',
    { type: 'open' },
    { type: 'open', id: 42 },
    { type: 'toString' },
    { type: 'launch', id: 'x' },
    { type: 'saveState', state: { zoom: 'big' } },
  ]) {
    panel.send(message);
  }
  assert.deepEqual(received, []);
  assert.equal(memento.values.size, 0);
  assert.equal(host.isReady, false);
  panel.send({ type: 'open', id: 'train' });
  assert.deepEqual(received, [{ type: 'open', id: 'train' }]);
});

void test('saveState is kept in the memento and read back; a malformed saved value reads as none', () => {
  const { panel, host, received, memento } = setup();
  assert.equal(host.savedState, undefined);
  panel.send({ type: 'saveState', state: { zoom: 2 } });
  assert.deepEqual(host.savedState, { zoom: 2 });
  assert.deepEqual(received, [], 'the host keeps the state; the panel is not asked');
  memento.values.set('layout', { zoom: 'older shape' });
  assert.equal(host.savedState, undefined);
});

void test('closing the panel stops pushes and posts, releases its listeners and runs the cleanups once', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { panel, host, change, received } = setup({ pushDelayMs: 150 });
  let cleanups = 0;
  host.onDidDispose(() => (cleanups += 1));
  panel.send({ type: 'ready' });
  panel.posted.length = 0;
  change();
  panel.close();
  t.mock.timers.tick(500);
  change();
  host.post({ type: 'focus', id: 'late' });
  panel.send({ type: 'open', id: 'late' });
  host.receive({ type: 'open', id: 'late' });
  host.dispose();
  assert.deepEqual(panel.posted, [], 'the pending push was cancelled');
  assert.deepEqual(received, []);
  assert.equal(panel.listeners, 0);
  assert.equal(cleanups, 1);
  assert.equal(host.isDisposed, true);
  let late = 0;
  host.onDidDispose(() => (late += 1));
  assert.equal(late, 1, 'a cleanup registered after disposal runs at once');
});

void test('disposing the host (not the panel) stops pushes the same way', () => {
  const { panel, host, change } = setup();
  panel.send({ type: 'ready' });
  panel.posted.length = 0;
  host.dispose();
  change();
  assert.deepEqual(panel.posted, []);
  assert.equal(panel.listeners, 0);
});
