/** Reads the recorded DVC 3.67.1 outputs under test/fixtures/dvc-data-status. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCliJson } from '../../../src/core/cliJson';

const folder = resolve(__dirname, '..', '..', 'fixtures', 'dvc-data-status');

export function fixtureText(name: string): string {
  return readFileSync(join(folder, name), 'utf8');
}

export function fixtureJson(name: string): unknown {
  return parseCliJson(fixtureText(name));
}
