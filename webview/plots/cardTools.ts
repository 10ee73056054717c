/**
 * The controls in a template card's header: log y, smoothing slider (line plots only), zoom reset, full
 * screen and the exports. Each is a real button or range input, so it is reachable with Tab and works with
 * Enter/Space or the arrow keys.
 */
import { MAX_SMOOTHING } from '../../src/core/plots/specOptions';
import type { ExportFormat } from '../../src/core/protocols/plotsProtocol';
import { htmlElement } from '../shared/dom';

export interface CardToolActions {
  toggleLogScale(): void;
  setSmoothing(weight: number): void;
  resetZoom(): void;
  toggleFullScreen(): void;
  export(format: ExportFormat): void;
}

export interface CardTools {
  readonly element: HTMLElement;
  /** Shows the options the chart is drawn with. */
  show(options: { readonly log: boolean; readonly smoothing: number; readonly fullScreen: boolean }): void;
  focusFullScreen(): void;
}

const SMOOTHING_INPUT_DELAY_MS = 150;

export function cardTools(
  title: string,
  offers: { readonly logScale: boolean; readonly smoothing: boolean },
  actions: CardToolActions,
): CardTools {
  const element = htmlElement('div', { class: 'plot-tools' });
  const log = toolButton('log y', 'Logarithmic y axis', () => actions.toggleLogScale());
  log.setAttribute('aria-pressed', 'false');
  log.disabled = !offers.logScale;
  element.append(log);

  const slider = htmlElement('input', {
    type: 'range',
    class: 'smoothing',
    min: 0,
    max: MAX_SMOOTHING,
    step: 0.01,
    value: 0,
    'aria-label': `Smoothing of ${title}`,
    title: 'Smoothing (exponential moving average; 0 is off)',
  });
  const sliderValue = htmlElement('span', { class: 'smoothing-value', 'aria-hidden': 'true' }, 'off');
  let timer: ReturnType<typeof setTimeout> | undefined;
  slider.addEventListener('input', () => {
    sliderValue.textContent = describeWeight(Number(slider.value));
    // Dragging fires many inputs; draw once it rests.
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => actions.setSmoothing(Number(slider.value)), SMOOTHING_INPUT_DELAY_MS);
  });
  if (offers.smoothing) {
    const label = htmlElement('label', { class: 'smoothing-label' }, 'smooth');
    label.append(slider, sliderValue);
    element.append(label);
  }

  const reset = toolButton('reset zoom', 'Show the whole plot again (drag to pan, wheel to zoom)', () =>
    actions.resetZoom(),
  );
  const fullScreen = toolButton('full screen', 'Full screen (Escape leaves)', () =>
    actions.toggleFullScreen(),
  );
  fullScreen.setAttribute('aria-label', `Full screen: ${title}`);
  fullScreen.setAttribute('aria-pressed', 'false');
  element.append(reset, fullScreen);
  for (const format of ['svg', 'png', 'csv', 'json'] as const)
    element.append(
      toolButton(format.toUpperCase(), `Export as ${format.toUpperCase()}`, () => actions.export(format)),
    );

  return {
    element,
    show: (options) => {
      log.setAttribute('aria-pressed', String(options.log));
      slider.value = String(options.smoothing);
      slider.setAttribute('aria-valuetext', describeWeight(options.smoothing));
      sliderValue.textContent = describeWeight(options.smoothing);
      fullScreen.setAttribute('aria-pressed', String(options.fullScreen));
      fullScreen.title = options.fullScreen ? 'Leave full screen (Escape)' : 'Full screen (Escape leaves)';
    },
    focusFullScreen: () => fullScreen.focus(),
  };
}

function describeWeight(weight: number): string {
  return weight > 0 ? weight.toFixed(2) : 'off';
}

function toolButton(label: string, title: string, onClick: () => void): HTMLButtonElement {
  const button = htmlElement('button', { class: 'tool', title }, label);
  button.addEventListener('click', onClick);
  return button;
}
