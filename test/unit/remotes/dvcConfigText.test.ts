import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  mergeConfiguredRemotes,
  parseDvcConfigText,
  type DvcConfigLevel,
  type DvcConfigSections,
} from '../../../src/core/remotes/dvcConfigText';

function sections(text: string): DvcConfigSections {
  const parsed = parseDvcConfigText(text);
  assert.equal(parsed.kind, 'parsed', JSON.stringify(parsed));
  return parsed.kind === 'parsed' ? parsed.sections : new Map();
}

function level(text: string, folder = '/w/.dvc'): DvcConfigLevel {
  return {
    sections: sections(text),
    resolveUrl: (url) => (url.startsWith('/') || url.includes('://') ? url : `${folder}/${url}`),
  };
}

void test('the file DVC writes: sections, indented options, quoted section names, names lower-cased', () => {
  const parsed = sections(
    '[core]\n    remote = Store\n    autostage = true\n[\'remote "Store"\']\n    url = ../storage\n' +
      '[remote "Bare"]\n',
  );
  assert.deepEqual([...parsed.keys()], ['core', 'remote "store"', 'remote "bare"']);
  assert.equal(parsed.get('core')?.get('remote'), 'Store', 'values keep their case');
  assert.equal(parsed.get('remote "store"')?.get('url'), '../storage');
});

void test('values: quoted kept as written, bare trimmed up to a comment, empty allowed', () => {
  const parsed = sections(
    '# a comment\n[remote "a"]\nurl = \'https://h/x#frag\' # note\npassword = "p,w"\nkeyfile = /k/f  # key\nempty =\n',
  );
  const remote = parsed.get('remote "a"');
  assert.equal(remote?.get('url'), 'https://h/x#frag');
  assert.equal(remote?.get('password'), 'p,w');
  assert.equal(remote?.get('keyfile'), '/k/f');
  assert.equal(remote?.get('empty'), '');
});

void test('what configobj reads differently or DVC refuses makes the parse unsure', () => {
  for (const text of [
    '[core]\nremote = a, b\n',
    "[core]\nremote = '''x\ny'''\n",
    '[core]\nremote = %(other)s\n',
    'remote = a\n',
    '[core]\n[[nested]]\nx = 1\n',
    '[core]\nremote = a\nremote = b\n',
    '[core]\n[core]\n',
    '[core]\njust words\n',
    "[core]\nremote = 'a' b\n",
  ]) {
    assert.equal(parseDvcConfigText(text).kind, 'unsure', text);
  }
});

void test('merging levels: first appearance orders the list, later levels shadow options and the default', () => {
  const merged = mergeConfiguredRemotes([
    level('[remote "site"]\nurl = /srv/site\n[core]\nremote = site\n', '/etc/xdg/dvc'),
    level('[remote "shared"]\nurl = s3://old\n'),
    level('[remote "shared"]\nurl = s3://new\n[remote "store"]\nurl = ../storage\n[core]\nremote = store\n'),
    level('[remote "store"]\npassword = secret\n[remote "mine"]\nurl = /m\n'),
  ]);
  assert.deepEqual(merged, {
    kind: 'merged',
    remotes: {
      remotes: [
        { name: 'site', url: '/srv/site' },
        { name: 'shared', url: 's3://new' },
        { name: 'store', url: '/w/.dvc/../storage' },
        { name: 'mine', url: '/m' },
      ],
      defaultName: 'store',
    },
  });
});

void test('a remote without a url anywhere (DVC refuses such a config) or an unresolvable url: unsure', () => {
  assert.equal(mergeConfiguredRemotes([level('[remote "x"]\npassword = p\n')]).kind, 'unsure');
  const unresolvable: DvcConfigLevel = {
    sections: sections('[remote "x"]\nurl = ~other/x\n'),
    resolveUrl: () => undefined,
  };
  assert.equal(mergeConfiguredRemotes([unresolvable]).kind, 'unsure');
  assert.deepEqual(mergeConfiguredRemotes([]), {
    kind: 'merged',
    remotes: { remotes: [], defaultName: undefined },
  });
});
