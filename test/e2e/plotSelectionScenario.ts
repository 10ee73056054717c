/**
 * Plot selection in the dashboard, as a person does it: Alt+Up on a focused card's grip moves it up one place,
 * dragging a card's grip onto another card moves it there, and a card's Hide button hides it (Choose Plots
 * then counts it). The order is read from the page's cards as they are laid out.
 */
import assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { visibleWebview } from './experimentsScenario';
import { eventually, runCommandFromPalette, timeouts } from './workbench';

/** The ids of the cards of the Plots section, in the order shown. */
function cardOrder(plots: FrameLocator): Promise<string[]> {
  return plots
    .locator('.plots-section[data-section="templates"] .plot-card')
    .evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.plotId ?? ''));
}

export async function plotSelectionScenario(
  page: Page,
  screenshot: (name: string) => Promise<void>,
): Promise<void> {
  await runCommandFromPalette(page, 'DVC Lens: Show Plots');
  const plots = visibleWebview(page);
  const initial = await eventually(
    () => cardOrder(plots),
    (ids) => ids.length >= 3,
    'three or more plots on the dashboard',
  );
  const [first, second, third] = initial as [string, string, string];

  // Keyboard: the third card's grip, Alt+Up: it moves above the second, and keeps the focus.
  const grip = (id: string) => plots.locator(`.plot-card[data-plot-id="${id}"] .card-grip`);
  await grip(third).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await eventually(
    () => cardOrder(plots),
    (ids) => ids[0] === first && ids[1] === third && ids[2] === second,
    `${third} moved above ${second} with Alt+Up`,
  );
  await eventually(
    () => grip(third).evaluate((element) => element === document.activeElement),
    (focused) => focused,
    'the moved card keeps the keyboard focus',
  );

  // Drag: the first card's grip onto the right half of its neighbour (now the third plot): it lands after it.
  // The mouse, step by step, as a hand moves it (HTML5 drag and drop inside the webview's frames).
  const order = await cardOrder(plots);
  const target = plots.locator(`.plot-card[data-plot-id="${third}"]`);
  await grip(first).scrollIntoViewIfNeeded();
  const from = await grip(first).boundingBox();
  const to = await target.boundingBox();
  assert.ok(from && to, 'the grip and the target card are laid out');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width - 30, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
  await eventually(
    () => cardOrder(plots),
    (ids) => ids[0] === third && ids[1] === first && ids.length === order.length,
    `${first} dragged after ${third}`,
  );
  await screenshot('plots-selection-reordered');

  // Hide: the card goes, and Choose Plots says one is hidden.
  await plots.locator(`.plot-card[data-plot-id="${second}"] .card-hide`).click();
  await eventually(
    () => cardOrder(plots),
    (ids) => !ids.includes(second) && ids.length === order.length - 1,
    `${second} hidden`,
  );
  await plots.getByRole('button', { name: /Choose Plots… \(1 hidden\)/ }).waitFor({ timeout: timeouts.ui });
  await screenshot('plots-selection-hidden');
}
