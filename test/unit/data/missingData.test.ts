import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { missingDataSentence, missingFromCache } from '../../../src/core/data/missingData';
import { parseDataStatus } from '../../../src/core/data/dataStatus';
import type { TrackedOut } from '../../../src/core/data/trackedData';

const out = (path: string, size: number | undefined, isDirectory = false): TrackedOut => ({
  path,
  size,
  isDirectory,
  nfiles: undefined,
  source: { kind: 'dvcFile', file: `${path}.dvc`, line: 1 },
});

void test("a fresh clone's outputs not in the cache, summed from the recorded sizes (recorded data status)", () => {
  const status = parseDataStatus(
    JSON.parse(
      readFileSync(
        join(__dirname, '..', '..', 'fixtures', 'dvc-failures', 'data-status-not-in-remote.txt'),
        'utf8',
      ),
    ),
  );
  const outs = [
    out('data/data.xml', 1758),
    out('data/labels.csv', 299),
    out('data/prepared', 261, true),
    out('data/features', 368, true),
    out('model/model.json', 52),
    out('eval/metrics.json', 40),
    out('eval/plots', 1200, true),
    out('src/in-git.py', 10),
  ];
  const missing = missingFromCache(outs, status);
  assert.equal(missing.paths.length, 7);
  assert.equal(missing.bytes, 1758 + 299 + 261 + 368 + 52 + 40 + 1200);
  assert.equal(missingDataSentence(missing), '7 outputs, 4.0 kB, are not in the local cache.');
  assert.equal(
    missingDataSentence({ paths: ['eval/plots'], bytes: 1200 }),
    '1 output (eval/plots), 1.2 kB, is not in the local cache.',
  );
  assert.equal(missingDataSentence({ paths: [], bytes: 0 }), undefined);
});
