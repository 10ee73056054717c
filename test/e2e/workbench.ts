/**
 * What a person does in the VS Code workbench, as Playwright steps: open a folder, answer the trust prompt,
 * click an activity-bar icon, read tree rows, run a command from the palette, wait for a notification.
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';

export const timeouts = {
  /** The workbench's first paint (code-server serves it locally; a few seconds). */
  workbench: 60_000,
  /** Trees and notifications that may wait for git/DVC. */
  ui: 60_000,
  /** A command that runs git and DVC (dvc init, first commit). */
  command: 120_000,
};

export async function openFolder(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeouts.workbench });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeouts.workbench });
}

/**
 * Answers the workspace-trust prompt with "Yes, I trust the authors" when it comes (it does for a new folder
 * while trust is on). Returns whether it was asked.
 */
export async function trustIfAsked(page: Page, waitMs = 10_000): Promise<boolean> {
  const yes = page.getByRole('button', { name: 'Yes, I trust the authors' });
  try {
    await yes.waitFor({ state: 'visible', timeout: waitMs });
  } catch {
    return false;
  }
  await yes.click();
  await yes.waitFor({ state: 'hidden', timeout: timeouts.ui });
  return true;
}

/** The activity-bar icon of a view container; its aria-label starts with the container's title. */
export function activityBarItem(page: Page, title: string): Locator {
  return page
    .locator(
      `.activitybar .action-item [aria-label^="${title}"], .activitybar .action-item[aria-label^="${title}"]`,
    )
    .first();
}

/** The side bar's tree rows whose label is exactly `label`. */
export function sideBarTreeRow(page: Page, label: string): Locator {
  return page.locator('#workbench\\.parts\\.sidebar .monaco-list-row').filter({
    has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }),
  });
}

/**
 * F1, the command's title, Enter: the way a person runs a command. The palette lists what is available when it
 * opens (a command enabled only in a trusted workspace shows up a moment after the trust prompt was answered),
 * so, like a person, close it and try again when the command is not listed yet.
 */
export async function runCommandFromPalette(
  page: Page,
  title: string,
  timeoutMs = timeouts.ui,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const row = page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title })
    .first();
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: timeouts.ui });
    await page.keyboard.type(title, { delay: 10 });
    try {
      await row.waitFor({
        state: 'visible',
        timeout: Math.min(10_000, Math.max(1_000, deadline - Date.now())),
      });
      break;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      console.log(`# the palette does not list "${title}" yet; closing it and trying again`);
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden', timeout: timeouts.ui });
    }
  }
  await page.keyboard.press('Enter');
}

export function quickInputTitle(page: Page): Locator {
  return page.locator('.quick-input-widget .quick-input-title');
}

export function notification(page: Page, text: string | RegExp): Locator {
  return page.locator(
    '.notifications-toasts .notification-toast, .notifications-center .notification-list-item',
    {
      hasText: text,
    },
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Reads until `accept` holds, every 250 ms, for at most `timeouts.ui`; fails naming what and the last read.
 * A read that throws because the webview it reads was replaced (VS Code detaches a webview's frame when the
 * panel reloads its content, as the plots dashboard does when a row is added) is read again: the locator
 * finds the new frame. Any other error, or a detached frame at the deadline, fails as before.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeouts.ui;
  for (;;) {
    const outcome = await read().then(
      (value) => ({ value }),
      (error: unknown) => {
        if (!isDetachedFrame(error) || Date.now() > deadline) throw error;
        return undefined;
      },
    );
    if (outcome && accept(outcome.value)) return outcome.value;
    if (Date.now() > deadline)
      assert.fail(`timed out waiting: ${what} (last: ${JSON.stringify(outcome?.value)})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function isDetachedFrame(error: unknown): boolean {
  return error instanceof Error && /Frame was detached|frame got detached/i.test(error.message);
}

/**
 * Right-clicks `row` and picks `label` from its context menu. VS Code's menu may drop a click that comes right
 * after it opened (under load the click raced the menu's own mouse guard, and the menu stayed open with the
 * item highlighted): when the menu is still open after the click, the highlighted item is taken with Enter.
 */
export async function pickContextMenuItem(page: Page, row: Locator, label: string): Promise<void> {
  await row.click({ button: 'right' });
  const menu = page.locator('.context-view .monaco-menu').first();
  const item = page.locator('.context-view .action-item', { hasText: label }).first();
  await item.waitFor({ state: 'visible', timeout: timeouts.ui });
  await item.click();
  const closed = await menu
    .waitFor({ state: 'hidden', timeout: 3_000 })
    .then(() => true)
    .catch(() => false);
  if (closed) return;
  await item.hover();
  await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden', timeout: timeouts.ui });
}
