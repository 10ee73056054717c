/**
 * Headless Debian Chromium driven by playwright-core (no browser download), with the flags that keep it from
 * reaching the network on its own. Shared by the suite runner and the e2e tests.
 */
import { existsSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = process.env.DVC_LENS_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}; run: bash scripts/ensure-chromium.sh`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    timeout: 60_000,
  });
}

/**
 * Waits until the page has a performance entry named `name` (a webview's own `performance.measure`). A
 * function predicate, not a string: Playwright polls a string predicate with eval, which the webviews'
 * nonce-only CSP forbids, so a string wait threw an EvalError whenever its condition was not already true.
 */
export async function waitForMeasure(page: Page, name: string, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction((entry) => performance.getEntriesByName(entry).length > 0, name, {
    timeout: timeoutMs,
  });
}

/** Appends the page's console messages and errors to a log file (the workbench's own view of problems). */
export function recordConsole(page: Page, logFile: string): void {
  const write = (line: string): void => {
    appendFile(logFile, `${new Date().toISOString()} ${line}\n`).catch(() => undefined);
  };
  page.on('console', (message) => write(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => write(`[pageerror] ${error.stack ?? error.message}`));
  page.on('crash', () => write('[crash] the page crashed'));
}
