/**
 * The fuzz floor (issue 14): every parser of workspace files and DVC output takes random and hostile
 * documents and returns within its time budget, never throwing. A failure prints the seed and the shrunk
 * document that broke it.
 */
import { test } from 'node:test';
import fc from 'fast-check';
import { parseCliJson } from '../../src/core/cliJson';
import { parseDvcFile } from '../../src/core/data/dvcFile';
import { parseDvcLockOuts } from '../../src/core/data/dvcLockOuts';
import { flattenValues } from '../../src/core/experiments/flattenValues';
import { ExpShowShapeError, parseExpShow } from '../../src/core/experiments/parseExpShow';
import { decodeUtf8 } from '../../src/core/fileText/utf8Text';
import { parsePipeline, pipelineParamsFiles } from '../../src/core/pipeline';
import { analyzePipeline, producedPaths } from '../../src/core/pipeline/analysis';
import { parseParamsFile } from '../../src/core/pipeline/paramsFile';
import { parseWorkspacePipeline } from '../../src/core/pipeline/workspacePipeline';
import { readDelimited } from '../../src/core/plots/delimitedRows';
import { checkDvcLock } from '../../src/core/pipeline/dvcLockSchema';
import { parseDvcLockStageNames } from '../../src/core/status/dvcLockStages';
import { assertParsesEveryDocument } from './fuzzSettings';
import { anyText, csvText, dvcYamlText, jsonText, paramsData, tomlText, yamlText } from './documents';

/** Values as DVC's JSON could carry them: plain data, with NaN and infinities among the numbers. */
const cliJsonValue = fc.oneof(paramsData, fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY));

void test('dvc.yaml: parsePipeline with its params files', () => {
  assertParsesEveryDocument(fc.tuple(dvcYamlText, yamlText), ([text, params]) => {
    const names = pipelineParamsFiles(text, 'sub/dvc.yaml');
    const pipeline = parsePipeline({
      file: 'sub/dvc.yaml',
      text,
      paramsFiles: new Map(names.map((name) => [name, params])),
    });
    analyzePipeline(pipeline, {
      existingPaths: new Set(),
      paramsFiles: new Map([['sub/params.yaml', params]]),
      producedPaths: producedPaths([pipeline]),
    });
  });
});

void test("dvc.yaml, params and dvc.lock as bytes (any encoding) through the worker's entry", () => {
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    dvcYamlText.map((text) => new TextEncoder().encode(text)),
  );
  assertParsesEveryDocument(fc.tuple(bytes, bytes, bytes), ([dvcYaml, params, lock]) => {
    decodeUtf8('dvc.yaml', dvcYaml);
    parseWorkspacePipeline({
      file: 'dvc.yaml',
      dvcYaml: { kind: 'bytes', bytes: dvcYaml },
      paramsFiles: new Map([['params.yaml', { kind: 'bytes', bytes: params }]]),
      dvcLock: { kind: 'bytes', bytes: lock },
    });
  });
});

void test('params files: YAML, JSON, TOML and Python', () => {
  assertParsesEveryDocument(yamlText, (text) => parseParamsFile('params.yaml', text));
  assertParsesEveryDocument(jsonText, (text) => parseParamsFile('params.json', text));
  assertParsesEveryDocument(tomlText, (text) => parseParamsFile('params.toml', text));
  assertParsesEveryDocument(anyText, (text) => parseParamsFile('params.py', text), 20);
});

void test('dvc.lock: schema check, stage names, recorded outputs', () => {
  assertParsesEveryDocument(yamlText, (text) => {
    checkDvcLock(text, 'dvc.lock');
    parseDvcLockStageNames(text, 'sub/dvc.yaml');
    parseDvcLockOuts(text, 'sub/dvc.lock');
  });
});

void test('.dvc files', () => {
  assertParsesEveryDocument(yamlText, (text) => parseDvcFile(text));
});

void test('metrics flatten', () => {
  assertParsesEveryDocument(cliJsonValue, (value) => flattenValues({ data: value }));
  assertParsesEveryDocument(
    fc.integer({ min: 1, max: 30_000 }),
    (depth) => {
      let data: unknown = 1;
      for (let level = 0; level < depth; level++) data = level % 2 === 0 ? { a: data } : [data];
      flattenValues({ data });
    },
    20,
  );
});

void test('CSV and TSV series', () => {
  assertParsesEveryDocument(csvText, (text) => {
    readDelimited(text, ',');
    readDelimited(text, '\t');
  });
});

void test('exp show JSON: the Python-JSON parser and the experiments model', () => {
  assertParsesEveryDocument(jsonText, (text) => {
    try {
      parseCliJson(text);
    } catch (error: unknown) {
      if (!(error instanceof Error && error.name === 'CliJsonError')) throw error;
    }
  });
  const expShowLike = fc.array(
    fc.record(
      {
        rev: fc.oneof(fc.string({ maxLength: 8 }), fc.constant('workspace')),
        name: fc.option(fc.string({ maxLength: 8 })),
        data: fc.option(
          fc.record(
            {
              rev: fc.string({ maxLength: 8 }),
              params: fc.dictionary(
                fc.string({ maxLength: 8 }),
                fc.record({ data: cliJsonValue }, { requiredKeys: [] }),
              ),
              metrics: fc.dictionary(
                fc.string({ maxLength: 8 }),
                fc.record({ data: cliJsonValue, error: paramsData }, { requiredKeys: [] }),
              ),
              deps: fc.dictionary(fc.string({ maxLength: 8 }), fc.record({ hash: fc.option(fc.string()) })),
            },
            { requiredKeys: [] },
          ),
        ),
        experiments: fc.option(fc.array(paramsData, { maxLength: 2 })),
        error: fc.option(paramsData),
      },
      { requiredKeys: [] },
    ),
    { maxLength: 4 },
  );
  assertParsesEveryDocument(fc.oneof(expShowLike, paramsData), (json) => {
    try {
      parseExpShow(json);
    } catch (error: unknown) {
      // Output that is not exp show's shape is refused with this error, which its callers catch and show.
      if (!(error instanceof ExpShowShapeError)) throw error;
    }
  });
});
