/** The repro output parser against outputs recorded from DVC 3.67.1 (test/fixtures/repro-output). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  parseReproOutput,
  ReproOutputParser,
  stagesThatWouldRun,
  type ReproEvent,
} from '../../../src/pipeline/run/reproOutput';

const fixture = (name: string): string =>
  readFileSync(join(__dirname, '..', '..', 'fixtures', 'repro-output', `${name}.txt`), 'utf8');

const summary = (events: readonly ReproEvent[]): string[] =>
  events.map((event) => `${event.kind} ${event.stage}`);

void test('a full run: each stage starts and succeeds when DVC writes its lock entry', () => {
  assert.deepEqual(summary(parseReproOutput(fixture('normal'), 0)), [
    'started prepare',
    'succeeded prepare',
    'started train',
    'succeeded train',
    'started evaluate',
    'succeeded evaluate',
  ]);
});

void test('nothing to do: every stage is skipped, the .dvc file line is not a stage', () => {
  assert.deepEqual(summary(parseReproOutput(fixture('nothing'), 0)), [
    'skipped prepare',
    'skipped train',
    'skipped evaluate',
  ]);
});

void test('-s train and --downstream train', () => {
  assert.deepEqual(summary(parseReproOutput(fixture('single'), 0)), ['started train', 'succeeded train']);
  assert.deepEqual(summary(parseReproOutput(fixture('downstream'), 0)), [
    'started train',
    'succeeded train',
    'started evaluate',
    'succeeded evaluate',
  ]);
});

void test('a failing stage: failed with the exit code of its command, DVC exits 255', () => {
  const events = parseReproOutput(fixture('failing'), 255);
  assert.deepEqual(summary(events), [
    'skipped prepare',
    'skipped train',
    'skipped evaluate',
    'started broken',
    'failed broken',
  ]);
  const failed = events.at(-1);
  assert.equal(failed?.kind, 'failed');
  assert.equal(failed?.kind === 'failed' ? failed.exitCode : undefined, 3);
});

void test('the ERROR line may arrive on stderr before stdout caught up: the stage still fails once', () => {
  const parser = new ReproOutputParser();
  const events = [
    ...parser.push("Running stage 'broken':"),
    ...fixture('failing-stderr-only')
      .split('\n')
      .flatMap((line) => parser.push(line)),
    ...parser.push('about to fail'),
    ...parser.end(255),
  ];
  assert.deepEqual(summary(events), ['started broken', 'failed broken']);
});

void test('DVC dies while a stage runs (no ERROR line): the stage fails with DVC', () => {
  const parser = new ReproOutputParser();
  parser.push("Running stage 'train':");
  assert.equal(parser.current, 'train');
  assert.deepEqual(summary(parser.end(1)), ['failed train']);
  assert.deepEqual(parser.end(undefined), []);
});

void test('--dry: what would run, the last stage succeeds on exit 0', () => {
  const events = parseReproOutput(fixture('dry'), 0);
  assert.deepEqual(summary(events), [
    'skipped prepare',
    'restored train',
    'started train',
    'succeeded train',
    'skipped evaluate',
  ]);
  assert.deepEqual(stagesThatWouldRun(events), { run: ['train'], restore: [] });
});

void test('nested pipelines use qualified names, run-cache restores are told apart', () => {
  assert.deepEqual(summary(parseReproOutput(fixture('nested-single'), 0)), [
    'started sub/dvc.yaml:summarize',
    'succeeded sub/dvc.yaml:summarize',
  ]);
  assert.deepEqual(summary(parseReproOutput(fixture('all-pipelines'), 0)).slice(-2), [
    'started sub/dvc.yaml:summarize',
    'succeeded sub/dvc.yaml:summarize',
  ]);
  const cached = parseReproOutput(fixture('cached'), 0);
  assert.deepEqual(summary(cached), [
    'skipped prepare',
    'restored train',
    'restored evaluate',
    'restored sub/dvc.yaml:summarize',
  ]);
  assert.deepEqual(stagesThatWouldRun(cached), {
    run: [],
    restore: ['train', 'evaluate', 'sub/dvc.yaml:summarize'],
  });
});
