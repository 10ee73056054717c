/**
 * Waits for DVC to arrive in a virtual environment that just appeared. The file watcher reports a new folder
 * but may miss the files written inside it right after (the folder is not watched yet), and pip writes
 * `bin/dvc` seconds to minutes after the venv exists: so the new environment's `dvc` is looked for with a
 * cheap `stat` every few seconds, for a few minutes, and the caller hears once it is there.
 */
import { access, constants } from 'node:fs/promises';
import { join } from 'node:path';

const POLL_MS = 2_000;
const GIVE_UP_MS = 5 * 60_000;

/** The environment folder a watcher event names (`…/.venv`, `…/.venv/pyvenv.cfg`, `…/.venv/bin`), if any. */
export function environmentFolderOf(path: string): string | undefined {
  const match = /^(.*\/(?:\.venv|venv|[^/]+))\/(?:pyvenv\.cfg|bin|Scripts)$/.exec(path);
  if (match?.[1]) return match[1];
  return /\/(\.venv|venv)$/.test(path) ? path : undefined;
}

export class NewEnvironmentWatch {
  private readonly watched = new Map<string, NodeJS.Timeout>();

  constructor(private readonly arrived: () => void) {}

  /** Starts (or keeps) looking for `dvc` in `folder` (a venv's root). */
  watch(folder: string): void {
    if (this.watched.has(folder)) return;
    const started = Date.now();
    const candidates = [join(folder, 'bin', 'dvc'), join(folder, 'Scripts', 'dvc.exe')];
    const poll = async (): Promise<void> => {
      if (!this.watched.has(folder)) return;
      const found = await Promise.any(candidates.map((file) => access(file, constants.X_OK))).then(
        () => true,
        () => false,
      );
      if (found || Date.now() - started > GIVE_UP_MS) {
        this.watched.delete(folder);
        if (found) this.arrived();
        return;
      }
      this.watched.set(
        folder,
        setTimeout(() => void poll(), POLL_MS),
      );
    };
    this.watched.set(
      folder,
      setTimeout(() => void poll(), POLL_MS),
    );
  }

  dispose(): void {
    for (const timer of this.watched.values()) clearTimeout(timer);
    this.watched.clear();
  }
}
