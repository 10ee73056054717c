/** Reads the recorded DVC 3.67.1 outputs under test/fixtures/dvc-exp-show. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCliJson } from '../../../src/core/cliJson';

const folder = resolve(__dirname, '..', '..', 'fixtures', 'dvc-exp-show');

export function expShowFixture(name: string): unknown {
  return parseCliJson(readFileSync(join(folder, name), 'utf8'));
}
