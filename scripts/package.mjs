// Packages the (already built, production) extension into dvc-lens-<version>.vsix at the repository root with
// vsce. The esbuild bundle carries the runtime dependencies, so vsce runs with --no-dependencies and
// .vscodeignore keeps the package to dist/, media/, package.json, README, LICENSE and CHANGELOG. The result is
// checked: the files the manifest needs must be inside, sources and node_modules must not.
//
// Usage: node scripts/package.mjs   (npm run package builds first)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsix = join(root, `${manifest.name}-${manifest.version}.vsix`);

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

const main = manifest.main ? join(root, manifest.main) : undefined;
if (main && !existsSync(main) && !existsSync(`${main}.js`))
  fail(`${manifest.main} is missing: run \`npm run package\` (it builds first)`);

const vsceCli = join(dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
const args = ['package', '--no-dependencies', '--out', vsix];
// The manifest has no repository field (the project is not published from a public repository yet).
// Without it vsce cannot turn the README's relative links into absolute ones, and refuses them; keep them
// relative instead (VS Code resolves them inside the installed extension, and media/ is packaged).
if (!manifest.repository) args.push('--allow-missing-repository', '--no-rewrite-relative-links');
const hasLicense = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'].some((name) => existsSync(join(root, name)));
if (!hasLicense) args.push('--skip-license');

rmSync(vsix, { force: true });
// stdin closed: should vsce ever ask a question, it fails instead of waiting for an answer.
const result = spawnSync(process.execPath, [vsceCli, ...args], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (result.status !== 0) fail(`vsce package failed (exit ${result.status ?? result.signal})`);
if (!existsSync(vsix)) fail(`vsce did not write ${vsix}`);

// A .vsix is a zip; list it with Python's zipfile (Python is on the machine for DVC anyway).
const listing = execFileSync(
  'python3',
  ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', vsix],
  { encoding: 'utf8' },
)
  .split('\n')
  .filter(Boolean);
const inside = new Set(listing);
const required = ['extension.vsixmanifest', 'extension/package.json'];
if (main) required.push(`extension/${relative(root, existsSync(main) ? main : `${main}.js`)}`);
const missing = required.filter((name) => !inside.has(name));
if (missing.length > 0) fail(`the package lacks ${missing.join(', ')}`);
const allowed =
  /^(extension\.vsixmanifest|\[Content_Types\]\.xml|extension\/(dist\/(?!.*\.map$)|media\/|package\.json$|readme\.md$|changelog\.md$|license(\.md|\.txt)?$))/i;
const unexpected = listing.filter((name) => !allowed.test(name));
if (unexpected.length > 0)
  fail(`unexpected files in the package (fix .vscodeignore):\n  ${unexpected.join('\n  ')}`);

const sizeKb = Math.round(statSync(vsix).size / 1024);
console.log(`package: ${relative(process.cwd(), vsix) || vsix} (${listing.length} files, ${sizeKb} KB)`);
