/** `dvcLens.processTimeout`: seconds in settings.json, milliseconds for the CLIs, the manifest's default and minimum. */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import {
  PROCESS_TIMEOUT_DEFAULT_SECONDS,
  PROCESS_TIMEOUT_MINIMUM_SECONDS,
  processTimeoutMsFromSetting,
} from '../../../src/config/processTimeout';

void test('a configured number of seconds becomes milliseconds', () => {
  assert.equal(processTimeoutMsFromSetting(300), 300_000);
  assert.equal(processTimeoutMsFromSetting(7.5), 7500);
});

void test('no value, or a value that is not a number, is the default of 120 seconds', () => {
  for (const value of [undefined, null, '', '300', Number.NaN, Number.POSITIVE_INFINITY])
    assert.equal(processTimeoutMsFromSetting(value), 120_000, `for ${String(value)}`);
});

void test('values under the minimum (0 and negatives too) become the minimum of 5 seconds', () => {
  for (const value of [0, -1, 4.9]) assert.equal(processTimeoutMsFromSetting(value), 5000, `for ${value}`);
});

void test('the default and minimum are those the manifest declares', async () => {
  const manifest = JSON.parse(await readFile('package.json', 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { default: unknown; minimum: unknown }> } };
  };
  const declared = manifest.contributes.configuration.properties['dvcLens.processTimeout'];
  assert.equal(declared?.default, PROCESS_TIMEOUT_DEFAULT_SECONDS);
  assert.equal(declared?.minimum, PROCESS_TIMEOUT_MINIMUM_SECONDS);
});
