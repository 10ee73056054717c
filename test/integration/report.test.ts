/** The report against real DVC: the shared builder and the headless `npm run report` write the same markdown. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { buildDvcReport } from '../../src/report/dvcReport';
import { dvc, makeDemoRepo, pinnedDvcPath, testEnv } from '../helpers/dvcEnvironment';
import { recordingDvcCli } from './cliFixtures';

const run = promisify(execFile);
const projectRoot = resolve(__dirname, '..', '..');

void describe('metrics report with real DVC', () => {
  let repo: { dir: string; cleanup: () => Promise<void> };

  before(async () => {
    repo = await makeDemoRepo({ repro: true });
    const paramsPath = join(repo.dir, 'params.yaml');
    const params = await readFile(paramsPath, 'utf8');
    await writeFile(
      paramsPath,
      params.replace('learning_rate: 0.5', 'learning_rate: 0.1').replace('epochs: 40', 'epochs: 20'),
    );
    await dvc(repo.dir, ['repro', '-q']);
  });
  after(() => repo.cleanup());

  void it('builds the markdown from dvc metrics diff and params diff', async () => {
    const { cli, scheduler } = await recordingDvcCli(repo.dir);
    const markdown = await buildDvcReport(cli, { base: 'HEAD', directions: {} });
    scheduler.dispose();
    assert.match(markdown, /## DVC report: `workspace` vs `HEAD`/);
    assert.match(markdown, /\| metrics\.json \| accuracy \| 0\.98 \| 0\.96 \| ▼ -0\.02 \| 🔴 \|/);
    assert.match(markdown, /\| params\.yaml \| train\.epochs \| 40 \| 20 \| -20 \|/);
    assert.match(markdown, /\| params\.yaml \| train\.learning\\_rate \| 0\.5 \| 0\.1 \| -0\.4 \|/);
  });

  void it('npm run report writes the same markdown to --out', async () => {
    const { cli, scheduler } = await recordingDvcCli(repo.dir);
    const expected = await buildDvcReport(cli, { base: 'HEAD' });
    scheduler.dispose();
    await run(
      'npm',
      ['run', '--silent', 'report', '--', '--base', 'HEAD', '--out', 'report.md', '--repo', repo.dir],
      {
        cwd: projectRoot,
        env: { ...testEnv, DVC_LENS_DVC: await pinnedDvcPath() },
      },
    );
    assert.equal(await readFile(join(repo.dir, 'report.md'), 'utf8'), expected);
  });

  void it('npm run report fails with a message for an unknown revision', async () => {
    await assert.rejects(
      run('npm', ['run', '--silent', 'report', '--', '--base', 'no-such-ref', '--repo', repo.dir], {
        cwd: projectRoot,
        env: { ...testEnv, DVC_LENS_DVC: await pinnedDvcPath() },
      }),
      (error: { stderr?: string; code?: number }) => {
        assert.equal(error.code, 1);
        assert.match(error.stderr ?? '', /unknown Git revision 'no-such-ref'/);
        return true;
      },
    );
  });
});
