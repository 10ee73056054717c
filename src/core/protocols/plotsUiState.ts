/**
 * The dashboard's persisted UI state and its changes, pure (the page applies them, the host checks what the
 * page saves). States saved before smoothing, zoom, size, full-screen and plot selection existed stay valid.
 */
import { MAX_SMOOTHING } from '../plots/specOptions';
import { PLOT_SIZES, type PlotSize, type ZoomDomain } from '../plots/specView';
import type { PlotsUiChange, PlotsUiState } from './plotsProtocol';

export const EMPTY_UI_STATE: PlotsUiState = { collapsed: [], logScale: [] };

/** The state after one change; a smoothing of 0 or a reset zoom removes the plot's entry. */
export function applyUiChange(state: PlotsUiState, change: PlotsUiChange): PlotsUiState {
  switch (change.kind) {
    case 'logScale': {
      const others = state.logScale.filter((id) => id !== change.id);
      return { ...state, logScale: change.on ? [...others, change.id] : others };
    }
    case 'smoothing': {
      const { [change.id]: _old, ...others } = state.smoothing ?? {};
      void _old;
      const weight = Math.min(Math.max(change.weight, 0), MAX_SMOOTHING);
      return { ...state, smoothing: weight > 0 ? { ...others, [change.id]: weight } : others };
    }
    case 'zoom': {
      const { [change.id]: _old, ...others } = state.zoom ?? {};
      void _old;
      return { ...state, zoom: change.domain ? { ...others, [change.id]: change.domain } : others };
    }
    case 'fullScreen': {
      const { fullScreen: _old, ...rest } = state;
      void _old;
      return change.id === undefined ? rest : { ...rest, fullScreen: change.id };
    }
    case 'size':
      return { ...state, size: change.size };
    case 'hiddenPlots':
      return { ...state, hidden: [...new Set(change.hidden)] };
    case 'plotOrder':
      return { ...state, order: [...new Set(change.order)] };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.length <= 10_000 && value.every((item) => typeof item === 'string');
}

export function isPlotSize(value: unknown): value is PlotSize {
  return PLOT_SIZES.includes(value as PlotSize);
}

function isRange(value: unknown): value is readonly [number, number] {
  return Array.isArray(value) && value.length === 2 && value.every((item) => Number.isFinite(item));
}

export function isZoomDomain(value: unknown): value is ZoomDomain {
  return (
    isRecord(value) &&
    (value.x === undefined || isRange(value.x)) &&
    (value.y === undefined || isRange(value.y))
  );
}

function isRecordOf<T>(value: unknown, item: (entry: unknown) => entry is T): value is Record<string, T> {
  return isRecord(value) && Object.keys(value).length <= 10_000 && Object.values(value).every(item);
}

function isWeight(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= MAX_SMOOTHING;
}

export function isPlotsUiState(value: unknown): value is PlotsUiState {
  return (
    isRecord(value) &&
    isStringList(value.collapsed) &&
    isStringList(value.logScale) &&
    (value.smoothing === undefined || isRecordOf(value.smoothing, isWeight)) &&
    (value.zoom === undefined || isRecordOf(value.zoom, isZoomDomain)) &&
    (value.size === undefined || isPlotSize(value.size)) &&
    (value.fullScreen === undefined || typeof value.fullScreen === 'string') &&
    (value.hidden === undefined || isStringList(value.hidden)) &&
    (value.order === undefined || isStringList(value.order))
  );
}
