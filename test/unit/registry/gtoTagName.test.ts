import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  artifactNameProblem,
  parseRegistryTagName,
  registryTagFor,
  stageNameProblem,
} from '../../../src/core/registry/gtoTagName';

void describe('GTO tag names', () => {
  void it('reads versions, deregistrations, stages, unassignments and deprecations', () => {
    assert.deepEqual(parseRegistryTagName('model@v1.2.0'), {
      artifact: 'model',
      action: 'register',
      version: 'v1.2.0',
    });
    assert.deepEqual(parseRegistryTagName('model@v1.2.0!'), {
      artifact: 'model',
      action: 'deregister',
      version: 'v1.2.0',
    });
    assert.deepEqual(parseRegistryTagName('model#prod#3'), {
      artifact: 'model',
      action: 'assign',
      stage: 'prod',
      counter: 3,
    });
    assert.deepEqual(parseRegistryTagName('model#prod!#4'), {
      artifact: 'model',
      action: 'unassign',
      stage: 'prod',
      counter: 4,
    });
    assert.deepEqual(parseRegistryTagName('model@deprecated'), { artifact: 'model', action: 'deprecate' });
    assert.deepEqual(parseRegistryTagName('models/sub=seg@v0.1.0-rc.1+b5'), {
      artifact: 'models/sub:seg',
      action: 'register',
      version: 'v0.1.0-rc.1+b5',
    });
  });

  void it('ignores tags that are not GTO', () => {
    for (const tag of [
      'v1.0.0',
      'release-2',
      'model@1.0.0',
      'model#prod#x',
      '-m@v1.0.0',
      'a#',
      'model@v01.0.0',
    ])
      assert.equal(parseRegistryTagName(tag), undefined, tag);
  });

  void it('validates names as GTO does', () => {
    assert.equal(artifactNameProblem('text-clf'), undefined);
    assert.equal(artifactNameProblem('sub/dir:seg'), undefined);
    assert.match(artifactNameProblem('-x') ?? '', /not a valid artifact name/);
    assert.match(artifactNameProblem('bad name') ?? '', /not a valid/);
    assert.equal(stageNameProblem('prod'), undefined);
    assert.match(stageNameProblem('--force') ?? '', /not a valid stage/);
  });

  void it("previews the tag an action makes, counting the artifact's tags", () => {
    const tags = ['m@v0.0.1', 'm#dev#1', 'm#prod#2', 'other#prod#7'];
    assert.equal(registryTagFor({ kind: 'register', version: 'v0.0.2' }, 'm', tags), 'm@v0.0.2');
    assert.equal(registryTagFor({ kind: 'assign', stage: 'prod' }, 'm', tags), 'm#prod#3');
    assert.equal(registryTagFor({ kind: 'unassign', stage: 'dev' }, 'm', tags), 'm#dev!#3');
    assert.equal(registryTagFor({ kind: 'deregister', version: 'v0.0.1' }, 'm', tags), 'm@v0.0.1!');
    assert.equal(registryTagFor({ kind: 'deprecate' }, 'sub:m', tags), 'sub=m@deprecated');
    assert.equal(registryTagFor({ kind: 'assign', stage: 'dev' }, 'new', tags), 'new#dev#1');
  });
});
