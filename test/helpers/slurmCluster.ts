/**
 * A real single-node Slurm cluster for tests: Debian's slurmctld, slurmd and munged (scripts/ensure-slurm.sh
 * installs them), started without systemd with every file (config, munge key and socket, state, spool, logs,
 * pid files) in one temp folder, on free ports, and stopped by its own pid files. Nothing of a system Slurm is
 * used: every client call needs `SLURM_CONF` (the `env` of the cluster), so two clusters can run side by side.
 *
 * The recipe and its pitfalls: ../shared/notes/slurm-on-one-machine.md. A dead slurmctld makes the client
 * tools retry for minutes, so every wait here has a deadline and every client call a timeout.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './sshServer';

const run = promisify(execFile);
const repoRoot = resolve(__dirname, '..', '..');

/** The Slurm programs by name (`sbatch`, `slurmctld`…), as scripts/ensure-slurm.sh found or installed them. */
export type SlurmPrograms = Readonly<Record<string, string>>;

export interface SlurmCluster {
  /** The temp folder with everything of the cluster (removed by stop). */
  readonly dir: string;
  /** Environment for every Slurm client call (`SLURM_CONF`), and PATH with the Slurm programs. */
  readonly env: Readonly<Record<string, string>>;
  /** The one partition (the default). */
  readonly partition: string;
  /** CPUs of the one node (jobs asking for one CPU: this many run at once). */
  readonly cpus: number;
  /** The daemons' logs, for failure messages. */
  logs(): Promise<string>;
  /** Cancels every job, waits until none is left, stops the daemons (TERM, KILL after 5 s), removes the folder. */
  stop(): Promise<void>;
}

let programsPromise: Promise<SlurmPrograms> | undefined;

/** Runs scripts/ensure-slurm.sh once (installs Slurm when missing and root) and reads the paths it prints. */
export function slurmPrograms(): Promise<SlurmPrograms> {
  programsPromise ??= run('bash', [join(repoRoot, 'scripts', 'ensure-slurm.sh')], {
    maxBuffer: 1 << 24,
  }).then(
    (result) =>
      Object.fromEntries(
        result.stdout
          .trim()
          .split('\n')
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      ),
    (error: { stderr?: string; message: string }) => {
      throw new Error(
        `This test needs Slurm and scripts/ensure-slurm.sh could not provide it: ${error.stderr?.trim() || error.message}`,
      );
    },
  );
  return programsPromise;
}

function program(programs: SlurmPrograms, name: string): string {
  const path = programs[name];
  if (!path) throw new Error(`scripts/ensure-slurm.sh did not name ${name}`);
  return path;
}

interface ClusterLayout {
  readonly dir: string;
  readonly conf: string;
  readonly user: string;
  readonly node: string;
  readonly cpus: number;
  readonly memoryMb: number;
  readonly controllerPort: number;
  readonly nodePort: number;
}

function slurmConf(layout: ClusterLayout): string {
  const { dir } = layout;
  return [
    `ClusterName=dvclens${randomBytes(3).toString('hex')}`,
    'SlurmctldHost=localhost',
    `SlurmctldPort=${layout.controllerPort}`,
    `SlurmdPort=${layout.nodePort}`,
    `SlurmUser=${layout.user}`,
    `SlurmdUser=${layout.user}`,
    'AuthType=auth/munge',
    'CredType=cred/munge',
    `AuthInfo=socket=${join(dir, 'munge', 'munge.sock')}`,
    `StateSaveLocation=${join(dir, 'state')}`,
    `SlurmdSpoolDir=${join(dir, 'spool')}`,
    `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
    `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
    `SlurmctldLogFile=${join(dir, 'log', 'slurmctld.log')}`,
    `SlurmdLogFile=${join(dir, 'log', 'slurmd.log')}`,
    'ProctrackType=proctrack/linuxproc',
    'TaskPlugin=task/none',
    'SelectType=select/cons_tres',
    'SelectTypeParameters=CR_CPU',
    'MpiDefault=none',
    'ReturnToService=2',
    'AccountingStorageType=accounting_storage/none',
    'JobAcctGatherType=jobacct_gather/none',
    // `sacct -c` reads this file: the only accounting a cluster without slurmdbd has.
    'JobCompType=jobcomp/filetxt',
    `JobCompLoc=${join(dir, 'log', 'jobcomp.log')}`,
    'MinJobAge=3600',
    'KillWait=5',
    // The default 10 s between a job's end and the next scheduling pass slows every queued test job.
    'SchedulerParameters=sched_interval=2',
    `NodeName=${layout.node} NodeAddr=127.0.0.1 CPUs=${layout.cpus} RealMemory=${layout.memoryMb} State=UNKNOWN`,
    'PartitionName=main Nodes=ALL Default=YES MaxTime=INFINITE State=UP',
    '',
  ].join('\n');
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

async function readPid(file: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(file, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 1 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Running, and not a zombie (a daemon whose parent is gone may wait for a reaper that never comes). */
async function alive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return !/^\d+ \(.*\) Z /.test(stat);
}

/** TERM, then KILL after 5 s; resolves once the process is gone (or 5 s after the KILL, when nothing can be done). */
async function stopDaemon(pid: number | undefined): Promise<void> {
  if (pid === undefined || !(await alive(pid))) return;
  process.kill(pid, 'SIGTERM');
  let deadline = Date.now() + 5000;
  while ((await alive(pid)) && Date.now() < deadline) await sleep(50);
  if (!(await alive(pid))) return;
  process.kill(pid, 'SIGKILL');
  deadline = Date.now() + 5000;
  while ((await alive(pid)) && Date.now() < deadline) await sleep(50);
}

/** Starts a cluster; `cpus` defaults to what the machine has (capped by it). */
export async function startSlurmCluster(options: { cpus?: number } = {}): Promise<SlurmCluster> {
  const programs = await slurmPrograms();
  const dir = await mkdtemp(join(tmpdir(), 'dvc-lens-slurm-'));
  // Job output files and clones of the tests live under here too; a job of a non-root test user must reach them.
  await chmod(dir, 0o755);
  const conf = join(dir, 'slurm.conf');
  const env: Record<string, string> = {
    SLURM_CONF: conf,
    PATH: [
      ...new Set(Object.values(programs).map((path) => path.slice(0, path.lastIndexOf('/')))),
      process.env.PATH ?? '',
    ].join(':'),
  };
  const clientEnv = { ...process.env, ...env };
  const pidFiles = ['slurmd.pid', 'slurmctld.pid', join('munge', 'munged.pid')].map((file) =>
    join(dir, file),
  );

  const logs = async (): Promise<string> => {
    const parts: string[] = [];
    for (const name of ['slurmctld.log', 'slurmd.log', 'munged.log'])
      parts.push(`--- ${name}\n${await readFile(join(dir, 'log', name), 'utf8').catch(() => '(none)')}`);
    return parts.join('\n');
  };

  const stop = async (): Promise<void> => {
    try {
      const controller = await readPid(join(dir, 'slurmctld.pid'));
      if (controller !== undefined && (await alive(controller))) {
        // Job processes outlive a killed slurmd: end the jobs first, then wait until the queue is empty.
        // Every job of this cluster, whoever submitted it (a test's SSH login submits as another account).
        const jobs = await run(program(programs, 'squeue'), ['-h', '-o', '%i'], {
          env: clientEnv,
          timeout: 5000,
        }).then(
          (result) => result.stdout.split('\n').filter((id) => /^\d+$/.test(id.trim())),
          () => [],
        );
        if (jobs.length > 0)
          await run(program(programs, 'scancel'), jobs, { env: clientEnv, timeout: 10_000 }).catch(
            () => undefined,
          );
        const deadline = Date.now() + 20_000;
        while (Date.now() < deadline) {
          const queue = await run(program(programs, 'squeue'), ['-h', '-o', '%i'], {
            env: clientEnv,
            timeout: 5000,
          }).catch(() => undefined);
          if (queue === undefined || queue.stdout.trim() === '') break;
          await sleep(200);
        }
      }
    } finally {
      // Each takes a second or two to go; they need nothing from each other by now.
      await Promise.all(pidFiles.map(async (file) => stopDaemon(await readPid(file))));
      await rm(dir, { recursive: true, force: true });
    }
  };

  try {
    for (const sub of ['munge', 'state', 'spool', 'log']) await mkdir(join(dir, sub));
    await chmod(join(dir, 'munge'), 0o755);
    const key = join(dir, 'munge', 'munge.key');
    await writeFile(key, randomBytes(1024), { mode: 0o400 });

    const machineCpus = Number(
      /CPUs=(\d+)/.exec((await run(program(programs, 'slurmd'), ['-C'])).stdout)?.[1],
    );
    const cpus = Math.max(1, Math.min(options.cpus ?? machineCpus, machineCpus || 1));
    const layout: ClusterLayout = {
      dir,
      conf,
      user: userInfo().username,
      node: hostname().split('.')[0] ?? 'localhost',
      cpus,
      // Jobs ask for no memory; a small figure keeps slurmd from draining the node for "low RealMemory".
      memoryMb: 1000,
      controllerPort: await freePort(),
      nodePort: await freePort(),
    };
    await writeFile(conf, slurmConf(layout));

    await run(program(programs, 'munged'), [
      '--force',
      `--key-file=${key}`,
      `--socket=${join(dir, 'munge', 'munge.sock')}`,
      `--pid-file=${join(dir, 'munge', 'munged.pid')}`,
      `--log-file=${join(dir, 'log', 'munged.log')}`,
      `--seed-file=${join(dir, 'munge', 'munged.seed')}`,
    ]);
    await run(program(programs, 'slurmctld'), ['-i', '-f', conf], { env: clientEnv });
    await run(program(programs, 'slurmd'), ['-f', conf], { env: clientEnv });

    const deadline = Date.now() + 30_000;
    for (;;) {
      const state = await run(program(programs, 'sinfo'), ['-h', '-N', '-o', '%t'], {
        env: clientEnv,
        timeout: 2000,
      }).then(
        (result) => result.stdout.trim(),
        () => '',
      );
      if (state === 'idle') break;
      if (Date.now() > deadline)
        throw new Error(
          `The test Slurm cluster is not idle after 30 s (sinfo: '${state}'):\n${await logs()}`,
        );
      await sleep(200);
    }
    return { dir, env, partition: 'main', cpus, logs, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
