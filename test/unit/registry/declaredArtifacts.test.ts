import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { applyInsertion } from '../../../src/core/pipeline/addTopLevelPlot';
import { declareArtifact, readDeclaredArtifacts } from '../../../src/core/registry/declaredArtifacts';

const WITH_ARTIFACTS = `# the pipeline
stages:
  train:
    cmd: python train.py   # trains
artifacts:
  clf:
    path: models/clf.pkl
    type: model
    desc: "A classifier"
    labels: [nlp]
    meta: {framework: sklearn}
plots:
  - loss.csv
`;

void describe('artifacts in dvc.yaml', () => {
  void it('reads the declarations with GTO names', () => {
    assert.deepEqual(readDeclaredArtifacts(WITH_ARTIFACTS, 'dvc.yaml', ''), [
      {
        name: 'clf',
        file: 'dvc.yaml',
        path: 'models/clf.pkl',
        type: 'model',
        desc: 'A classifier',
        labels: ['nlp'],
        meta: { framework: 'sklearn' },
      },
    ]);
    assert.equal(readDeclaredArtifacts(WITH_ARTIFACTS, 'sub/dvc.yaml', 'sub')[0]?.name, 'sub:clf');
    assert.deepEqual(readDeclaredArtifacts('stages: {}\n', 'dvc.yaml', ''), []);
    assert.deepEqual(readDeclaredArtifacts('artifacts: [\n', 'dvc.yaml', ''), []);
  });

  void it('adds a declaration into an existing section, keeping every other byte', () => {
    const result = declareArtifact(WITH_ARTIFACTS, {
      name: 'seg',
      path: 'models/seg.pt',
      type: 'model',
      labels: ['cv'],
    });
    assert.ok(result.ok);
    const text = applyInsertion(WITH_ARTIFACTS, result.insertion);
    assert.ok(text.startsWith(WITH_ARTIFACTS.slice(0, WITH_ARTIFACTS.indexOf('plots:'))));
    assert.ok(text.includes('    cmd: python train.py   # trains\n'));
    assert.ok(text.endsWith('plots:\n  - loss.csv\n'));
    const parsed = parse(text) as { artifacts: Record<string, unknown> };
    assert.deepEqual(parsed.artifacts.seg, { path: 'models/seg.pt', type: 'model', labels: ['cv'] });
    assert.deepEqual(Object.keys(parsed.artifacts), ['clf', 'seg']);
  });

  void it('makes the section when there is none and refuses a duplicate', () => {
    const text = 'stages:\n  a:\n    cmd: echo\n';
    const result = declareArtifact(text, { name: 'm', path: 'm.pkl' });
    assert.ok(result.ok);
    assert.equal(applyInsertion(text, result.insertion), `${text}artifacts:\n  m:\n    path: m.pkl\n`);
    const duplicate = declareArtifact(WITH_ARTIFACTS, { name: 'clf', path: 'x' });
    assert.ok(!duplicate.ok);
    assert.match(duplicate.reason, /already declares/);
  });
});
