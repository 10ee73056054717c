/**
 * `dvc plots diff` for one repository, without VS Code: a deduplicated, cancellable read through the
 * repository's scheduler (slot `plots-diff`: a newer question replaces an older one still running).
 *
 * Images: DVC writes one file per image plot and revision into the folder given with `-o`, and would write
 * into `dvc_plots/` inside the workspace without it. We give it a folder of our own (outside the workspace,
 * one per repository), which is also the only folder the dashboard's webview may load images from. The
 * arguments stay the same for the same revisions, so identical reads in flight share one process.
 *
 * A template DVC does not know fails the whole command (DVC 3.67.1: exit 255, "Template 'x' not found"): we
 * ask again for the other plots of the root dvc.yaml with `--targets` and show the broken ones as error cards.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DvcCli } from '../repository/processes';
import { isProcessError } from '../repository/processes';
import { optionValue, positionals, refuseOptionLike } from '../repository/processes';
import { failedPlot, parsePlotsDiff } from '../core/plots/parsePlotsDiff';
import type { PlotsModel } from '../core/plots/plotModel';
import { plotDefinitions, unknownTemplateOf } from '../core/plots/plotTemplates';

export const PLOTS_READ_SLOT = 'plots-diff';

/**
 * `dvc plots diff --json --out <folder> [--targets …] [--] <revs>`. `--targets` takes a list, which no `=`
 * form can carry, so a target (a plot id from dvc.yaml) that starts with `-` is refused.
 */
export function plotsDiffArguments(
  revisions: readonly string[],
  imagesFolder: string,
  targets?: readonly string[],
): string[] {
  const targetArguments = targets
    ? [
        '--targets',
        ...targets.map((target) =>
          refuseOptionLike(target, 'The plot', 'DVC would read it as an option of plots diff.'),
        ),
      ]
    : [];
  return [
    'plots',
    'diff',
    '--json',
    ...optionValue('--out', imagesFolder),
    ...targetArguments,
    // `--targets` takes every word up to the next option: with targets, the revisions always follow `--`.
    ...(targets ? ['--', ...revisions] : positionals(revisions)),
  ];
}

export class PlotsService {
  constructor(
    private readonly cli: DvcCli,
    /** Where DVC writes image plots for this repository; created on demand. */
    readonly imagesFolder: string,
  ) {}

  get root(): string {
    return this.cli.root;
  }

  /** The plots of `revisions` (as DVC names them: `workspace`, experiment names, commits). */
  async diff(revisions: readonly string[], signal?: AbortSignal): Promise<PlotsModel> {
    await mkdir(this.imagesFolder, { recursive: true });
    try {
      return await this.read(revisions, signal);
    } catch (error: unknown) {
      const template = isProcessError(error, 'exit') ? unknownTemplateOf(error.stderr) : undefined;
      if (template === undefined) throw error;
      return this.withoutTemplate(revisions, template, signal);
    }
  }

  private async read(
    revisions: readonly string[],
    signal: AbortSignal | undefined,
    targets?: readonly string[],
  ): Promise<PlotsModel> {
    const json = await this.cli.readJson(plotsDiffArguments(revisions, this.imagesFolder, targets), {
      signal,
      slot: PLOTS_READ_SLOT,
    });
    // dvc.yaml's plots DVC gave up on without naming them are still listed, each with DVC's reason.
    const defined = targets
      ? []
      : plotDefinitions(await readText(join(this.root, 'dvc.yaml'))).map((definition) => definition.id);
    return parsePlotsDiff(json, revisions, defined);
  }

  private async withoutTemplate(
    revisions: readonly string[],
    template: string,
    signal: AbortSignal | undefined,
  ): Promise<PlotsModel> {
    const definitions = plotDefinitions(await readText(join(this.root, 'dvc.yaml')));
    const broken = definitions.filter((definition) => definition.template === template);
    const others = definitions.filter((definition) => definition.template !== template);
    const message = `Template '${template}' is not a template DVC knows ('dvc plots templates' lists them).`;
    const cards = broken.map((definition) => failedPlot(definition.id, revisions, [], message));
    // Without a definition to blame, the failure is DVC's to tell as it is.
    if (broken.length === 0) throw new Error(`dvc plots diff failed: Template '${template}' not found.`);
    if (others.length === 0) return { revisions: [...revisions], plots: cards };
    const model = await this.read(
      revisions,
      signal,
      others.map((definition) => definition.id),
    );
    return { revisions: model.revisions, plots: [...model.plots, ...cards] };
  }
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return '';
  }
}
