/**
 * A short content hash per image file of a plots model. DVC rewrites every image into our images folder on
 * each `dvc plots diff`; naming the content in the webview URI lets the page keep (and not reload or redraw)
 * the images that did not change while a live run refreshes the plots.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { PlotsModel } from '../../core/plots/plotModel';

export async function imageVersions(model: PlotsModel): Promise<Map<string, string>> {
  const paths = new Set<string>();
  for (const plot of model.plots)
    if (plot.kind === 'image')
      for (const revision of plot.revisions) if (revision.imagePath) paths.add(revision.imagePath);
  const versions = new Map<string, string>();
  await Promise.all(
    [...paths].map(async (path) => {
      try {
        versions.set(
          path,
          createHash('sha1')
            .update(await readFile(path))
            .digest('hex')
            .slice(0, 12),
        );
      } catch {
        // Gone already (a newer refresh rewrote the folder): the generation number stands in.
      }
    }),
  );
  return versions;
}
