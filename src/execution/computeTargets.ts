/**
 * The compute targets experiments can run on. The experiments feature registers this machine; a later
 * target (an SSH host, a Slurm cluster) registers itself the same way and the commands find it by id.
 */
import type { ComputeTarget } from './computeTarget';

export class ComputeTargets {
  private readonly targets = new Map<string, ComputeTarget>();

  /** Adds a target; an id already taken is refused. Dispose the result to take the target away again. */
  register(target: ComputeTarget): { dispose(): void } {
    if (this.targets.has(target.id))
      throw new Error(`A compute target with the id '${target.id}' is registered already`);
    this.targets.set(target.id, target);
    return {
      dispose: () => {
        if (this.targets.get(target.id) === target) this.targets.delete(target.id);
      },
    };
  }

  /** The target with this id, or undefined. */
  get(id: string): ComputeTarget | undefined {
    return this.targets.get(id);
  }

  /** The target with this id; an unknown id is a programming error, said with the ids there are. */
  require(id: string): ComputeTarget {
    const target = this.targets.get(id);
    if (!target)
      throw new Error(
        `No compute target '${id}' (registered: ${[...this.targets.keys()].join(', ') || 'none'})`,
      );
    return target;
  }

  /** Every target, in the order they were registered. */
  list(): readonly ComputeTarget[] {
    return [...this.targets.values()];
  }
}
