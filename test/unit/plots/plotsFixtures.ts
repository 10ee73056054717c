/** Reads the recorded DVC 3.67.1 outputs under test/fixtures/dvc-plots. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCliJson } from '../../../src/core/cliJson';

const folder = resolve(__dirname, '..', '..', 'fixtures', 'dvc-plots');

export function plotsFixture(name: string): unknown {
  return parseCliJson(readFileSync(join(folder, name), 'utf8'));
}

export function plotsFixtureText(name: string): string {
  return readFileSync(join(folder, name), 'utf8');
}
