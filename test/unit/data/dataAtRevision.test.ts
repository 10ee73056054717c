import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  cacheObjectPath,
  diffSideText,
  locateTrackedObject,
  md5InDirectoryManifest,
  metadataCandidates,
} from '../../../src/core/data/dataAtRevision';

const imagesDvc = readFileSync(join(__dirname, '../../fixtures/dvc-data-status/images.dvc'), 'utf8');

const lock = `schema: '2.0'
stages:
  train:
    cmd: python train.py
    outs:
    - path: model/model.json
      hash: md5
      md5: 5f1c2e8a0b3d4c6e7f8091a2b3c4d5e6
      size: 120
`;

void describe('a tracked file at a revision', () => {
  void it('looks in the .dvc files of the file and its folders, and the dvc.lock files above it', () => {
    assert.deepEqual(metadataCandidates('data/raw/table.csv'), {
      dvcFiles: ['data/raw/table.csv.dvc', 'data/raw.dvc', 'data.dvc'],
      lockFiles: ['data/raw/dvc.lock', 'data/dvc.lock', 'dvc.lock'],
    });
  });

  void it('a file with its own .dvc file, one written by a stage, one inside a tracked folder', () => {
    const own = `outs:\n- md5: 0123456789abcdef0123456789abcdef\n  size: 21\n  hash: md5\n  path: table.csv\n`;
    assert.deepEqual(locateTrackedObject('data/table.csv', [{ file: 'data/table.csv.dvc', text: own }], []), {
      kind: 'file',
      md5: '0123456789abcdef0123456789abcdef',
      size: 21,
    });
    assert.deepEqual(locateTrackedObject('model/model.json', [], [{ file: 'dvc.lock', text: lock }]), {
      kind: 'file',
      md5: '5f1c2e8a0b3d4c6e7f8091a2b3c4d5e6',
      size: 120,
    });
    assert.deepEqual(
      locateTrackedObject('images/cats/a.png', [{ file: 'images.dvc', text: imagesDvc }], []),
      {
        kind: 'inDirectory',
        directoryMd5: '0e04c3e5b51733a4e26c912bad6623d7.dir',
        relpath: 'cats/a.png',
      },
    );
  });

  void it('nothing records it: undefined (a prefix of a name is not its folder)', () => {
    assert.equal(
      locateTrackedObject('images2/a.png', [{ file: 'images.dvc', text: imagesDvc }], []),
      undefined,
    );
    assert.equal(locateTrackedObject('other.json', [], [{ file: 'dvc.lock', text: lock }]), undefined);
  });

  void it('the cache object of a file and of a folder manifest; a file in the manifest', () => {
    assert.equal(cacheObjectPath('0123456789abcdef'), 'files/md5/01/23456789abcdef');
    assert.equal(cacheObjectPath('0e04c3e5.dir'), 'files/md5/0e/04c3e5.dir');
    const manifest = JSON.stringify([
      { md5: 'aaaa', relpath: 'cats/a.png' },
      { md5: 'bbbb', relpath: 'dogs/b.png' },
    ]);
    assert.equal(md5InDirectoryManifest(manifest, 'dogs/b.png'), 'bbbb');
    assert.equal(md5InDirectoryManifest(manifest, 'dogs'), undefined);
    assert.equal(md5InDirectoryManifest('not json', 'a'), undefined);
  });

  void it('a diff side: text, too large (with its size), or binary', () => {
    const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
    assert.deepEqual(diffSideText(encode('a,b\n1,2\n'), 100), { kind: 'text', text: 'a,b\n1,2\n' });
    assert.deepEqual(diffSideText(encode('x'.repeat(101)), 100), { kind: 'tooLarge', size: 101 });
    assert.deepEqual(diffSideText(new Uint8Array([0x89, 0x50, 0, 1]), 100), { kind: 'binary' });
  });
});
