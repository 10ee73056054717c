import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareVersionTexts, nextVersion, parseVersion } from '../../../src/core/registry/semver';

void describe('registry semver', () => {
  void it('parses GTO versions and refuses others', () => {
    assert.deepEqual(parseVersion('v1.2.3-rc.1+abc'), {
      major: 1,
      minor: 2,
      patch: 3,
      prerelease: ['rc', '1'],
      build: 'abc',
    });
    assert.equal(parseVersion('1.2.3'), undefined);
    assert.equal(parseVersion('v1.2'), undefined);
  });

  void it('orders by SemVer precedence', () => {
    const sorted = ['v1.0.0', 'v0.10.0', 'v1.0.0-rc.2', 'v0.9.1', 'v1.0.0-rc.10', 'v1.0.0-alpha'].sort(
      compareVersionTexts,
    );
    assert.deepEqual(sorted, ['v0.9.1', 'v0.10.0', 'v1.0.0-alpha', 'v1.0.0-rc.2', 'v1.0.0-rc.10', 'v1.0.0']);
  });

  void it('proposes the next version from the highest one', () => {
    assert.equal(nextVersion([]), 'v0.0.1');
    assert.equal(nextVersion(['v0.0.1', 'v0.2.0', 'v0.1.9']), 'v0.2.1');
    assert.equal(nextVersion(['v0.2.0'], 'minor'), 'v0.3.0');
    assert.equal(nextVersion(['v0.2.5'], 'major'), 'v1.0.0');
    assert.equal(nextVersion(['v1.0.0-rc.1']), 'v1.0.1');
    assert.equal(nextVersion(['abc', 'v2.0.0']), 'v2.0.1');
  });
});
