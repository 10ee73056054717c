/**
 * Typing a command's whole title in the palette must put that command first (issue 13: "DVC Lens: Run
 * Experiment" ranked "Kill Running Experiment" first, and Enter ran it). This applies the palette's rule as
 * VS Code documents and ships it: a command matches when the typed text is a prefix of its label, a
 * contiguous substring of it, or its words in order, each typed word starting a word of the label (words may
 * be skipped); matches are then listed by label in alphabetical order (recently used commands aside).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

interface ContributedCommand {
  readonly command: string;
  readonly title: string;
  readonly category?: string;
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { commands: ContributedCommand[] };
};
const labels = manifest.contributes.commands.map((command) => ({
  id: command.command,
  label: command.category ? `${command.category}: ${command.title}` : command.title,
}));

const separators = new Set([...'()[]{}<>`\'"-/;:,.?!…', ' ', '\t']);
const isSeparator = (char: string | undefined): boolean => char !== undefined && separators.has(char);
const sameChar = (a: string | undefined, b: string | undefined): boolean =>
  a === b || (isSeparator(a) && isSeparator(b));

/** The next index at or after `from` where a word starts (or a separator stands). */
function nextWordStart(text: string, from: number): number {
  for (let index = from; index < text.length; index++)
    if (isSeparator(text[index]) || (index > 0 && isSeparator(text[index - 1]))) return index;
  return text.length;
}

function wordsFrom(query: string, label: string, q: number, t: number): boolean {
  if (q === query.length) return true;
  if (t === label.length || !sameChar(query[q], label[t])) return false;
  if (wordsFrom(query, label, q + 1, t + 1)) return true;
  for (let next = nextWordStart(label, t + 1); next < label.length; next = nextWordStart(label, next + 1))
    if (wordsFrom(query, label, q + 1, next)) return true;
  return false;
}

function matchesWords(query: string, label: string): boolean {
  for (let start = 0; start < label.length; start = nextWordStart(label, start + 1))
    if (wordsFrom(query, label, 0, start)) return true;
  return false;
}

function paletteOrder(typed: string): string[] {
  const query = typed.toLowerCase();
  return labels
    .filter(({ label }) => {
      const text = label.toLowerCase();
      return text.startsWith(query) || text.includes(query) || matchesWords(query, text);
    })
    .sort((a, b) => a.label.localeCompare(b.label))
    .map(({ id }) => id);
}

void test('the rule itself: word prefixes in order match, skipped words allowed, alphabetical order', () => {
  assert.ok(matchesWords('run exp', 'dvc lens: kill running experiment'));
  assert.ok(!matchesWords('run exp', 'dvc lens: queue experiment'));
});

for (const [typed, expected] of [
  ['DVC Lens: Run Experiment', 'dvcLens.runExperiment'],
  ['Run Experiment', 'dvcLens.runExperiment'],
  ['DVC Lens: Show Log', 'dvcLens.showLog'],
  ['Show Log', 'dvcLens.showLog'],
  ['DVC Lens: Pull', 'dvcLens.pull'],
  ['DVC Lens: Show Plots', 'dvcLens.showPlots'],
] as const)
  void test(`typing "${typed}" ranks ${expected} first`, () => {
    const order = paletteOrder(typed);
    assert.equal(order[0], expected, order.slice(0, 5).join(', '));
  });
