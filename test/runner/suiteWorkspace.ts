/** What a suite's window opens, made fresh in a temp folder: shared by the code-server and Electron runners. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDemoWorkspace } from '../../scripts/createDemoWorkspace';
import { makeFreshCloneFixture } from '../helpers/freshCloneFixture';
import type { SuiteDefinition } from './suites';

/** The folder (or `.code-workspace` file) to open for `suite`, created under `parent`. */
export async function makeSuiteWorkspace(
  suite: SuiteDefinition,
  parent: string,
  dvcPath: string,
): Promise<string> {
  switch (suite.workspace) {
    case 'demo':
      return createDemoWorkspace(join(parent, 'demo-project'), { dvcPath, repro: true });
    case 'empty': {
      const folder = join(parent, 'empty-folder');
      await mkdir(folder, { recursive: true });
      return folder;
    }
    case 'twoDemos': {
      // Two DVC projects as two workspace folders of one multi-root workspace; neither reproduced, so a run
      // in one shows its outputs there and nowhere else.
      await createDemoWorkspace(join(parent, 'alpha'), { dvcPath });
      await createDemoWorkspace(join(parent, 'beta'), { dvcPath });
      const file = join(parent, 'two-projects.code-workspace');
      await writeFile(
        file,
        `${JSON.stringify({ folders: [{ path: 'alpha' }, { path: 'beta' }] }, null, 2)}\n`,
      );
      return file;
    }
    case 'freshClone':
      // The fixture's other folders (the git and DVC remotes) sit beside the clone, under `parent`, which the
      // runner removes afterwards.
      return (await makeFreshCloneFixture({ dvcPath, base: join(parent, 'fresh-clone') })).root;
  }
}
