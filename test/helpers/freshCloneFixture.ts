/**
 * A DVC project in the state a new user's `git clone` leaves it (issue 13): a four-stage pipeline with params,
 * metrics and plots as CACHED outputs, history with release and GTO-style tags, experiments pushed to the git
 * remote, data pushed to a DVC remote that is then out of reach, a frozen `dvc import` whose source repository
 * no longer exists, an `s3://` remote whose plugin is not installed, and nothing pulled.
 *
 * Real DVC and git only; usable from integration tests, the extension-host suite and e2e (plain Node, no
 * vscode). `makeRemoteReachable()` serves the pushed data on the remote's URL, for "Pull brings it in" checks.
 *
 * CLI: node --import tsx test/helpers/freshCloneFixture.ts <destination folder>   (prints the clone's path)
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { serveFolderOverHttp, unusedLoopbackPort, type HttpFolderServer } from './httpFolderServer';

const run = promisify(execFile);

/** What the fixture maker built; every path is absolute. */
export interface FreshCloneFixture {
  /** The fresh clone a user opens: data not pulled, default DVC remote unreachable. */
  readonly root: string;
  /** The bare git repository the clone came from (its `origin`), holding branches, tags and refs/exps. */
  readonly gitRemote: string;
  /** The folder the DVC data was pushed to (served by makeRemoteReachable). */
  readonly dvcRemoteFolder: string;
  /** The default DVC remote's URL as the clone's committed .dvc/config has it (an HTTP URL on a closed port). */
  readonly dvcRemoteUrl: string;
  /** The git URL the frozen import names; nothing is there any more. */
  readonly importSourceUrl: string;
  readonly stages: readonly string[];
  /** Plots the clone's dvc.yaml defines at top level, by id. */
  readonly topLevelPlots: readonly string[];
  /** Starts an HTTP server on the remote's URL serving the pushed data; close() makes it unreachable again. */
  makeRemoteReachable(): Promise<HttpFolderServer>;
  cleanup(): Promise<void>;
}

export interface FreshCloneOptions {
  /** The dvc executable (the pinned one from scripts/ensure-dvc.sh). */
  readonly dvcPath: string;
  /** Where to build; a new temp folder when absent. The clone is `<base>/clone`. */
  readonly base?: string;
  /** Fetch the pushed experiments (refs/exps) into the clone, as `dvc exp pull --no-cache` would. Default true. */
  readonly withExperiments?: boolean;
}

export const freshCloneStages = ['prepare', 'featurize', 'train', 'evaluate'] as const;
export const freshCloneTopLevelPlots = ['ROC', 'Precision-recall', 'Confusion', 'Loss'] as const;
export const freshCloneS3Remote = { name: 'archive', url: 's3://dvc-lens-fixture-bucket/store' } as const;
export const freshCloneDefaultRemoteName = 'storage';

const identity = ['-c', 'user.name=DVC Lens Fixture', '-c', 'user.email=fixture@dvc-lens.invalid'];

export async function makeFreshCloneFixture(options: FreshCloneOptions): Promise<FreshCloneFixture> {
  const base = resolve(options.base ?? (await mkdtemp(join(tmpdir(), 'dvc-lens-fresh-clone-'))));
  await mkdir(base, { recursive: true });
  const env = { ...process.env, DVC_NO_ANALYTICS: 'true', GIT_TERMINAL_PROMPT: '0' };
  const sh = (cwd: string) => ({
    git: async (...args: string[]) => (await run('git', args, { cwd, env })).stdout,
    commit: async (message: string) => {
      await run('git', ['add', '-A'], { cwd, env });
      await run('git', [...identity, 'commit', '-q', '-m', message], { cwd, env });
    },
    dvc: async (...args: string[]) =>
      (await run(options.dvcPath, args, { cwd, env, maxBuffer: 1 << 26 })).stdout,
  });

  const importSource = join(base, 'import-source');
  await makeImportSource(importSource, sh(importSource));

  const port = await unusedLoopbackPort();
  const dvcRemoteUrl = `http://127.0.0.1:${port}/storage`;
  const dvcRemoteFolder = join(base, 'dvc-remote');
  const gitRemote = join(base, 'origin.git');
  const upstream = join(base, 'upstream');
  await mkdir(upstream);
  const up = sh(upstream);
  await up.git('init', '-q', '-b', 'main');
  await up.dvc('init', '-q');
  await up.dvc('remote', 'add', '-d', freshCloneDefaultRemoteName, dvcRemoteUrl);
  await up.dvc('remote', 'add', freshCloneS3Remote.name, freshCloneS3Remote.url);
  // The project pushes to a folder; only its clones see the HTTP URL (the upstream's local config overrides it).
  await up.dvc('remote', 'modify', '--local', freshCloneDefaultRemoteName, 'url', dvcRemoteFolder);
  await writeProjectFiles(upstream);
  await up.dvc('import', '-q', importSource, 'data/data.xml', '-o', 'data/data.xml');
  await up.dvc('add', '-q', 'data/labels.csv');
  await up.dvc('repro', '-q');
  await up.commit('Pipeline: prepare, featurize, train, evaluate on the imported data');
  await up.git('tag', 'v1.0');
  await up.git(...identity, 'tag', '-a', 'model@v1.0.0', '-m', 'Registering artifact model version v1.0.0');
  await up.git(
    ...identity,
    'tag',
    '-a',
    'model#prod#1',
    '-m',
    'Assigning stage prod to model version v1.0.0',
  );

  await writeFile(join(upstream, 'params.yaml'), paramsYaml({ epochs: 12, lr: 0.05 }));
  await up.dvc('repro', '-q');
  await up.commit('Train longer');
  await up.git('tag', 'v1.1');
  await up.git(...identity, 'tag', '-a', 'model@v1.1.0', '-m', 'Registering artifact model version v1.1.0');
  await up.git(
    ...identity,
    'tag',
    '-a',
    'model#prod#2',
    '-m',
    'Assigning stage prod to model version v1.1.0',
  );

  // Every commit's data is pushed (an experiment run leaves its own outputs in the workspace afterwards); the
  // import's data is not: DVC never pushes imports, so data/data.xml can be had from nowhere in the clone.
  await up.dvc('push', '-q', '--all-commits');
  await up.dvc('exp', 'run', '-q', '-n', 'fast-lr', '-S', 'train.lr=0.2');
  await up.dvc('exp', 'run', '-q', '-n', 'few-epochs', '-S', 'train.epochs=4');
  await run('git', ['init', '-q', '--bare', '-b', 'main', gitRemote], { env });
  await up.git('remote', 'add', 'origin', gitRemote);
  await up.git('push', '-q', 'origin', 'main', '--tags');
  await up.dvc('exp', 'push', '-q', '-A', 'origin');

  // The import's source goes away: its URL in data/data.xml.dvc no longer resolves.
  await rm(importSource, { recursive: true, force: true });

  const root = join(base, 'clone');
  await run('git', ['clone', '-q', gitRemote, root], { env });
  if (options.withExperiments ?? true)
    await sh(root).git('fetch', '-q', 'origin', '+refs/exps/*:refs/exps/*');

  return {
    root,
    gitRemote,
    dvcRemoteFolder,
    dvcRemoteUrl,
    importSourceUrl: importSource,
    stages: freshCloneStages,
    topLevelPlots: freshCloneTopLevelPlots,
    makeRemoteReachable: () => serveFolderOverHttp(dvcRemoteFolder, port, '/storage'),
    cleanup: () => rm(base, { recursive: true, force: true }),
  };
}

/**
 * makeRemoteReachable() for whoever knows only the clone's folder (the extension-host suite opens the fixture
 * the runner made): the pushed data lies beside the clone, and the URL is in its committed .dvc/config.
 */
export async function makeFreshCloneRemoteReachable(root: string): Promise<HttpFolderServer> {
  const config = await readFile(join(root, '.dvc', 'config'), 'utf8');
  const port = /url = http:\/\/127\.0\.0\.1:(\d+)\/storage\b/.exec(config)?.[1];
  if (port === undefined) throw new Error(`${root}/.dvc/config names no HTTP remote on the loopback`);
  return serveFolderOverHttp(join(dirname(root), 'dvc-remote'), Number(port), '/storage');
}

/** Moves the pushed data away (the "moved directory" way of losing a remote); returns how to move it back. */
export async function moveDvcRemoteAway(fixture: FreshCloneFixture): Promise<() => Promise<void>> {
  const away = `${fixture.dvcRemoteFolder}-moved`;
  await rename(fixture.dvcRemoteFolder, away);
  return () => rename(away, fixture.dvcRemoteFolder);
}

async function makeImportSource(
  folder: string,
  source: {
    git(...a: string[]): Promise<string>;
    dvc(...a: string[]): Promise<string>;
    commit(m: string): Promise<void>;
  },
): Promise<void> {
  await mkdir(join(folder, 'data'), { recursive: true });
  await source.git('init', '-q', '-b', 'main');
  await source.dvc('init', '-q');
  const rows = Array.from({ length: 60 }, (_, i) => `  <row id="${i}" x="${(i * 7) % 13}" y="${i % 2}"/>`);
  await writeFile(join(folder, 'data', 'data.xml'), `<rows>\n${rows.join('\n')}\n</rows>\n`);
  await source.commit('Data registry: data.xml');
}

function paramsYaml(train: { epochs: number; lr: number }): string {
  return [
    'prepare:',
    '  split: 0.25',
    'featurize:',
    '  scale: 10',
    'train:',
    `  epochs: ${train.epochs}`,
    `  lr: ${train.lr}`,
    '',
  ].join('\n');
}

const dvcYaml = `stages:
  prepare:
    cmd: python3 src/prepare.py
    deps:
      - src/prepare.py
      - data/data.xml
      - data/labels.csv
    params:
      - prepare.split
    outs:
      - data/prepared
  featurize:
    cmd: python3 src/featurize.py
    deps:
      - src/featurize.py
      - data/prepared
    params:
      - featurize.scale
    outs:
      - data/features
  train:
    cmd: python3 src/train.py
    deps:
      - src/train.py
      - data/features
    params:
      - train
    outs:
      - model/model.json
    plots:
      - plots/loss.csv:
          cache: false
  evaluate:
    cmd: python3 src/evaluate.py
    deps:
      - src/evaluate.py
      - model/model.json
      - data/features
    metrics:
      - eval/metrics.json
    plots:
      - eval/plots
plots:
  - ROC:
      x: fpr
      y:
        eval/plots/roc.json: tpr
  - Precision-recall:
      x: recall
      y:
        eval/plots/prc.json: precision
  - Confusion:
      template: confusion
      x: actual
      y:
        eval/plots/confusion.json: predicted
  - Loss:
      x: epoch
      y:
        plots/loss.csv: loss
artifacts:
  model:
    path: model/model.json
    type: model
`;

async function writeProjectFiles(root: string): Promise<void> {
  await mkdir(join(root, 'src'), { recursive: true });
  await mkdir(join(root, 'data'), { recursive: true });
  await writeFile(join(root, 'dvc.yaml'), dvcYaml);
  await writeFile(join(root, 'params.yaml'), paramsYaml({ epochs: 8, lr: 0.05 }));
  await writeFile(
    join(root, 'data', 'labels.csv'),
    'id,label\n' + Array.from({ length: 60 }, (_, i) => `${i},${i % 2}`).join('\n') + '\n',
  );
  for (const [file, text] of Object.entries(stageScripts)) await writeFile(join(root, file), text);
}

/** Each stage reads its params from params.yaml with a few lines of stdlib Python (no PyYAML needed). */
const readParams = `def param(section, key):
    current = None
    for line in open('params.yaml'):
        if not line.startswith(' ') and line.strip().endswith(':'):
            current = line.strip()[:-1]
        elif current == section and line.strip().startswith(key + ':'):
            return float(line.split(':', 1)[1])
    raise KeyError(section + '.' + key)
`;

const stageScripts: Record<string, string> = {
  'src/prepare.py': `import os, re
${readParams}
rows = re.findall(r'x="(\\d+)" y="(\\d+)"', open('data/data.xml').read())
cut = int(len(rows) * (1 - param('prepare', 'split')))
os.makedirs('data/prepared', exist_ok=True)
for name, part in (('train', rows[:cut]), ('test', rows[cut:])):
    with open(f'data/prepared/{name}.csv', 'w') as out:
        out.write('x,y\\n' + ''.join(f'{x},{y}\\n' for x, y in part))
`,
  'src/featurize.py': `import os
${readParams}
scale = param('featurize', 'scale')
os.makedirs('data/features', exist_ok=True)
for name in ('train', 'test'):
    lines = open(f'data/prepared/{name}.csv').read().split()[1:]
    with open(f'data/features/{name}.csv', 'w') as out:
        out.write('f,y\\n')
        for line in lines:
            x, y = line.split(',')
            out.write(f'{int(x) / scale},{y}\\n')
`,
  'src/train.py': `import json, os
${readParams}
epochs, lr = int(param('train', 'epochs')), param('train', 'lr')
rows = [tuple(map(float, l.split(','))) for l in open('data/features/train.csv').read().split()[1:]]
w, b, losses = 0.0, 0.0, []
for epoch in range(epochs):
    loss = sum((w * f + b - y) ** 2 for f, y in rows) / len(rows)
    w -= lr * sum(2 * (w * f + b - y) * f for f, y in rows) / len(rows)
    b -= lr * sum(2 * (w * f + b - y) for f, y in rows) / len(rows)
    losses.append((epoch, round(loss, 6)))
os.makedirs('model', exist_ok=True)
os.makedirs('plots', exist_ok=True)
json.dump({'w': w, 'b': b}, open('model/model.json', 'w'))
with open('plots/loss.csv', 'w') as out:
    out.write('epoch,loss\\n' + ''.join(f'{e},{l}\\n' for e, l in losses))
`,
  'src/evaluate.py': `import json, os
model = json.load(open('model/model.json'))
rows = [tuple(map(float, l.split(','))) for l in open('data/features/test.csv').read().split()[1:]]
scores = [model['w'] * f + model['b'] for f, _ in rows]
labels = [int(y) for _, y in rows]
predicted = [1 if s > 0.5 else 0 for s in scores]
accuracy = sum(p == y for p, y in zip(predicted, labels)) / len(labels)
os.makedirs('eval/plots', exist_ok=True)
json.dump({'accuracy': round(accuracy, 4), 'rows': len(rows)}, open('eval/metrics.json', 'w'))
roc, prc = [], []
for t in [i / 10 for i in range(11)]:
    tp = sum(1 for s, y in zip(scores, labels) if s > t and y == 1)
    fp = sum(1 for s, y in zip(scores, labels) if s > t and y == 0)
    pos = max(1, sum(labels))
    neg = max(1, len(labels) - sum(labels))
    roc.append({'fpr': fp / neg, 'tpr': tp / pos})
    prc.append({'recall': tp / pos, 'precision': tp / max(1, tp + fp)})
json.dump({'roc': roc}, open('eval/plots/roc.json', 'w'))
json.dump({'prc': prc}, open('eval/plots/prc.json', 'w'))
json.dump({'confusion': [{'actual': y, 'predicted': p} for y, p in zip(labels, predicted)]}, open('eval/plots/confusion.json', 'w'))
`,
};

async function main(): Promise<void> {
  const [destination] = process.argv.slice(2);
  const dvcPath =
    process.env.DVC_LENS_DVC ??
    (await run('bash', [join(__dirname, '..', '..', 'scripts', 'ensure-dvc.sh')])).stdout.trim();
  const fixture = await makeFreshCloneFixture({ dvcPath, base: destination });
  console.log(fixture.root);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
