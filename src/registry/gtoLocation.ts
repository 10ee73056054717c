/**
 * Which gto to run: `dvcLens.gtoPath` when set, else the `gto` in the folder of the DVC in use (GTO is a DVC
 * dependency, so a venv with DVC has it; for `python -m dvc` that is the interpreter's folder).
 */
import { dirname, join } from 'node:path';
import type { DvcExecutableSource } from '../repository/repository';
import { pathExists } from '../repository/processes';
import { gtoPathSetting } from './registrySettings';

export async function locateGto(dvc: DvcExecutableSource): Promise<string | undefined> {
  const configured = gtoPathSetting();
  if (configured) return (await pathExists(configured)) ? configured : undefined;
  const executable = await dvc.ready();
  if (!executable) return undefined;
  const candidate = join(dirname(executable.command), process.platform === 'win32' ? 'gto.exe' : 'gto');
  return (await pathExists(candidate)) ? candidate : undefined;
}
