/**
 * `.dvc` files as the DAG draws them (issue 13: `dvc dag` draws `data/data.xml.dvc` above `prepare`): each is a
 * data source node, tracked data (`dvc add`) or an import (`dvc import` from a git repository, `dvc
 * import-url`), with its outputs made repository-relative so stages that read them link to it.
 */
import { parseYamlWithinLimits } from '../parseLimits/yamlLimits';
import { repositoryPath } from './repositoryPaths';

export type DataSourceKind = 'tracked' | 'import' | 'importUrl';

export interface DataSource {
  /** The `.dvc` file, repository-relative: the node's id and label, as `dvc dag` prints it. */
  readonly file: string;
  readonly kind: DataSourceKind;
  /** `frozen: true` (what `dvc import` writes): DVC does not update it on repro. */
  readonly frozen: boolean;
  /** Outputs, repository-relative. */
  readonly outs: readonly string[];
  /** The repository URL (import) or the URL (import-url) it comes from. */
  readonly source?: string;
}

/** Reads one `.dvc` file; `undefined` when it is not YAML with `outs`. Never throws. */
export function parseDataSource(file: string, text: string): DataSource | undefined {
  const { doc, breach } = parseYamlWithinLimits('.dvc file', text, { prettyErrors: false });
  if (breach || doc.errors.length > 0) return undefined;
  let json: unknown;
  try {
    json = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
  if (!isRecord(json) || !Array.isArray(json.outs)) return undefined;
  const outs = json.outs.flatMap((out) => {
    const path = isRecord(out) && typeof out.path === 'string' ? repositoryPath(file, out.path) : undefined;
    return path === undefined ? [] : [path];
  });
  const deps = Array.isArray(json.deps) ? json.deps.filter(isRecord) : [];
  const repo = deps.map((dep) => dep.repo).find(isRecord);
  const url = deps.map((dep) => dep.path).find((path) => typeof path === 'string' && urlPattern.test(path));
  const kind: DataSourceKind = repo ? 'import' : deps.length > 0 ? 'importUrl' : 'tracked';
  const source = typeof repo?.url === 'string' ? repo.url : typeof url === 'string' ? url : undefined;
  return { file, kind, frozen: json.frozen === true, outs, ...(source !== undefined ? { source } : {}) };
}

const urlPattern = /^[a-z][\w+.-]*:\/\//i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
