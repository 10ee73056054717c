/**
 * The manifest and the code cannot drift: every command package.json contributes is declared exactly once in
 * a `<concept>CommandIds.ts`, every declared id is contributed, and no command id is written as a string
 * literal anywhere else (a registration or an `executeCommand` with a literal would escape this check).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { commandIds, commandIdsByConcept } from '../../../src/commandIds';

const repositoryRoot = join(__dirname, '..', '..', '..');
const sourceRoot = join(repositoryRoot, 'src');

/**
 * Panel hosts another branch owns right now (issue 12): they still name `dvcLens.showDag`/`dvcLens.showLog`
 * with a literal. Take them off this list when they import the ids.
 */
const LITERALS_NOT_YET_MOVED = new Set([
  'src/pipeline/dag/dagPanel.ts',
  'src/plots/dashboard/plotsDashboard.ts',
]);

interface Manifest {
  contributes: { commands: { command: string }[] };
}

function contributed(): string[] {
  const manifest = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as Manifest;
  return manifest.contributes.commands.map((command) => command.command);
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Source without its comments: doc comments may name a command in backticks. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

void test('every contributed command is declared once, and every declared id is contributed', () => {
  const declared = Object.values(commandIdsByConcept).flatMap((ids) => Object.values(ids) as string[]);
  const twice = declared.filter((id, index) => declared.indexOf(id) !== index);
  assert.deepEqual(twice, [], 'an id declared in two concepts');
  assert.deepEqual([...declared].sort(), [...contributed()].sort());
  assert.deepEqual(Object.values(commandIds).sort(), [...contributed()].sort());
});

void test('every <concept>CommandIds.ts file is gathered in commandIds.ts', () => {
  const files = sourceFiles(sourceRoot)
    .filter((file) => file.endsWith('CommandIds.ts'))
    .map((file) => relative(repositoryRoot, file).split('\\').join('/'))
    .sort();
  const gathered = readFileSync(join(sourceRoot, 'commandIds.ts'), 'utf8');
  for (const file of files) {
    const module = file.replace(/^src\//, './').replace(/\.ts$/, '');
    assert.ok(gathered.includes(`from '${module}'`), `${file} is not imported by src/commandIds.ts`);
  }
  assert.ok(files.length >= Object.keys(commandIdsByConcept).length);
});

void test('no command id is written as a string literal outside the CommandIds files', () => {
  const ids = new Set(contributed());
  const offenders: string[] = [];
  for (const file of sourceFiles(sourceRoot)) {
    const path = relative(repositoryRoot, file).split('\\').join('/');
    if (path.endsWith('CommandIds.ts') || LITERALS_NOT_YET_MOVED.has(path)) continue;
    const text = withoutComments(readFileSync(file, 'utf8'));
    for (const match of text.matchAll(/['"`](dvcLens\.[A-Za-z.]+)['"`]/g))
      if (match[1] !== undefined && ids.has(match[1])) offenders.push(`${path}: ${match[1]}`);
  }
  assert.deepEqual(offenders, []);
});

void test('no command is registered under a string literal', () => {
  const registration =
    /\b(registerCommand|register|registerTrusted|repositoryCommand|registerStateCommand)\(\s*['"`]/;
  const offenders = sourceFiles(sourceRoot)
    .filter((file) => registration.test(readFileSync(file, 'utf8')))
    .map((file) => relative(repositoryRoot, file));
  assert.deepEqual(offenders, []);
});
