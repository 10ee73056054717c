import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { parseDataStatus } from '../../../src/core/data/dataStatus';
import { DataStatusIndex } from '../../../src/core/data/dataStatusIndex';
import { buildDataTreeRows, entryRow, moreRow } from '../../../src/core/data/dataTreeModel';
import { directoryListing } from '../../../src/core/data/directoryListing';
import { parseDvcFile } from '../../../src/core/data/dvcFile';
import { parseDvcLockOuts } from '../../../src/core/data/dvcLockOuts';
import { collectTrackedData, trackedOutOf } from '../../../src/core/data/trackedData';
import { fixtureJson, fixtureText } from './dataFixtures';

const demoLock = readFileSync(resolve(__dirname, '../../fixtures/dvc-lock/demo-dvc.lock'), 'utf8');
const rawDvc =
  'outs:\n- md5: b087667094e677c3b2f14bf058d2c2dc\n  size: 13634\n  hash: md5\n  path: raw.csv\n';

function demoData(extraDvcFiles: Array<{ file: string; text: string }> = []) {
  return collectTrackedData(
    [{ file: 'data/raw.csv.dvc', text: rawDvc }, ...extraDvcFiles].map(({ file, text }) => ({
      file,
      parsed: parseDvcFile(text),
    })),
    [{ file: 'dvc.lock', parsed: parseDvcLockOuts(demoLock) }],
  );
}

void test('the demo: the .dvc out and the pipeline outs, sorted, with sizes, painted before any status', () => {
  const rows = buildDataTreeRows({
    rootId: 'r',
    data: demoData(),
    status: undefined,
    statusError: undefined,
  });
  assert.deepEqual(
    rows.map((row) => [row.label, row.description, row.contextValue]),
    [
      ['data/prepared', '13.7 kB · 2 files', 'dataTrackedDir'],
      ['data/raw.csv', '13.6 kB', 'dataTracked'],
      ['metrics.json', '81 B', 'dataTracked'],
      ['model/model.json', '148 B', 'dataTracked'],
      ['plots/confusion.csv', '768 B', 'dataTracked'],
      ['plots/roc.json', '1.6 kB', 'dataTracked'],
      ['plots/training_loss.csv', '519 B', 'dataTracked'],
    ],
  );
  const raw = rows.find((row) => row.label === 'data/raw.csv');
  assert.equal(raw?.id, 'data:r:data/raw.csv', 'ids come from the repository and the path');
  assert.match(raw?.tooltip ?? '', /Tracked by data\/raw\.csv\.dvc/);
  assert.match(rows[0]?.tooltip ?? '', /Output of stage prepare \(dvc\.lock\)/);
});

void test('status colours the rows; outputs DVC does not list are kept by git', () => {
  const status = new DataStatusIndex(
    parseDataStatus({
      uncommitted: { modified: ['data/prepared/', 'data/prepared/train.csv'] },
      not_in_cache: ['model/model.json'],
      unchanged: ['data/raw.csv', 'data/prepared/test.csv', 'model/model.json'],
    }),
  );
  const rows = buildDataTreeRows({ rootId: 'r', data: demoData(), status, statusError: undefined });
  const byLabel = new Map(rows.map((row) => [row.label, row]));
  assert.equal(byLabel.get('data/prepared')?.description, '13.7 kB · 2 files · modified');
  assert.equal(byLabel.get('data/prepared')?.colorId, 'gitDecoration.modifiedResourceForeground');
  assert.equal(byLabel.get('data/raw.csv')?.description, '13.6 kB');
  assert.equal(byLabel.get('model/model.json')?.description, '148 B · not in cache');
  assert.equal(byLabel.get('metrics.json')?.description, '81 B · not cached (git)');
});

void test('a broken .dvc file and a failed status become error rows above the tracked paths', () => {
  const data = demoData([{ file: 'data/broken.dvc', text: 'outs:\n- md5: abc\n  path: [unclosed\n' }]);
  const rows = buildDataTreeRows({
    rootId: 'r',
    data,
    status: undefined,
    statusError: "'./data/broken.dvc' is invalid.",
  });
  assert.equal(rows[0]?.kind, 'statusError');
  assert.equal(rows[0]?.description, "'./data/broken.dvc' is invalid.");
  const problem = rows[1];
  assert.equal(problem?.kind, 'problem');
  assert.equal(problem?.label, 'data/broken.dvc');
  assert.equal(problem?.contextValue, 'dataError');
  assert.ok(problem?.kind === 'problem' && problem.line >= 3);
  assert.ok(
    rows.some((row) => row.label === 'data/raw.csv'),
    'the rest of the tree stays',
  );
});

void test('a path recorded twice is listed once; lookups find the out a path lies in', () => {
  const data = collectTrackedData(
    [{ file: 'data/prepared.dvc', parsed: parseDvcFile('outs:\n- md5: x.dir\n  path: prepared\n') }],
    [{ file: 'dvc.lock', parsed: parseDvcLockOuts(demoLock) }],
  );
  assert.equal(data.outs.filter((out) => out.path === 'data/prepared').length, 1);
  assert.equal(data.outs.find((out) => out.path === 'data/prepared')?.source.kind, 'dvcFile');
  assert.equal(trackedOutOf(data.outs, 'data/prepared/train.csv')?.path, 'data/prepared');
  assert.equal(trackedOutOf(data.outs, 'data/preparedness'), undefined);
});

void test('an expanded folder: disk entries plus deleted ones DVC lists, folders first, capped', () => {
  const status = new DataStatusIndex(parseDataStatus(fixtureJson('dir-new-file.json')));
  const listing = directoryListing(
    [
      ['2.txt', false],
      ['3.txt', false],
      ['sub', true],
    ],
    new Map([
      ['1.txt', false],
      ['2.txt', false],
    ]),
  );
  assert.deepEqual(
    listing.entries.map((entry) => [entry.name, entry.onDisk]),
    [
      ['sub', true],
      ['1.txt', false],
      ['2.txt', true],
      ['3.txt', true],
    ],
  );
  const rows = listing.entries.map((entry) => entryRow('r', 'data/images', entry, status));
  assert.deepEqual(
    rows.map((row) => [row.label, row.description, row.contextValue]),
    [
      ['sub', '', 'dataFolder'],
      ['1.txt', '', 'dataFile'],
      ['2.txt', '', 'dataFile'],
      ['3.txt', 'new', 'dataFile'],
    ],
  );
  assert.equal(rows[3]?.id, 'data:r:data/images/3.txt');

  const many = Array.from({ length: 10_000 }, (_, index) => [`f${index}`, false] as const);
  const capped = directoryListing(many, new Map());
  assert.equal(capped.entries.length, 1000);
  assert.equal(capped.more, 9000);
  assert.equal(moreRow('r', 'big', capped.more).label, '… 9,000 more');
});

void test('the fixture .dvc file of a folder reads as a tracked folder', () => {
  const data = collectTrackedData(
    [{ file: 'data/images.dvc', parsed: parseDvcFile(fixtureText('images.dvc')) }],
    [],
  );
  assert.deepEqual(
    data.outs.map((out) => [out.path, out.isDirectory, out.nfiles]),
    [['data/images', true, 2]],
  );
});
