/** Sizes as the Data view shows them: decimal units (as `ls -h --si` and DVC's own output do). */

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] as const;

/** `13634` → "13.6 kB"; below 100 of a unit one decimal, above it none ("123 MB"). */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  if (unit === 0) return `${bytes} B`;
  // 999.95 kB would print as "1000.0 kB": move to the next unit instead.
  if (Number(value.toFixed(1)) >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

/** "12.3 kB · 3 files" for a folder, "12.3 kB" for a file, "" when the metadata has neither. */
export function describeSize(size: number | undefined, nfiles: number | undefined): string {
  const parts: string[] = [];
  if (size !== undefined) parts.push(formatSize(size));
  if (nfiles !== undefined) parts.push(`${nfiles} ${nfiles === 1 ? 'file' : 'files'}`);
  return parts.join(' · ');
}
