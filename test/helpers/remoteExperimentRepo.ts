/**
 * A small DVC project with what a run beyond this machine needs: a git remote (a bare repository) holding the
 * baseline commit, and a DVC remote (a local folder) holding its data. One stage, `train`, reads `params.yaml`
 * (`lr`, `sleep`: seconds to wait, `fail`: exit 1), its DVC-tracked input, and writes `metrics.json` and a
 * cached `model.txt`. Plain python3, no packages, so any host with python3 can run it.
 */
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dvc, git, gitIdentityArgs } from './dvcEnvironment';

export interface RemoteExperimentRepo {
  /** The temp folder holding everything below (removed by cleanup). */
  readonly dir: string;
  /** The working repository ("this machine"). */
  readonly home: string;
  /** The bare git remote, `origin` of home. */
  readonly origin: string;
  /** The DVC remote folder, home's default DVC remote. */
  readonly store: string;
  /** HEAD of home, pushed to origin. */
  readonly baseline: string;
  readonly cleanup: () => Promise<void>;
}

const TRAIN = `import json, sys, time

params = {}
for line in open("params.yaml"):
    key, _, value = line.partition(":")
    params[key.strip()] = value.strip()
lr = float(params["lr"])
print("training with lr", lr, flush=True)
time.sleep(float(params.get("sleep", "0")))
if params.get("fail") == "true":
    print("the stage fails on purpose", file=sys.stderr)
    sys.exit(1)
rows = open("data/input.txt").read().split()
with open("model.txt", "w") as model:
    model.write(f"{lr} {len(rows)}\\n")
with open("metrics.json", "w") as metrics:
    json.dump({"loss": round(1 / (1 + lr * len(rows)), 6), "rows": len(rows)}, metrics)
`;

const DVC_YAML = `stages:
  train:
    cmd: python3 train.py
    deps:
      - train.py
      - data/input.txt
    params:
      - lr
      - sleep
      - fail
    outs:
      - model.txt
    metrics:
      - metrics.json:
          cache: false
`;

export async function makeRemoteExperimentRepo(): Promise<RemoteExperimentRepo> {
  const dir = await mkdtemp(join(tmpdir(), 'dvc-lens-remote-run-'));
  const cleanup = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    // Other accounts (an SSH login) reach the remotes through here; only this test's own folder is opened.
    await chmod(dir, 0o755);
    const home = join(dir, 'home');
    const origin = join(dir, 'origin.git');
    const store = join(dir, 'store');
    await mkdir(home);
    await mkdir(store);
    await git(dir, ['init', '-q', '--bare', '-b', 'main', origin]);
    await git(home, ['init', '-q', '-b', 'main']);
    await git(home, ['config', 'user.name', 'DVC Lens Test']);
    await git(home, ['config', 'user.email', 'test@dvc-lens.invalid']);
    await dvc(home, ['init', '-q']);
    await dvc(home, ['remote', 'add', '-d', 'store', store]);
    await mkdir(join(home, 'data'));
    await writeFile(join(home, 'data', 'input.txt'), 'a b c d e f g h\n');
    await dvc(home, ['add', '-q', 'data/input.txt']);
    await writeFile(join(home, 'train.py'), TRAIN);
    await writeFile(join(home, 'params.yaml'), 'lr: 0.1\nsleep: 0\nfail: false\n');
    await writeFile(join(home, 'dvc.yaml'), DVC_YAML);
    await dvc(home, ['repro', '-q']);
    await git(home, ['add', '-A']);
    await git(home, [...gitIdentityArgs, 'commit', '-q', '-m', 'baseline']);
    await git(home, ['remote', 'add', 'origin', origin]);
    await git(home, ['push', '-q', 'origin', 'main']);
    await dvc(home, ['push', '-q']);
    const baseline = (await git(home, ['rev-parse', 'HEAD'])).trim();
    return { dir, home, origin, store, baseline, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
