// A local ESLint rule for the architecture's fences (docs: /work/shared/design/architecture.md, "Lint fences").
// `no-restricted-imports` matches the import's text, and whether `../../x` leaves src/core depends on how deep
// the importing file is: this rule resolves each relative import against the file's folder and checks where it
// lands. Paths in the options are relative to the repository root (the folder above scripts/).
import { dirname, relative, resolve, sep } from 'node:path';

const repositoryRoot = resolve(import.meta.dirname, '..');

/** Posix path of `absolute` relative to the repository root. */
function fromRoot(absolute) {
  return relative(repositoryRoot, absolute).split(sep).join('/');
}

function isInside(path, folder) {
  return path === folder || path.startsWith(`${folder}/`);
}

/** `<parent>/<name>` when `path` is a file inside a folder directly under `parent`, else undefined. */
function topFolder(path, parent) {
  if (!path.startsWith(`${parent}/`)) return undefined;
  const [name, ...rest] = path.slice(parent.length + 1).split('/');
  return rest.length > 0 ? `${parent}/${name}` : undefined;
}

function isPackage(specifier, name) {
  return specifier === name || specifier.startsWith(`${name}/`);
}

const schema = [
  {
    type: 'object',
    additionalProperties: false,
    properties: {
      /** Relative imports must land in one of these folders (the importing file's own fence). */
      allowFolders: { type: 'array', items: { type: 'string' } },
      /** Relative imports must not land in these folders. */
      denyFolders: { type: 'array', items: { type: 'string' } },
      /** Bare specifiers refused (a name also refuses its subpaths). */
      denyPackages: { type: 'array', items: { type: 'string' } },
      /**
       * Folders under this parent (e.g. `src`) are entered from another of its folders only through their
       * `index.ts`; `exceptFolders` are shared layers anyone may import from.
       */
      entryThroughIndex: {
        type: 'object',
        additionalProperties: false,
        properties: {
          parent: { type: 'string' },
          exceptFolders: { type: 'array', items: { type: 'string' } },
        },
        required: ['parent'],
      },
      /** Folders that only `gateways` (and themselves) may import, e.g. src/cli only through src/repository. */
      reachOnlyThrough: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          properties: {
            folder: { type: 'string' },
            gateways: { type: 'array', items: { type: 'string' } },
          },
          required: ['folder', 'gateways'],
        },
      },
      /** Why the fence exists, appended to each report. */
      reason: { type: 'string' },
    },
  },
];

/** @type {import('eslint').Rule.RuleModule} */
const importFence = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps imports inside the architectural fences of DVC Lens.' },
    schema,
    messages: { fenced: "'{{specifier}}' crosses a fence: {{problem}}.{{reason}}" },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const file = fromRoot(context.filename);
    const reason = options.reason ? ` ${options.reason}` : '';

    /** What is wrong with importing `specifier` from this file, or undefined when it may. */
    function problemWith(specifier) {
      if (!specifier.startsWith('.')) {
        const denied = (options.denyPackages ?? []).find((name) => isPackage(specifier, name));
        return denied ? `package '${denied}' is not allowed here` : undefined;
      }
      const target = fromRoot(resolve(dirname(context.filename), specifier));
      const allow = options.allowFolders;
      if (allow && !allow.some((folder) => isInside(target, folder))) {
        return `it resolves to ${target}, outside ${allow.join(', ')}`;
      }
      const denied = (options.denyFolders ?? []).find((folder) => isInside(target, folder));
      if (denied) return `it resolves into ${denied}`;
      for (const gate of options.reachOnlyThrough ?? []) {
        const allowed = [gate.folder, ...gate.gateways].some((folder) => isInside(file, folder));
        if (isInside(target, gate.folder) && !allowed) {
          return `${gate.folder} is reached only through ${gate.gateways.join(', ')}`;
        }
      }
      const entry = options.entryThroughIndex;
      if (entry) {
        const own = topFolder(file, entry.parent);
        const other =
          topFolder(`${target}.ts`, entry.parent) ?? topFolder(`${target}/index.ts`, entry.parent);
        const shared = (entry.exceptFolders ?? []).includes(other ?? '');
        const throughIndex = target === other || target === `${other}/index`;
        if (other && other !== own && !shared && !throughIndex) {
          return `another feature folder is entered only through ${other}/index.ts`;
        }
      }
      return undefined;
    }

    function check(node, source) {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const problem = problemWith(source.value);
      if (problem) {
        context.report({
          node: source,
          messageId: 'fenced',
          data: { specifier: source.value, problem, reason },
        });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) =>
        check(node, node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
      TSExternalModuleReference: (node) => check(node, node.expression),
    };
  },
};

/** The plugin eslint.config.mjs registers as `dvc-lens`. */
export const importFencesPlugin = { rules: { 'import-fence': importFence } };
