/** How every view draws a stage status: one icon, colour and wording, so the tree, DAG and hovers agree. */
import type { StageStatus, StageStatusKind } from './stageStatus';

/** A codicon id (without `$(...)`), an optional theme colour id, a short label and a tooltip. */
export interface StageStatusPresentation {
  readonly codicon: string;
  readonly themeColor?: string;
  readonly label: string;
  readonly tooltip: string;
}

const looks: Record<
  StageStatusKind,
  Omit<StageStatusPresentation, 'tooltip'> & { readonly sentence: string }
> = {
  upToDate: {
    codicon: 'pass',
    themeColor: 'testing.iconPassed',
    label: 'up to date',
    sentence: 'Up to date: its outputs match its dependencies, params and command.',
  },
  changed: {
    codicon: 'warning',
    themeColor: 'list.warningForeground',
    label: 'changed',
    sentence: 'Changed since its last run: `dvc repro` would run it.',
  },
  alwaysChanged: {
    codicon: 'sync',
    themeColor: 'charts.blue',
    label: 'always runs',
    sentence: 'Always changed: `dvc repro` runs it every time.',
  },
  frozen: {
    codicon: 'lock',
    themeColor: 'disabledForeground',
    label: 'frozen',
    sentence: 'Frozen: `dvc repro` does not run it and DVC does not check its dependencies.',
  },
  neverRun: {
    codicon: 'circle-outline',
    themeColor: 'list.warningForeground',
    label: 'never run',
    sentence: 'Never run: `dvc repro` would run it.',
  },
  unknown: {
    codicon: 'question',
    label: 'status unknown',
    sentence: 'Status unknown: DVC has not reported on it.',
  },
};

export function stageStatusPresentation(status: StageStatus): StageStatusPresentation {
  const { sentence, ...look } = looks[status.kind];
  const reasons = status.reasons.map((reason) => `• ${reason}`);
  return { ...look, tooltip: [sentence, ...reasons].join('\n') };
}
