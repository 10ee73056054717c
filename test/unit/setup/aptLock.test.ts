import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';

// On a fresh Debian/Ubuntu machine unattended upgrades hold dpkg's lock at first boot; an apt-get that does not
// wait for it fails the setup of `npm test` and `npm run demo`.
void test('every apt-get update/install in the setup scripts waits for the package lock', async () => {
  const folder = join(import.meta.dirname, '..', '..', '..', 'scripts');
  const scripts = (await readdir(folder)).filter((name) => name.endsWith('.sh'));
  assert.ok(scripts.length > 0);
  const offenders: string[] = [];
  for (const name of scripts) {
    const lines = (await readFile(join(folder, name), 'utf8')).split('\n');
    lines.forEach((line, index) => {
      const code = line.replace(/"[^"]*"/g, '""').replace(/^\s*#.*$/, '');
      for (const match of code.matchAll(/apt-get\b([^;&|]*?)\b(update|install)\b/g))
        if (!/-o DPkg::Lock::Timeout=\d+/.test(match[1] ?? '')) offenders.push(`${name}:${index + 1}`);
    });
  }
  assert.deepEqual(offenders, [], `apt-get without -o DPkg::Lock::Timeout at ${offenders.join(', ')}`);
});
