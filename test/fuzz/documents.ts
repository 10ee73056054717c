/** Arbitraries of workspace documents: random text, YAML-looking token soup, real shapes, hostile shapes. */
import fc from 'fast-check';
import { stringify as stringifyToml } from 'smol-toml';
import { stringify as stringifyYaml } from 'yaml';
import { aliasBomb, deepBlockMapping, deepJson } from '../unit/hostileInputs/hostileDocuments';

/** Any characters, control characters and astral planes included. */
export const anyText = fc.string({ unit: 'binary', maxLength: 400 });

const yamlTokens = [
  'stages:',
  'vars:',
  'params:',
  'foreach:',
  'do:',
  'matrix:',
  'cmd:',
  'deps:',
  'outs:',
  'metrics:',
  'plots:',
  'wdir:',
  'schema:',
  'md5:',
  'path:',
  'train',
  'a',
  'b.c',
  '${item}',
  '${key}',
  '${a.b}',
  '${',
  '}',
  '&x',
  '*x',
  '<<:',
  '- ',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '"',
  "'",
  '#',
  '|',
  '>',
  '!!str',
  '!!int',
  '?',
  '---',
  '...',
  '.inf',
  'NaN',
  'Infinity',
  '1e999',
  '0x1F',
  '123456789012345678901234',
  'null',
  '~',
  'true',
  '\\',
  '\t',
  '\u0000',
  'é',
];

/** Lines of YAML-ish tokens at random indents: mostly broken documents that look like dvc.yaml. */
export const yamlSoup = fc
  .array(
    fc.tuple(fc.nat({ max: 8 }), fc.array(fc.constantFrom(...yamlTokens), { minLength: 1, maxLength: 6 })),
    { maxLength: 30 },
  )
  .map((lines) => lines.map(([indent, tokens]) => `${' '.repeat(indent)}${tokens.join(' ')}`).join('\n'));

const key = fc.oneof(
  fc.constantFrom('a', 'b', 'train', 'lr', 'a.b', 'item', 'key', '__proto__', ''),
  fc.string({ maxLength: 8 }),
);
const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
);

/** Nested plain data (params, metrics, vars), as a JS value. */
export const paramsData: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
})).value;

/** A dvc.yaml with real shapes: stages, foreach/matrix, vars, interpolation, some wrong types. */
export const dvcYamlData = fc.record(
  {
    vars: fc.array(
      fc.oneof(
        fc.constantFrom('params.yaml', 'other.json', 'p.toml:a,b'),
        fc.dictionary(key, scalar, { maxKeys: 3 }),
      ),
    ),
    stages: fc.dictionary(
      fc.oneof(fc.constantFrom('train', 'prepare', 'eval@1'), fc.string({ maxLength: 6 })),
      fc.record(
        {
          cmd: fc.oneof(
            fc.constantFrom('python train.py ${a}', 'echo ${item} ${key}', 'echo ${missing.x}'),
            fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
          ),
          deps: fc.array(
            fc.constantFrom('data.csv', 'out/model', '${item}', '../x', '/abs', 's3://bucket/x'),
            { maxLength: 3 },
          ),
          outs: fc.array(
            fc.oneof(
              fc.constantFrom('out/model', 'data.csv', 'm.json'),
              fc.dictionary(
                fc.constantFrom('m.json', 'x'),
                fc.record({ cache: fc.boolean() }, { requiredKeys: [] }),
              ),
            ),
            { maxLength: 3 },
          ),
          params: fc.array(
            fc.oneof(
              fc.constantFrom('a', 'train.lr', 'b.c'),
              fc.dictionary(fc.constantFrom('params.yaml', 'p.json'), fc.array(fc.constantFrom('a', 'lr'))),
            ),
            { maxLength: 3 },
          ),
          foreach: fc.oneof(
            fc.array(scalar, { maxLength: 3 }),
            fc.constantFrom('${list}', '${a}'),
            fc.dictionary(key, scalar, { maxKeys: 3 }),
          ),
          matrix: fc.dictionary(key, fc.array(scalar, { maxLength: 3 }), { maxKeys: 2 }),
          do: fc.record({ cmd: fc.constant('echo ${item}') }),
          wdir: fc.constantFrom('.', 'sub', '${item}'),
          frozen: fc.oneof(fc.boolean(), fc.string({ maxLength: 3 })),
        },
        { requiredKeys: [] },
      ),
      { maxKeys: 5 },
    ),
    plots: fc.array(
      fc.oneof(
        fc.constantFrom('loss.csv', 'm.json'),
        fc.dictionary(
          fc.string({ maxLength: 5 }),
          fc.record({ x: fc.string({ maxLength: 3 }), y: fc.string({ maxLength: 3 }) }),
        ),
      ),
    ),
  },
  { requiredKeys: [] },
);

/** Documents meant to hurt: alias bombs, deep nesting (block, flow, JSON), many keys, long lines. */
export const hostileYaml = fc.oneof(
  fc
    .tuple(fc.integer({ min: 3, max: 12 }), fc.integer({ min: 2, max: 12 }))
    .map(([levels, width]) => aliasBomb(levels, width)),
  fc.integer({ min: 50, max: 3000 }).map((depth) => deepBlockMapping(depth, '')),
  fc.integer({ min: 50, max: 20000 }).map((depth) => `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`),
  fc.integer({ min: 50, max: 20000 }).map((depth) => deepJson(depth)),
  fc
    .integer({ min: 1000, max: 20000 })
    .map((count) => Array.from({ length: count }, (_, index) => `k${index}: *a`).join('\n')),
  fc
    .integer({ min: 1, max: 200 })
    .map(
      (count) =>
        `a: &a ${'x'.repeat(1000)}\n${Array.from({ length: count }, (_, index) => `b${index}: [*a, *a, *a]`).join('\n')}`,
    ),
  fc.constant('a: &a\n  b: *a\n'),
  fc.constant('a: &a [*a]\n'),
  fc.integer({ min: 1, max: 100_000 }).map((length) => `a: "${'x'.repeat(length)}\n`),
);

export const yamlText = fc.oneof(
  anyText,
  yamlSoup,
  paramsData.map((data) => safeYaml(data)),
  hostileYaml,
);
export const dvcYamlText = fc.oneof(
  yamlSoup,
  dvcYamlData.map((data) => safeYaml(data)),
  hostileYaml,
  anyText,
);

export const jsonText = fc.oneof(
  anyText,
  paramsData.map(
    (data) =>
      JSON.stringify(data, (_key, value: unknown) => (typeof value === 'bigint' ? Number(value) : value)) ??
      'null',
  ),
  fc.constantFrom(
    '{"a": NaN}',
    '{"a": -Infinity, "b": [Infinity]}',
    '{"a": nan}',
    '{"a": 1,}',
    '[1, 2]',
    '{"__proto__": {"x": 1}}',
  ),
  fc.integer({ min: 10, max: 30000 }).map((depth) => deepJson(depth)),
  fc.integer({ min: 10, max: 30000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
);

export const tomlText = fc.oneof(
  anyText,
  paramsData.map((data) => safeToml(data)),
  fc.constantFrom(
    'a = 12345678901234567890123',
    'a = inf\nb = nan',
    '[a.b.c]\nx = 1',
    'a = [1, "x"]',
    'a = 1979-05-27T07:32:00Z',
  ),
  fc.integer({ min: 10, max: 20000 }).map((depth) => `a = ${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc
    .integer({ min: 10, max: 5000 })
    .map((depth) => `[${Array.from({ length: depth }, (_, index) => `k${index}`).join('.')}]\nx = 1`),
);

export const csvText = fc.oneof(
  anyText,
  fc
    .array(
      fc.array(
        fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('"', '""', '"a,b"', ',', '\n', '\r\n', '\t')),
        { maxLength: 6 },
      ),
      { maxLength: 20 },
    )
    .map((rows) => rows.map((row) => row.join(',')).join('\n')),
  fc.integer({ min: 1, max: 20_000 }).map((rows) => `step,loss\n0,"open\n${'1,2\n'.repeat(rows)}`),
);

function safeYaml(data: unknown): string {
  try {
    return stringifyYaml(data) ?? '';
  } catch {
    return '';
  }
}

function safeToml(data: unknown): string {
  try {
    return typeof data === 'object' && data !== null && !Array.isArray(data)
      ? stringifyToml(data)
      : `a = ${JSON.stringify(String(data))}`;
  } catch {
    return '';
  }
}
