/**
 * Where `dvc import-url`, `dvc get-url` and `dvc import` may write, and what DVC 3.67.1 leaves behind when
 * such a download fails or is killed: nothing for an early failure (404, refused connection), but a killed
 * download leaves an empty `.<22 random characters>.tmp` file next to the output (seen with SIGTERM, which our
 * runner sends on cancel). The import service removes exactly what appeared, never what existed before.
 */

/** Why `out` (relative to the repository root, `/`-separated) cannot be an output, or undefined. */
export function importOutputProblem(out: string): string | undefined {
  if (out.trim().length === 0) return 'Choose where the data goes.';
  if (out.startsWith('/') || /^[A-Za-z]:/.test(out)) return 'The output must be inside the repository.';
  const parts = out.split('/').filter((part) => part.length > 0 && part !== '.');
  if (parts.length === 0) return 'The output must be a file or folder inside the repository, not its root.';
  if (parts.includes('..')) return 'The output must be inside the repository.';
  if (parts[0] === '.dvc' || parts[0] === '.git') return `The output cannot be inside ${parts[0]}/.`;
  if (out.endsWith('.dvc')) return 'The output cannot end in .dvc (that is where DVC records the import).';
  return undefined;
}

/** `out` without `./`, doubled or trailing slashes: the form DVC writes into `.gitignore` and `.dvc` files. */
export function normalizeImportOutput(out: string): string {
  return out
    .split('/')
    .filter((part) => part.length > 0 && part !== '.')
    .join('/');
}

/** The line DVC adds to the `.gitignore` of the output's folder: `/<name>`. */
export function gitignoreEntry(out: string): string {
  const name = normalizeImportOutput(out).split('/').at(-1) ?? '';
  return `/${name}`;
}

/** `text` without the lines equal to `line` (keeping the file's line endings and final newline). */
export function withoutLine(text: string, line: string): string {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const trailing = lines.at(-1) === '' ? lines.pop() : undefined;
  const kept = lines.filter((candidate) => candidate !== line);
  return kept.join(newline) + (trailing !== undefined && kept.length > 0 ? newline : '');
}

/** The temporary files DVC's file systems create beside a download (`.AbCd…22….tmp`). */
export function isDvcTemporaryFile(name: string): boolean {
  return /^\.[A-Za-z0-9_-]{22}\.tmp$/.test(name);
}

/** A `.dvc` file that records an import (`import-url` or `import`): it has a `deps:` section, `dvc add` files do not. */
export function isImportRecord(dvcFileText: string): boolean {
  return /^deps:/m.test(dvcFileText);
}
