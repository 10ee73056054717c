import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { setManifestValue } from '../../../src/core/registry/deploymentManifest';

const VALUES = `# Helm values for the model server
replicaCount: 2
model:
  name: clf   # the artifact
  version: 'v0.0.1'
image:
  tag: "1.4"
`;

void describe('deployment manifest update', () => {
  void it('replaces only the value at the key, keeping comments and quoting', () => {
    const result = setManifestValue(VALUES, 'model.version', 'v0.0.2');
    assert.ok(result.ok);
    assert.equal(result.previous, 'v0.0.1');
    assert.equal(result.text, VALUES.replace("version: 'v0.0.1'", "version: 'v0.0.2'"));
    assert.equal((parse(result.text) as { model: { version: string } }).model.version, 'v0.0.2');
  });

  void it('adds a missing last key under its parent and refuses a missing parent', () => {
    const added = setManifestValue(VALUES, 'model.stage', 'prod');
    assert.ok(added.ok);
    assert.ok(added.text.includes('  version: \'v0.0.1\'\n  stage: "prod"\nimage:'));
    const missing = setManifestValue(VALUES, 'server.model.version', 'v1');
    assert.ok(!missing.ok);
    assert.match(missing.reason, /no 'server'/);
  });
});
