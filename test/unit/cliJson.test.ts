import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CliJsonError, parseCliJson } from '../../src/core/cliJson';

void test('standard JSON parses as JSON.parse does', () => {
  const text = '{"a": [1, 2.5e3, -0.5, true, false, null], "b": {"c": "x\\"y\\u00e9\\n"}}';
  assert.deepEqual(parseCliJson(text), JSON.parse(text));
});

void test('NaN, Infinity and -Infinity as Python json writes them', () => {
  const parsed = parseCliJson(
    '{"loss": NaN, "max": Infinity, "min": -Infinity, "list": [NaN, -Infinity, 1]}',
  ) as {
    loss: number;
    max: number;
    min: number;
    list: number[];
  };
  assert.ok(Number.isNaN(parsed.loss));
  assert.equal(parsed.max, Number.POSITIVE_INFINITY);
  assert.equal(parsed.min, Number.NEGATIVE_INFINITY);
  assert.ok(Number.isNaN(parsed.list[0]));
  assert.equal(parsed.list[1], Number.NEGATIVE_INFINITY);
  assert.equal(parsed.list[2], 1);
});

void test('the tokens inside strings stay strings', () => {
  assert.deepEqual(parseCliJson('{"NaN": "Infinity", "x": NaN}'), { NaN: 'Infinity', x: Number.NaN });
  assert.deepEqual(parseCliJson('["a \\"NaN\\" b", Infinity]'), ['a "NaN" b', Number.POSITIVE_INFINITY]);
});

void test('a real `dvc exp show --json` fragment with a diverged metric', () => {
  const text = `[{"rev": "workspace", "name": null, "data": {"metrics": {"metrics.json": {"data": {"loss": NaN, "acc": 0.5}}}, "params": {"params.yaml": {"data": {"lr": 1e-3}}}}, "experiments": null}]`;
  const parsed = parseCliJson(text) as Array<{
    data: { metrics: Record<string, { data: { loss: number; acc: number } }> };
  }>;
  const metrics = parsed[0]!.data.metrics['metrics.json']!.data;
  assert.ok(Number.isNaN(metrics.loss));
  assert.equal(metrics.acc, 0.5);
});

void test('whitespace and empty containers around the extensions', () => {
  assert.deepEqual(parseCliJson(' \n{ "a" : [ ] , "b" : { } , "c" : -Infinity }\n'), {
    a: [],
    b: {},
    c: Number.NEGATIVE_INFINITY,
  });
});

void test('a "__proto__" key stays an own data property', () => {
  const parsed = parseCliJson('{"__proto__": {"polluted": true}, "x": NaN}') as Record<string, unknown>;
  assert.ok(Object.hasOwn(parsed, '__proto__'));
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

void test('invalid input fails with a position', () => {
  for (const text of ['{"a": nan}', '{"a": 1,}', '[1 2]', '{"a": "unterminated', '', 'NaN x', '{a: 1}']) {
    assert.throws(
      () => parseCliJson(text),
      (error: unknown) => error instanceof CliJsonError && error.position >= 0,
      text,
    );
  }
});
