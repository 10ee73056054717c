/**
 * Registry tags read from the files of `.git` alone, for Restricted Mode (where no process runs): tag names
 * from `refs/tags/**` and `packed-refs`, the commit from packed-refs' peeled lines or from the loose tag
 * object (zlib, read asynchronously), the tagger and date from that object. A tag object that only a pack
 * holds gives its commit (peeled) but no date: the view still shows the version and its stages.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { inflate } from 'node:zlib';
import { parseRegistryTagName } from '../core/registry/gtoTagName';
import type { RegistryTag } from '../core/registry/registryTypes';

const inflateAsync = promisify(inflate);

/** The git folder holding the refs of the work tree around `folder` (its common dir for a worktree). */
export async function findGitDir(folder: string): Promise<string | undefined> {
  let current = resolve(folder);
  for (let depth = 0; depth < 32; depth++) {
    const candidate = join(current, '.git');
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isDirectory()) return candidate;
    if (info?.isFile()) {
      const pointer = /^gitdir:\s*(.+)$/m.exec(await readFile(candidate, 'utf8'))?.[1]?.trim();
      if (!pointer) return undefined;
      const gitDir = resolve(current, pointer);
      const common = (await readFile(join(gitDir, 'commondir'), 'utf8').catch(() => '')).trim();
      return common ? resolve(gitDir, common) : gitDir;
    }
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
  return undefined;
}

interface TagRef {
  readonly name: string;
  readonly object: string;
  readonly peeled?: string;
}

async function packedTagRefs(gitDir: string): Promise<{ refs: TagRef[]; fullyPeeled: boolean }> {
  const text = await readFile(join(gitDir, 'packed-refs'), 'utf8').catch(() => '');
  const refs: TagRef[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('^') && refs.length > 0) {
      const last = refs.pop();
      if (last) refs.push({ ...last, peeled: line.slice(1).trim() });
      continue;
    }
    const match = /^([0-9a-f]{40,64}) refs\/tags\/(.+)$/.exec(line.trim());
    if (match?.[1] && match[2]) refs.push({ name: match[2], object: match[1] });
  }
  return { refs, fullyPeeled: /^# pack-refs with:.*\bpeeled\b/m.test(text) };
}

async function looseTagRefs(gitDir: string): Promise<TagRef[]> {
  const base = join(gitDir, 'refs', 'tags');
  const entries = await readdir(base, { recursive: true, withFileTypes: true }).catch(() => []);
  const refs = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const path = join(entry.parentPath, entry.name);
        const object = (await readFile(path, 'utf8').catch(() => '')).trim();
        const name = path
          .slice(base.length + 1)
          .split('\\')
          .join('/');
        return /^[0-9a-f]{40,64}$/.test(object) ? [{ name, object }] : [];
      }),
  );
  return refs.flat();
}

/** A loose object's type and body, or undefined when only a pack holds it. */
async function looseObject(gitDir: string, sha: string): Promise<{ type: string; body: string } | undefined> {
  const compressed = await readFile(join(gitDir, 'objects', sha.slice(0, 2), sha.slice(2))).catch(
    () => undefined,
  );
  if (!compressed) return undefined;
  const raw = (await inflateAsync(compressed)).toString('utf8');
  const header = raw.indexOf('\0');
  return { type: raw.slice(0, raw.indexOf(' ')), body: raw.slice(header + 1) };
}

function tagFromObject(name: string, body: string): RegistryTag | undefined {
  const [headers = '', ...message] = body.split('\n\n');
  const commit = /^object ([0-9a-f]+)$/m.exec(headers)?.[1];
  const tagger = /^tagger (.*) <([^>]*)> (\d+) [+-]\d{4}$/m.exec(headers);
  if (!commit) return undefined;
  return {
    name,
    commit,
    ...(tagger?.[1] ? { author: tagger[1] } : {}),
    ...(tagger?.[2] ? { authorEmail: tagger[2] } : {}),
    ...(tagger?.[3] ? { taggedAt: Number(tagger[3]) } : {}),
    message: message.join('\n\n').trim(),
  };
}

/** The registry tags (GTO names, annotated) of the work tree around `folder`, from files only. */
export async function readRegistryTagFiles(folder: string): Promise<RegistryTag[]> {
  const gitDir = await findGitDir(folder);
  if (!gitDir) return [];
  const packed = await packedTagRefs(gitDir);
  const loose = await looseTagRefs(gitDir);
  const byName = new Map<string, TagRef>(packed.refs.map((ref) => [ref.name, ref]));
  for (const ref of loose) byName.set(ref.name, ref);
  const tags = await Promise.all(
    [...byName.values()]
      .filter((ref) => parseRegistryTagName(ref.name))
      .map(async (ref): Promise<RegistryTag | undefined> => {
        const object = await looseObject(gitDir, ref.object).catch(() => undefined);
        if (object) return object.type === 'tag' ? tagFromObject(ref.name, object.body) : undefined;
        if (ref.peeled) return { name: ref.name, commit: ref.peeled };
        // Packed without a peeled line: a lightweight tag when git wrote peeled lines, unknown otherwise.
        return packed.fullyPeeled ? undefined : { name: ref.name, commit: ref.object };
      }),
  );
  return tags.flatMap((tag) => (tag ? [tag] : []));
}
