/**
 * The fuzz floor's settings: one fixed seed (printed, so a failure replays with DVC_LENS_FUZZ_SEED=<seed>),
 * the number of documents per property, and the time one parse may take before it counts as a freeze.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';

const seedFromEnvironment = Number(process.env.DVC_LENS_FUZZ_SEED);
export const seed = Number.isInteger(seedFromEnvironment) ? seedFromEnvironment : 20261206;
export const numRuns = Number(process.env.DVC_LENS_FUZZ_RUNS) || 120;
/** Generous for a loaded 2-core machine; the documents are small, a freeze takes seconds to minutes. */
export const parseBudgetMs = 5000;

console.log(`fuzz: seed ${seed}, ${numRuns} documents per property (replay: DVC_LENS_FUZZ_SEED=${seed})`);

/** Runs `parse` on every document: it must return (never throw) within the time budget. */
export function assertParsesEveryDocument<T>(
  documents: fc.Arbitrary<T>,
  parse: (document: T) => unknown,
  runs = numRuns,
): void {
  fc.assert(
    fc.property(documents, (document) => {
      const started = performance.now();
      parse(document);
      const took = performance.now() - started;
      assert.ok(took < parseBudgetMs, `took ${Math.round(took)} ms (budget ${parseBudgetMs} ms)`);
    }),
    { seed, numRuns: runs, endOnFailure: true },
  );
}
