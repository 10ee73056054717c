import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  consoleScriptInterpreter,
  generatedVersionModuleValue,
  isEditableInstall,
  metadataVersion,
  parsePyvenvConfig,
  pyvenvMajorMinor,
} from '../../../src/core/setup/pipInstallFiles';

const body =
  "import re\nimport sys\nfrom dvc.cli import main\nif __name__ == '__main__':\n    sys.exit(main())\n";

void test('the interpreter of a pip console script for DVC, in both of the forms pip writes', () => {
  assert.equal(consoleScriptInterpreter(`#!/home/u/.venv/bin/python3\n${body}`), '/home/u/.venv/bin/python3');
  assert.equal(
    consoleScriptInterpreter(`#!/bin/sh\n'''exec' "/home/u/my env/bin/python" "$0" "$@"\n' '''\n${body}`),
    '/home/u/my env/bin/python',
  );
});

void test('anything else is not read as a DVC console script', () => {
  assert.equal(consoleScriptInterpreter('#!/home/u/.venv/bin/python3\nfrom celery import main\n'), undefined);
  assert.equal(consoleScriptInterpreter(`#!/usr/bin/env python3\n${body}`), undefined);
  assert.equal(consoleScriptInterpreter(`#!/bin/sh\nexec python -m dvc "$@"\n${body}`), undefined);
  assert.equal(consoleScriptInterpreter(`#!python3\n${body}`), undefined, 'a relative interpreter');
  assert.equal(consoleScriptInterpreter('\x7fELF\x02\x01'), undefined);
});

void test('pyvenv.cfg: settings and the Python version that names site-packages', () => {
  const settings = parsePyvenvConfig(
    'home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.7\nexecutable = /usr/bin/python3.11\n',
  );
  assert.equal(settings.get('include-system-site-packages'), 'false');
  assert.equal(pyvenvMajorMinor(settings), '3.11');
  assert.equal(pyvenvMajorMinor(parsePyvenvConfig('version_info = 3.12.1.final.0\n')), '3.12');
  assert.equal(pyvenvMajorMinor(parsePyvenvConfig('home = /usr/bin\n')), undefined);
});

void test('the version setuptools-scm generated, the string dvc --version prints', () => {
  const generated =
    "version: str\n__version__: str\n__version__ = version = '3.67.1'\n__version_tuple__ = version_tuple = (3, 67, 1)\n";
  assert.equal(generatedVersionModuleValue(generated), '3.67.1');
  assert.equal(generatedVersionModuleValue("__version__ = '3.0.0.dev5+g1a2b3c'\n"), '3.0.0.dev5+g1a2b3c');
  assert.equal(generatedVersionModuleValue('from .other import __version__\n'), undefined);
});

void test('METADATA: the Version header only, not a line of the description', () => {
  assert.equal(
    metadataVersion('Metadata-Version: 2.4\nName: dvc\nVersion: 3.67.1\n\nVersion: 9.9.9\n'),
    '3.67.1',
  );
  assert.equal(metadataVersion('Metadata-Version: 2.4\nName: dvc\n\nVersion: 9.9.9\n'), undefined);
});

void test('editable installs are told apart, and an unreadable direct_url.json counts as one', () => {
  assert.equal(isEditableInstall('{"url": "file:///src/dvc", "dir_info": {"editable": true}}'), true);
  assert.equal(isEditableInstall('{"url": "file:///w/dvc-3.0.0.whl", "archive_info": {}}'), false);
  assert.equal(isEditableInstall('{"url": "file:///src/dvc", "dir_info": {}}'), false);
  assert.equal(isEditableInstall('not json'), true);
});
