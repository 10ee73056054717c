/** How cells read: short in the grid, the full value on hover. */
import type { CellValue } from '../protocols/experimentsTableProtocol';

function trimZeros(text: string): string {
  return text.includes('e') ? text : text.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** A number with sensible precision: integers whole, others 5 significant digits, extremes in e-notation. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  const magnitude = Math.abs(value);
  if (Number.isInteger(value) && magnitude < 1e15) return String(value);
  if (magnitude !== 0 && (magnitude >= 1e9 || magnitude < 1e-4))
    return value.toExponential(3).replace(/\.?0+e/, 'e');
  return trimZeros(value.toPrecision(5));
}

/** The text of a cell in the grid. */
export function formatCell(value: CellValue): string {
  if (value === undefined) return '-';
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

/** The full value for the tooltip (and CSV): every digit JavaScript has. */
export function fullValue(value: CellValue): string {
  if (value === undefined) return '';
  return String(value);
}

/** A difference to the baseline, signed: `+0.012`, `-3`, `±0`. */
export function formatDelta(delta: number): string {
  if (delta === 0) return '±0';
  const text = formatNumber(delta);
  return delta > 0 ? `+${text}` : text;
}

/** A relative change as a percentage: `+12.5%`. */
export function formatRelative(relative: number): string {
  if (!Number.isFinite(relative)) return '';
  const percent = relative * 100;
  const text = Math.abs(percent) >= 100 ? percent.toFixed(0) : trimZeros(percent.toPrecision(3));
  return `${percent > 0 ? '+' : ''}${text}%`;
}
