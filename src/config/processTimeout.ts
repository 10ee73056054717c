/**
 * `dvcLens.processTimeout` as the CLIs use it, without VS Code: the manifest declares seconds, default 120,
 * minimum 5. VS Code does not enforce `minimum` on values typed into settings.json, so the reader does.
 */
export const PROCESS_TIMEOUT_DEFAULT_SECONDS = 120;
export const PROCESS_TIMEOUT_MINIMUM_SECONDS = 5;

/** The configured value (whatever settings.json holds) as milliseconds; not a number: the default. */
export function processTimeoutMsFromSetting(value: unknown): number {
  const seconds =
    typeof value === 'number' && Number.isFinite(value) ? value : PROCESS_TIMEOUT_DEFAULT_SECONDS;
  return Math.max(PROCESS_TIMEOUT_MINIMUM_SECONDS, seconds) * 1000;
}
