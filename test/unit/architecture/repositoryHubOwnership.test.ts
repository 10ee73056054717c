/**
 * Issue 12, "one owner per repository": the repository hub (src/repository/) is the only place that builds a
 * DVC or git CLI or a file watcher, and the concepts' workspace-level faces keep no per-root Map. A scan of
 * the source text, so that a new `new DvcCli(` in a feature folder fails here instead of in review.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { test } from 'node:test';

const srcRoot = join(__dirname, '..', '..', '..', 'src');

/** Where each construct may appear: the hub, and the CLI classes' own folder. */
const allowedFolders = ['repository/', 'cli/'];

const ownedByHub = [/\bnew DvcCli\(/, /\bnew GitCli\(/, /\bcreateFileSystemWatcher\(/];

/** The concepts' workspace-level faces: their per-repository state lives in slices now. */
const faces = [
  'experiments/experimentsStore.ts',
  'data/dataModel.ts',
  'data/dataStatusReader.ts',
  'pipeline/status/stageStatuses.ts',
  'history/historyStore.ts',
  'pipeline/run/stageRunStates.ts',
  'plots/registerPlotFeatures.ts',
  'metrics/regressionStatusBar.ts',
  'plots/custom/registerCustomPlots.ts',
  'experiments/table/experimentsTableSources.ts',
];

/** A class field (or a closure's const) holding a Map: per-root state when it sits in a face. */
const mapField =
  /^\s*(?:(?:private|protected|public|readonly|static)\s+)*(?:const\s+)?\w+\s*(?::[^=]+)?=\s*new Map</m;

async function sourceFiles(): Promise<string[]> {
  const entries = await readdir(srcRoot, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(srcRoot, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

void test('only the repository hub builds DVC and git CLIs and file watchers', async () => {
  const offenders: string[] = [];
  for (const file of await sourceFiles()) {
    if (allowedFolders.some((folder) => file.startsWith(folder))) continue;
    const text = await readFile(join(srcRoot, file), 'utf8');
    for (const pattern of ownedByHub) if (pattern.test(text)) offenders.push(`${file}: ${pattern.source}`);
  }
  assert.deepEqual(offenders, [], 'ask the Repository (dvc(), git, onFiles) or src/repository/folderClis.ts');
});

void test('the concepts’ faces keep no per-root Map (their state is a repository slice)', async () => {
  const offenders: string[] = [];
  for (const file of faces) {
    const text = await readFile(join(srcRoot, file), 'utf8');
    const match = mapField.exec(text);
    if (match) offenders.push(`${file}: ${match[0].trim()}`);
  }
  assert.deepEqual(offenders, []);
});

void test('the scan sees what it looks for (a check that matches nothing proves nothing)', async () => {
  const hub = await readFile(join(srcRoot, 'repository', 'folderClis.ts'), 'utf8');
  assert.ok(ownedByHub[0]?.test(hub) && ownedByHub[1]?.test(hub), 'folderClis builds both CLIs');
  assert.ok(
    ownedByHub[2]?.test(await readFile(join(srcRoot, 'repository', 'workspaceRepositories.ts'), 'utf8')),
  );
  assert.ok(mapField.test('  private readonly states = new Map<string, State>();'));
  assert.ok(mapField.test('  const open = new Map<string, PlotsDashboard>();'));
  assert.ok(!mapField.test('    return new Map(targets.map((slice) => [slice.root, slice]));'));
  for (const file of faces) await readFile(join(srcRoot, file), 'utf8');
});
