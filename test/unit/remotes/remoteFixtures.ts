/** Reads the recorded DVC 3.67.1 outputs under test/fixtures (remote errors and transfer outputs). */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const fixtures = resolve(__dirname, '..', '..', 'fixtures');

export function remoteErrorText(name: string): string {
  return readFileSync(join(fixtures, 'dvc-remote-errors', name), 'utf8');
}

export function transferOutputText(name: string): string {
  return readFileSync(join(fixtures, 'dvc-data-status', name), 'utf8');
}
