import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCommandLine, quoteArgument } from '../../../src/cli/commandLine';
import { formatProcessLogLine } from '../../../src/cli/processLog';

void test('plain arguments stay as they are, others are single-quoted for a POSIX shell', () => {
  assert.equal(quoteArgument('--all'), '--all');
  assert.equal(quoteArgument('data/raw.csv'), 'data/raw.csv');
  assert.equal(quoteArgument('a b'), "'a b'");
  assert.equal(quoteArgument(''), "''");
  assert.equal(quoteArgument("it's"), `'it'\\''s'`);
  assert.equal(quoteArgument('echo "${x}" > y'), `'echo "\${x}" > y'`);
});

void test('a command line joins the file and its quoted arguments', () => {
  assert.equal(formatCommandLine('dvc', ['stage', 'list', '--all']), 'dvc stage list --all');
  assert.equal(formatCommandLine('/opt/my tools/dvc', ['add', 'x']), "'/opt/my tools/dvc' add x");
});

void test('one log line: clock time, command, cwd, outcome and duration', () => {
  const startedAt = new Date(2024, 0, 1, 12, 1, 2, 123);
  const line = (outcome: Parameters<typeof formatProcessLogLine>[0]['outcome']): string =>
    formatProcessLogLine({
      startedAt,
      commandLine: 'dvc stage list --all',
      cwd: '/x',
      outcome,
      durationMs: 812.4,
    });
  assert.equal(
    line({ kind: 'exit', exitCode: 0 }),
    '[12:01:02.123] dvc stage list --all (cwd /x) → exit 0 in 812 ms',
  );
  assert.equal(
    line({ kind: 'exit', exitCode: 2 }),
    '[12:01:02.123] dvc stage list --all (cwd /x) → exit 2 in 812 ms',
  );
  assert.equal(
    line({ kind: 'exit', exitCode: undefined, signal: 'SIGKILL' }),
    '[12:01:02.123] dvc stage list --all (cwd /x) → killed by SIGKILL after 812 ms',
  );
  assert.equal(
    line({ kind: 'cancelled' }),
    '[12:01:02.123] dvc stage list --all (cwd /x) → cancelled after 812 ms',
  );
  assert.equal(
    line({ kind: 'timeout' }),
    '[12:01:02.123] dvc stage list --all (cwd /x) → timed out after 812 ms',
  );
  assert.equal(
    line({ kind: 'notFound' }),
    '[12:01:02.123] dvc stage list --all (cwd /x) → not found (812 ms)',
  );
  assert.equal(
    line({ kind: 'failed', message: 'boom\nmore' }),
    '[12:01:02.123] dvc stage list --all (cwd /x) → failed in 812 ms: boom',
  );
  assert.ok(!line({ kind: 'exit', exitCode: 0 }).includes('\n'));
});
