/**
 * The fresh-clone fixture keeps its promises (issue 13), checked with the real DVC: the whole-project status
 * fails on the frozen import while per-stage status answers, the cached metrics and plots are not there, the
 * remote refuses until makeRemoteReachable() serves it, and then a pull brings metrics and plots in.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { pinnedDvcPath, testEnv } from '../helpers/dvcEnvironment';
import { makeFreshCloneFixture } from '../helpers/freshCloneFixture';

const run = promisify(execFile);

async function dvcIn(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(await pinnedDvcPath(), args, { cwd, env: testEnv });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

void test('the fresh-clone fixture: failing project status, data not pulled, remote out of reach then back', async () => {
  const fixture = await makeFreshCloneFixture({ dvcPath: await pinnedDvcPath() });
  try {
    const whole = await dvcIn(fixture.root, ['status', '--json']);
    assert.equal(whole.code, 1);
    assert.match(whole.stderr, /Failed to clone repo/);
    const perStage = await dvcIn(fixture.root, ['status', ...fixture.stages, '--json']);
    assert.equal(perStage.code, 0, perStage.stderr);
    assert.deepEqual(Object.keys(JSON.parse(perStage.stdout) as object).sort(), [...fixture.stages].sort());

    assert.equal(await exists(join(fixture.root, 'eval', 'metrics.json')), false);
    const tags = (await run('git', ['tag'], { cwd: fixture.root })).stdout.split('\n');
    for (const tag of ['v1.0', 'v1.1', 'model@v1.1.0', 'model#prod#2']) assert.ok(tags.includes(tag), tag);
    const exps = (await run('git', ['for-each-ref', 'refs/exps'], { cwd: fixture.root })).stdout;
    assert.equal(exps.trim().split('\n').length, 2, exps);

    const refused = await dvcIn(fixture.root, ['pull', 'evaluate']);
    assert.notEqual(refused.code, 0);
    assert.equal(await exists(join(fixture.root, 'eval', 'metrics.json')), false);

    const s3 = await dvcIn(fixture.root, ['push', '-r', 'archive']);
    assert.match(s3.stderr, /dvc-s3/);

    const server = await fixture.makeRemoteReachable();
    try {
      const pulled = await dvcIn(fixture.root, ['pull', 'evaluate']);
      assert.equal(pulled.code, 0, pulled.stderr);
      assert.ok(server.requests() > 0);
      assert.equal(await exists(join(fixture.root, 'eval', 'metrics.json')), true);
      assert.equal(await exists(join(fixture.root, 'eval', 'plots', 'roc.json')), true);
    } finally {
      await server.close();
    }
  } finally {
    await fixture.cleanup();
  }
});
