import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  commandPathCandidates,
  splitList,
  stageAddArguments,
  validateCommand,
  validateDraft,
  validateParam,
  validatePath,
  validateStageName,
  type StageDraft,
} from '../../../src/pipeline/stageEditing/stageDraft';

const draft: StageDraft = {
  name: 'featurize',
  command: 'python3 src/featurize.py data/prepared data/features',
  deps: ['src/featurize.py', 'data/prepared'],
  outs: ['data/features'],
  params: [],
  metrics: [],
  plots: [],
};

void test('stage names: what DVC 3.67.1 accepts and refuses', () => {
  for (const name of ['train', 'train-2', 'fit_model', '1st', 'ñandú', 'two words'])
    assert.equal(validateStageName(name, []), undefined, name);
  // Each of these was refused by `dvc stage add -n <name>` ("cannot contain punctuation characters").
  for (const name of ['a/b', 'a:b', 'a@b', 'a.b', 'a,b', 'a#b', 'a\\b', 'a$b', 'a*b', 'a+b', '@'])
    assert.match(validateStageName(name, []) ?? '', /does not accept/, name);
  assert.match(validateStageName('', []) ?? '', /needs a name/);
  assert.match(validateStageName('   ', []) ?? '', /needs a name/);
  assert.match(validateStageName(' train', []) ?? '', /start or end with a space/);
  assert.match(validateStageName('-x', []) ?? '', /cannot start with '-'/);
  assert.match(validateStageName('train', ['prepare', 'train']) ?? '', /already has a stage named 'train'/);
});

void test('paths: relative and inside the repository', () => {
  for (const path of ['data/raw.csv', './model', 'a/../b', 'sub dir/file.txt', '.hidden'])
    assert.equal(validatePath(path), undefined, path);
  assert.match(validatePath('') ?? '', /empty/);
  assert.match(validatePath('/etc/passwd') ?? '', /absolute/);
  assert.match(validatePath('C:\\data') ?? '', /absolute/);
  assert.match(validatePath('~/data') ?? '', /absolute/);
  assert.match(validatePath('../outside') ?? '', /outside the repository/);
  assert.match(validatePath('a/../../outside') ?? '', /outside the repository/);
  assert.match(validatePath('..\\outside') ?? '', /outside the repository/);
  assert.match(validatePath('.') ?? '', /repository folder itself/);
});

void test('params entries: a key, or file:key with a path inside the repository', () => {
  assert.equal(validateParam('train.epochs'), undefined);
  assert.equal(validateParam('conf/train.yaml:lr'), undefined);
  assert.match(validateParam('params.yaml:') ?? '', /names no params key/);
  assert.match(validateParam('../p.yaml:lr') ?? '', /outside the repository/);
});

void test('a whole draft reports its first problem', () => {
  assert.equal(validateDraft(draft, ['prepare']), undefined);
  assert.match(validateDraft({ ...draft, name: 'a/b' }, []) ?? '', /does not accept '\/'/);
  assert.match(validateDraft({ ...draft, command: ' ' }, []) ?? '', /needs a command/);
  assert.match(validateDraft({ ...draft, outs: ['../x'] }, []) ?? '', /outside/);
  assert.match(validateDraft({ ...draft, params: ['p.yaml:'] }, []) ?? '', /names no params key/);
});

void test('free-text lists split on commas and drop blanks', () => {
  assert.deepEqual(splitList(' a.csv, b/c ,, '), ['a.csv', 'b/c']);
  assert.deepEqual(splitList(''), []);
});

void test('stage add arguments join the keys of one params file', () => {
  const definition = stageAddArguments({
    ...draft,
    command: '  python3 x.py ',
    params: ['train.epochs', 'conf.yaml:lr', 'train.lr', 'conf.yaml:batch'],
    metrics: ['metrics.json'],
  });
  assert.deepEqual(definition, {
    name: 'featurize',
    command: 'python3 x.py',
    deps: draft.deps,
    outs: draft.outs,
    params: ['train.epochs,train.lr', 'conf.yaml:lr,batch'],
    metrics: ['metrics.json'],
    plots: [],
  });
  assert.deepEqual(stageAddArguments(draft).params, []);
});

void test('command words that may be files of the repository, in order', () => {
  assert.deepEqual(commandPathCandidates('python3 src/train.py data/prepared/train.csv model/model.json'), [
    'python3',
    'src/train.py',
    'data/prepared/train.csv',
    'model/model.json',
  ]);
  assert.deepEqual(commandPathCandidates('python -m pkg.run --config=conf/a.yaml "my file.py" | tee log'), [
    'python',
    'pkg.run',
    'conf/a.yaml',
    'my file.py',
    'tee',
    'log',
  ]);
  assert.deepEqual(commandPathCandidates('cat /etc/hosts ../up.txt $HOME/x && echo'), ['cat', 'echo']);
});

void test('a command that DVC would read as its own option is refused before DVC runs', () => {
  assert.equal(validateCommand('python train.py --help'), undefined);
  for (const command of ['--help', '-n x', '  --version'])
    assert.match(validateCommand(command) ?? '', /cannot start with '-'/, command);
  assert.match(validateDraft({ ...draft, command: '--help' }, []) ?? '', /cannot start with '-'/);
});
