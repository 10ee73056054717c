/**
 * The walkthrough cannot point at nothing: every `command:` link and completion event of every step names a
 * command the extension contributes (or the focus command of a view it contributes), every step's media file
 * exists, and the steps cover what the walkthrough promises.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const repositoryRoot = join(__dirname, '..', '..', '..');

interface Step {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly media: { readonly markdown?: string; readonly image?: string };
  readonly completionEvents?: readonly string[];
}

interface Manifest {
  readonly contributes: {
    readonly commands: readonly { readonly command: string }[];
    readonly views: Readonly<Record<string, readonly { readonly id: string }[]>>;
    readonly walkthroughs: readonly { readonly id: string; readonly steps: readonly Step[] }[];
  };
}

const manifest = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as Manifest;
const commands = new Set(manifest.contributes.commands.map((command) => command.command));
const views = new Set(
  Object.values(manifest.contributes.views).flatMap((list) => list.map((view) => view.id)),
);
const steps = manifest.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps);

/** A contributed command, or `<view>.focus` of a contributed view (VS Code makes those for every view). */
function exists(command: string): boolean {
  if (commands.has(command)) return true;
  const focused = /^(.+)\.focus$/.exec(command);
  return focused?.[1] !== undefined && views.has(focused[1]);
}

void test('every command link of every walkthrough step names a command that exists', () => {
  for (const step of steps) {
    const links = [...step.description.matchAll(/\(command:([^)?\s]+)/g)].map((match) => match[1] ?? '');
    assert.ok(links.length > 0, `step ${step.id} offers at least one command`);
    for (const command of links) assert.ok(exists(command), `step ${step.id}: ${command} does not exist`);
  }
});

void test('every completion event names a contributed command or view', () => {
  for (const step of steps) {
    for (const event of step.completionEvents ?? []) {
      const [kind, name = ''] = event.split(':');
      if (kind === 'onCommand') assert.ok(exists(name), `step ${step.id}: ${event}`);
      else if (kind === 'onView') assert.ok(views.has(name), `step ${step.id}: ${event}`);
      else assert.fail(`step ${step.id}: unexpected completion event ${event}`);
    }
  }
});

void test("every step's media file exists and is not empty", () => {
  for (const step of steps) {
    const file = step.media.markdown ?? step.media.image;
    assert.ok(file, `step ${step.id} has media`);
    const path = join(repositoryRoot, file);
    assert.ok(existsSync(path), `${file} exists`);
    assert.ok(readFileSync(path, 'utf8').trim().length > 0, `${file} is not empty`);
  }
});

void test('the steps cover setup, pipeline, data and remotes, experiments, plots, metrics on commits and CI', () => {
  assert.deepEqual(
    steps.map((step) => step.id),
    ['findDvc', 'initialize', 'pipeline', 'data', 'experiments', 'plots', 'metricsHistory', 'ci'],
  );
});
