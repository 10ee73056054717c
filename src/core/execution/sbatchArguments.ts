/**
 * The `sbatch` command line of one run, and the `#SBATCH` lines of the person's extra options. Every value is
 * glued to its option (`--partition=gpu`), so none can pass for another option.
 */
import type { SlurmTargetSettings } from './computeTargetSettings';

/** `sbatch --parsable … ` for a script on stdin; `workFolder` as the submitting side names it. */
export function sbatchArguments(
  settings: SlurmTargetSettings,
  workFolder: string,
  experimentBase: string,
): string[] {
  // Slurm expands `%j`, `%u`… in the output path: a `%` of the folder itself would be read as one.
  if (workFolder.includes('%'))
    throw new Error(`The work folder '${workFolder}' holds a '%', which Slurm reads in an output file name.`);
  const value = (option: string, text: string | undefined): string[] => {
    if (text === undefined) return [];
    if (text.trim() === '' || /[\r\n]/.test(text))
      throw new Error(`The Slurm setting ${option} has no usable value: ${JSON.stringify(text)}`);
    return [`--${option}=${text}`];
  };
  if (settings.cpus !== undefined && !(Number.isInteger(settings.cpus) && settings.cpus > 0))
    throw new Error(`The Slurm setting cpus must be a whole number above 0, not ${settings.cpus}`);
  return [
    'sbatch',
    '--parsable',
    `--job-name=dvc-lens-${experimentBase}`,
    `--output=${workFolder.replace(/\/+$/, '')}/dvc-lens-%j.log`,
    ...value('partition', settings.partition),
    ...value('time', settings.timeLimit),
    ...value('cpus-per-task', settings.cpus === undefined ? undefined : String(settings.cpus)),
    ...value('gres', settings.gres),
  ];
}

/** The person's extra options as `#SBATCH` lines; each must be one option (`--account=ml`), on one line. */
export function sbatchHeader(settings: SlurmTargetSettings): string[] {
  return (settings.sbatchOptions ?? []).map((option) => {
    const text = option.trim();
    if (!text.startsWith('-') || /[\r\n]/.test(text))
      throw new Error(
        `An extra sbatch option must be one option on one line, like --account=ml: ${JSON.stringify(option)}`,
      );
    return `#SBATCH ${text}`;
  });
}
