/**
 * Pipeline view with 1,000 stages: building the tree model from the files (read with fs/promises, parse,
 * build nodes), against `dvc stage list --all` on the same repository, which is what a CLI-driven tree would
 * have to wait for. Goal: ours ≤ 5% of DVC's time.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildPipelineTree,
  parsePipeline,
  pipelineParamsFiles,
  type PipelineTreeNode,
} from '../src/core/pipeline';
import { dvc, git, gitIdentityArgs, makeDvcRepo } from '../test/helpers/dvcEnvironment';
import { bareDvc } from './bareDvc';
import { machineDetails, median, roundMs, type Benchmark, type BenchmarkMode } from './benchmark';

const sizes: Record<BenchmarkMode, PipelineBenchSize> = {
  measure: {
    stageCount: 1000,
    foreachGroups: 20,
    itemsPerGroup: 10,
    warmupRuns: 3,
    rounds: 7,
    oursRunsPerRound: 3,
  },
  smoke: {
    stageCount: 30,
    foreachGroups: 2,
    itemsPerGroup: 5,
    warmupRuns: 0,
    rounds: 1,
    oursRunsPerRound: 1,
  },
};

interface PipelineBenchSize {
  /** All stages: the plain ones and the foreach groups' generated ones. */
  readonly stageCount: number;
  readonly foreachGroups: number;
  readonly itemsPerGroup: number;
  readonly warmupRuns: number;
  /** Each round runs DVC once and ours a few times, interleaved, so that changes in the machine's load
   * (this runs beside other work) hit both sides alike instead of one phase. */
  readonly rounds: number;
  readonly oursRunsPerRound: number;
}

/** Plain stages (a chain, with params and metrics; 800 when measuring) and foreach groups (20 of 10). */
function generatedDvcYaml({ stageCount, foreachGroups, itemsPerGroup }: PipelineBenchSize): string {
  const plain = stageCount - foreachGroups * itemsPerGroup;
  let text = 'stages:\n';
  for (let index = 0; index < plain; index++) {
    text += `  step${index}:\n`;
    text += `    desc: Step ${index} of the chain\n`;
    text += `    cmd: python src/step.py --index ${index} --lr \${train.lr} --epochs \${train.epochs}\n`;
    text += '    deps:\n      - src/step.py\n';
    if (index > 0) text += `      - data/step${index - 1}.csv\n`;
    text += '    params:\n      - train.lr\n      - train.epochs\n';
    text += `    outs:\n      - data/step${index}.csv\n`;
    if (index % 10 === 0)
      text += `    metrics:\n      - metrics/step${index}.json:\n          cache: false\n`;
  }
  for (let group = 0; group < foreachGroups; group++) {
    text += `  shard${group}:\n    foreach: \${shards}\n    do:\n`;
    text += `      cmd: python src/shard.py --group ${group} --name \${item.name} --size \${item.size}\n`;
    text += `      deps:\n        - data/step${group}.csv\n`;
    text += `      outs:\n        - data/shard${group}-\${item.name}.csv\n`;
  }
  return text;
}

function paramsYaml({ itemsPerGroup }: PipelineBenchSize): string {
  const shards = Array.from(
    { length: itemsPerGroup },
    (_, index) => `  - {name: s${index}, size: ${(index + 1) * 100}}`,
  );
  return ['train:', '  lr: 0.001', '  epochs: 10', 'shards:', ...shards, ''].join('\n');
}

function countNodes(nodes: readonly PipelineTreeNode[]): number {
  return nodes.reduce((total, node) => total + 1 + countNodes(node.children), 0);
}

export const benchmark: Benchmark = {
  name: 'pipeline-tree-1000',
  async run(mode) {
    const size = sizes[mode];
    const { stageCount, foreachGroups, itemsPerGroup, warmupRuns, rounds, oursRunsPerRound } = size;
    const repo = await makeDvcRepo();
    try {
      await writeFile(join(repo.dir, 'dvc.yaml'), generatedDvcYaml(size));
      await writeFile(join(repo.dir, 'params.yaml'), paramsYaml(size));
      await git(repo.dir, ['add', '-A']);
      await git(repo.dir, [...gitIdentityArgs, 'commit', '-q', '-m', `${stageCount} stages`]);

      let treeNodes = 0;
      let modelStages = 0;
      let problems = 0;
      const buildTree = async (run: number): Promise<number> => {
        const started = performance.now();
        const read = await readFile(join(repo.dir, 'dvc.yaml'), 'utf8');
        // A different comment per run defeats the parser's one-entry cache: every run parses cold.
        const text = `${read}# run ${run}\n`;
        const names = pipelineParamsFiles(text);
        const texts = await Promise.all(
          names.map((name) => readFile(join(repo.dir, name), 'utf8').catch(() => undefined)),
        );
        const pipeline = parsePipeline({
          file: 'dvc.yaml',
          text,
          paramsFiles: new Map(names.map((name, index) => [name, texts[index]])),
        });
        const tree = buildPipelineTree([pipeline], { rootId: repo.dir });
        const elapsed = performance.now() - started;
        treeNodes = countNodes(tree);
        modelStages = pipeline.stages.length;
        problems = pipeline.problems.length;
        return elapsed;
      };
      for (let run = 0; run < warmupRuns; run++) await buildTree(-1 - run);
      const oursSamples: number[] = [];
      const baselineSamples: number[] = [];
      let dvcStages = 0;
      for (let round = 0; round < rounds; round++) {
        const started = performance.now();
        const output = await bareDvc(repo.dir, ['stage', 'list', '--all']);
        baselineSamples.push(performance.now() - started);
        dvcStages = output.split('\n').filter((line) => line.trim() !== '').length;
        for (let run = 0; run < oursRunsPerRound; run++)
          oursSamples.push(await buildTree(round * oursRunsPerRound + run));
      }
      const dvcVersion = (await dvc(repo.dir, ['--version'])).trim();

      const ours = roundMs(median(oursSamples));
      const baseline = roundMs(median(baselineSamples));
      const ratio = Math.round((ours / baseline) * 10000) / 10000;
      if (modelStages !== dvcStages)
        throw new Error(`our model has ${modelStages} stages, DVC lists ${dvcStages}`);
      if (problems > 0) throw new Error(`the generated pipeline has ${problems} problems`);
      return {
        name: 'pipeline-tree-1000',
        unit: 'ms',
        ours,
        baseline,
        ratio,
        details: {
          goal: 'ratio <= 0.05',
          goalMet: ratio <= 0.05,
          stages: modelStages,
          stagesListedByDvc: dvcStages,
          plainStages: stageCount - foreachGroups * itemsPerGroup,
          foreachStages: foreachGroups * itemsPerGroup,
          treeNodes,
          dvcYamlBytes: Buffer.byteLength(generatedDvcYaml(size)),
          dvcVersion,
          ...machineDetails(),
          runs: {
            ours: rounds * oursRunsPerRound,
            oursWarmup: warmupRuns,
            baseline: rounds,
            interleaved: true,
          },
          oursMeasures:
            'read dvc.yaml + params.yaml (fs/promises), parse, interpolate, expand foreach, build tree nodes',
          baselineMeasures:
            'dvc stage list --all (a fresh process per run, as the CLI would be called, in its own session like the extension starts processes: bench/bareDvc.ts)',
          oursSamplesMs: oursSamples.map(roundMs),
          baselineSamplesMs: baselineSamples.map(roundMs),
        },
      };
    } finally {
      await repo.cleanup();
    }
  },
};
