import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dvcConfigFilePaths, resolveUrl, type DvcConfigPlace } from '../../../src/data/dvcConfigFiles';

function linux(env: Record<string, string> = {}): DvcConfigPlace {
  return { env, platform: 'linux', home: '/home/u' };
}

void test('Linux: XDG folders or their defaults; DVC_*_CONFIG_DIR win; the repository’s two files', () => {
  assert.deepEqual(dvcConfigFilePaths('/w', linux()), {
    system: '/etc/xdg/dvc/config',
    global: '/home/u/.config/dvc/config',
    repo: '/w/.dvc/config',
    local: '/w/.dvc/config.local',
  });
  const xdg = dvcConfigFilePaths('/w', linux({ XDG_CONFIG_HOME: '/x/home', XDG_CONFIG_DIRS: '/x/a:/x/b' }));
  assert.equal(xdg?.global, '/x/home/dvc/config');
  assert.equal(xdg?.system, '/x/a/dvc/config');
  const overridden = dvcConfigFilePaths(
    '/w',
    linux({ XDG_CONFIG_HOME: '/x/home', DVC_GLOBAL_CONFIG_DIR: '/g', DVC_SYSTEM_CONFIG_DIR: '/s' }),
  );
  assert.equal(overridden?.global, '/g/config');
  assert.equal(overridden?.system, '/s/config');
  assert.equal(
    dvcConfigFilePaths('/w', linux({ DVC_GLOBAL_CONFIG_DIR: '' }))?.global,
    '/home/u/.config/dvc/config',
  );
});

void test('macOS and Windows folders; unsure where platformdirs versions disagree or a folder is relative', () => {
  const mac = dvcConfigFilePaths('/w', { env: {}, platform: 'darwin', home: '/Users/u' });
  assert.equal(mac?.global, '/Users/u/Library/Application Support/dvc/config');
  assert.equal(mac?.system, '/Library/Application Support/dvc/config');
  assert.equal(
    dvcConfigFilePaths('/w', { env: { XDG_CONFIG_HOME: '/x' }, platform: 'darwin', home: '/Users/u' }),
    undefined,
  );
  const windows = dvcConfigFilePaths('C:\\w', {
    env: { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local', PROGRAMDATA: 'C:\\ProgramData' },
    platform: 'win32',
    home: 'C:\\Users\\u',
  });
  assert.equal(windows?.global, 'C:\\Users\\u\\AppData\\Local\\iterative\\dvc\\config');
  assert.equal(windows?.system, 'C:\\ProgramData\\iterative\\dvc\\config');
  assert.equal(windows?.local, 'C:\\w\\.dvc\\config.local');
  assert.equal(dvcConfigFilePaths('/w', linux({ XDG_CONFIG_HOME: 'relative' })), undefined);
  assert.equal(dvcConfigFilePaths('/w', linux({ DVC_GLOBAL_CONFIG_DIR: 'relative' })), undefined);
});

void test('URLs as DVC prints them: schemes and absolute paths as written, ~ expanded, relative joined', () => {
  const place = linux();
  assert.equal(resolveUrl('s3://b/p', '/w/.dvc/config', place), 's3://b/p');
  assert.equal(resolveUrl('/abs/../x', '/w/.dvc/config', place), '/abs/../x');
  assert.equal(resolveUrl('~/store/../x', '/w/.dvc/config', place), '/home/u/store/../x');
  assert.equal(resolveUrl('~', '/w/.dvc/config', place), '/home/u');
  assert.equal(resolveUrl('../../storage/', '/w/.dvc/config', place), '/storage');
  assert.equal(resolveUrl('~other/x', '/w/.dvc/config', place), undefined);
  assert.equal(resolveUrl('..\\s', 'C:\\w\\.dvc\\config', { ...place, platform: 'win32' }), undefined);
});
