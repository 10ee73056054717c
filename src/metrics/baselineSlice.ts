/**
 * A repository's baseline reader for the regression warning, as a slice of the repository hub: made once DVC
 * is available and kept, so its answers (cached per sha the baseline ref points at) outlive each update.
 */
import { experimentsServiceOf } from '../experiments';
import type { Repository } from '../repository/repository';
import { defineSlice, type RepositorySlice } from '../repository/repositorySlice';
import { BaselineReader } from './baselineReader';

export class BaselineSlice implements RepositorySlice {
  private reader: BaselineReader | undefined;

  constructor(private readonly repository: Repository) {}

  /** The reader; undefined while there is no DVC to ask (not found yet, or Restricted Mode). */
  get readerIfReady(): BaselineReader | undefined {
    if (!this.reader) {
      const service = experimentsServiceOf(this.repository);
      if (service) this.reader = new BaselineReader(this.repository.git, service);
    }
    return this.reader;
  }

  dispose(): void {
    this.reader = undefined;
  }
}

/** The regression warning's baseline reader of a repository. */
export const baselineSlice = defineSlice('baseline', (repository) => new BaselineSlice(repository));
