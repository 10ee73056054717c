import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePipeline, pipelineParamsFiles } from '../../../src/core/pipeline';
import { decodeUtf8 } from '../../../src/core/fileText/utf8Text';
import { parseParamsFile } from '../../../src/core/pipeline/paramsFile';
import { PythonFloat } from '../../../src/core/pipeline/paramValue';
import { parseWorkspacePipeline, type WorkspaceFile } from '../../../src/core/pipeline/workspacePipeline';
import { checkDvcLock } from '../../../src/core/pipeline/dvcLockSchema';
import { flattenParamMap } from '../../../src/core/history/flatParams';

const bytes = (text: string, encoding: BufferEncoding = 'utf8'): WorkspaceFile => ({
  kind: 'bytes',
  bytes: new Uint8Array(Buffer.from(text, encoding)),
});

function workspacePipeline(dvcYaml: WorkspaceFile, params?: WorkspaceFile, dvcLock?: WorkspaceFile) {
  return parseWorkspacePipeline({
    file: 'dvc.yaml',
    dvcYaml,
    paramsFiles: new Map(params ? [['params.yaml', params]] : []),
    dvcLock: dvcLock ?? { kind: 'missing' },
  });
}

void test('NaN, Infinity and -Infinity in a JSON params file are read as Python reads them', () => {
  const params = parseParamsFile('params.json', '{"a": NaN, "b": Infinity, "c": [-Infinity, 1, 1.0]}');
  assert.deepEqual(params.problems, []);
  const values = params.values;
  assert.ok(Number.isNaN((values?.get('a') as PythonFloat).value));
  assert.equal((values?.get('b') as PythonFloat).value, Number.POSITIVE_INFINITY);
  assert.deepEqual(values?.get('c'), [new PythonFloat(Number.NEGATIVE_INFINITY), 1, new PythonFloat(1)]);
  const text = 'vars: [params.json]\nstages:\n  s:\n    cmd: echo ${a} ${b} ${c}\n';
  pipelineParamsFiles(text);
  const pipeline = parsePipeline({
    file: 'dvc.yaml',
    text,
    paramsFiles: new Map([['params.json', '{"a": NaN, "b": Infinity, "c": -Infinity}']]),
  });
  // DVC 3.67.1 runs this stage as `echo nan inf -inf`.
  assert.equal(pipeline.stages[0]?.items[0]?.label, 'echo nan inf -inf');
  assert.match(parseParamsFile('params.json', '{"a": nan}').problems[0]?.message ?? '', /not valid JSON/);
});

void test('Latin-1 in dvc.yaml or params.yaml is refused with the position DVC names', () => {
  // DVC 3.67.1: "'utf-8' codec can't decode byte 0xe9 in position 28: invalid continuation byte"
  const pipeline = workspacePipeline(bytes('stages:\n  s:\n    cmd: echo h\xe9 > o.txt\n', 'latin1'));
  assert.equal(pipeline.stages.length, 0);
  assert.deepEqual(
    pipeline.problems.map((problem) => problem.message),
    [
      "'dvc.yaml' is not valid UTF-8: byte 0xe9 at position 28 (invalid continuation byte); DVC refuses to read it",
    ],
  );
  const withParams = workspacePipeline(
    bytes('stages:\n  s:\n    cmd: echo ok\n'),
    bytes('a: h\xe9\n', 'latin1'),
  );
  assert.equal(withParams.stages.length, 1);
  assert.match(
    withParams.problems[0]?.message ?? '',
    /^'params\.yaml' is not valid UTF-8: byte 0xe9 at position 4/,
  );
  assert.equal(decodeUtf8('x', new Uint8Array([0x61, 0xf0, 0x9f])).ok, false);
  assert.equal(decodeUtf8('x', new Uint8Array(Buffer.from('é 😀'))).ok, true);
});

void test('a NUL byte in dvc.yaml or params.yaml is refused as DVC refuses it', () => {
  const pipeline = workspacePipeline(bytes('stages:\n  s:\n    cmd: echo \x00 > o.txt\n'));
  assert.equal(pipeline.stages.length, 0);
  assert.match(
    pipeline.problems[0]?.message ?? '',
    /unacceptable character #x0000: special characters are not allowed/,
  );
  assert.equal(pipeline.problems[0]?.range.startLine, 2);
  const params = parseParamsFile('params.yaml', 'a: \x00b\n');
  assert.equal(params.values, undefined);
  assert.match(params.problems[0]?.message ?? '', /#x0000/);
  assert.deepEqual(parseParamsFile('params.yaml', 'a: "tab\there é 😀"\n').problems, []);
});

void test('a stage that depends on its own output is an error at the dependency', () => {
  const text = 'stages:\n  s:\n    cmd: echo hi > o.txt\n    deps: [./o.txt, in.txt]\n    outs: [o.txt]\n';
  pipelineParamsFiles(text);
  const pipeline = parsePipeline({ file: 'dvc.yaml', text, paramsFiles: new Map() });
  assert.equal(pipeline.stages.length, 1);
  assert.deepEqual(
    pipeline.problems.map((problem) => `${problem.range.startLine}:${problem.message}`),
    [
      "3:Same item(s) are defined as both a dependency and an output in stage: s ('o.txt'); DVC refuses to run the pipeline",
    ],
  );
});

void test('an old-schema or mistyped dvc.lock is reported where DVC refuses it', () => {
  assert.deepEqual(
    checkDvcLock(
      "schema: '2.0'\nstages:\n  s:\n    cmd: echo\n    outs:\n    - path: o.txt\n      md5: 1\n",
      'dvc.lock',
    ),
    [],
  );
  assert.deepEqual(checkDvcLock('', 'dvc.lock'), []);
  const old = checkDvcLock('s:\n  cmd: echo hi\n  outs:\n  - path: o.txt\n', 'dvc.lock');
  assert.deepEqual(
    old.map((problem) => problem.message),
    [
      "'dvc.lock' validation failed (DVC refuses it): required key not provided, in schema (a lock file from DVC 1? `dvc repro` rewrites it)",
      "'dvc.lock' validation failed (DVC refuses it): extra keys not allowed, in s",
    ],
  );
  const mistyped = checkDvcLock(
    "schema: '2.0'\nstages:\n  s:\n    cmd: echo\n    outs: 3\n    deps:\n    - pth: a\n",
    'sub/dvc.lock',
  );
  assert.deepEqual(
    mistyped.map(
      (problem) => `${problem.file}:${problem.range.startLine}:${problem.message.replace(/^.*?: /, '')}`,
    ),
    [
      'sub/dvc.lock:4:expected a list, in stages -> s -> outs',
      'sub/dvc.lock:6:required key not provided, in stages -> s -> deps -> 0 -> path',
    ],
  );
  assert.match(checkDvcLock("schema: '3.0'\n", 'dvc.lock')[0]?.message ?? '', /invalid schema version/);
  const pipeline = workspacePipeline(
    bytes('stages:\n  s:\n    cmd: echo\n'),
    undefined,
    bytes('stages: [\n'),
  );
  assert.equal(pipeline.stages.length, 1);
  assert.ok(
    pipeline.problems.some(
      (problem) => problem.file === 'dvc.lock' && /not valid YAML/.test(problem.message),
    ),
  );
});

void test('TOML and YAML integers above 2^53 stay exact', () => {
  const toml = parseParamsFile('params.toml', 'big = 12345678901234567891\nsmall = 3\nfloat = 3.0\n');
  assert.deepEqual(toml.problems, []);
  assert.equal(toml.values?.get('big'), 12345678901234567891n);
  assert.equal(toml.values?.get('small'), 3);
  assert.deepEqual(toml.values?.get('float'), new PythonFloat(3));
  const yaml = parseParamsFile('params.yaml', 'big: 12345678901234567891\n');
  assert.equal(yaml.values?.get('big'), 12345678901234567891n);
  assert.deepEqual(flattenParamMap(toml.values ?? new Map()), {
    big: '12345678901234567891',
    small: '3',
    float: '3',
  });
  const text = 'vars: [params.toml]\nstages:\n  s:\n    cmd: echo ${big}\n';
  pipelineParamsFiles(text);
  const pipeline = parsePipeline({
    file: 'dvc.yaml',
    text,
    paramsFiles: new Map([['params.toml', 'big = 12345678901234567891\n']]),
  });
  assert.equal(pipeline.stages[0]?.items[0]?.label, 'echo 12345678901234567891');
});
