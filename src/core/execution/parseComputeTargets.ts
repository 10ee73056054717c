/**
 * `dvcLens.computeTargets` as a person wrote it (JSON from settings.json, so anything) into typed target
 * settings. An entry with a bad field is left out whole and named in a problem: a half-understood target must
 * not run anything. Values end up in `ssh` and `sbatch` arguments and in the job script's `#SBATCH` lines, so
 * a value `ssh` could take for an option (`-oProxyCommand=…`) or one holding a line break is refused here.
 */
import type {
  RemoteTargetSettings,
  SlurmTargetSettings,
  SshConnection,
  SshTargetSettings,
} from './computeTargetSettings';

/** The setting's key, for problem texts and the reader. */
export const COMPUTE_TARGETS_SETTING = 'dvcLens.computeTargets';

export interface ParsedComputeTargets {
  /** The entries that are fine, in the setting's order. */
  readonly targets: readonly RemoteTargetSettings[];
  /** One line per problem, naming the entry (`#2 "gpu-box"`) and the field. */
  readonly problems: readonly string[];
}

const COMMON_FIELDS = ['name', 'kind', 'workFolder', 'dvcCommand', 'gitRemote', 'setup'];
const SSH_FIELDS = [...COMMON_FIELDS, 'ssh'];
const SLURM_FIELDS = [...COMMON_FIELDS, 'login', 'partition', 'timeLimit', 'cpus', 'gres', 'sbatchOptions'];
const CONNECTION_FIELDS = ['host', 'user', 'port', 'identityFile', 'configFile'];

/** Slurm's `--time` forms: `minutes`, `m:s`, `h:m:s`, `d-h`, `d-h:m`, `d-h:m:s`. */
const TIME_LIMIT = /^(\d+-\d+(:\d+){0,2}|\d+(:\d+){0,2})$/;
/** `gpu:1`, `gpu:a100:2`, `gpu:1,mps:100`. */
const GRES = /^[A-Za-z0-9_.:,-]+$/;

/** A field's value was refused: `field` names it as the person wrote it (`ssh.port`). */
class FieldProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function parseComputeTargets(value: unknown): ParsedComputeTargets {
  if (value === undefined || value === null) return { targets: [], problems: [] };
  if (!Array.isArray(value))
    return {
      targets: [],
      problems: [`${COMPUTE_TARGETS_SETTING} must be a list of targets; it is ignored.`],
    };
  const targets: RemoteTargetSettings[] = [];
  const problems: string[] = [];
  const names = new Set<string>();
  value.forEach((entry: unknown, index) => {
    const label = entryLabel(entry, index);
    try {
      const target = parseEntry(entry, (field) =>
        problems.push(`${COMPUTE_TARGETS_SETTING} ${label}: unknown field '${field}' (ignored).`),
      );
      if (names.has(target.name.toLowerCase()))
        throw new FieldProblem('name', `the name is used by an earlier target; names must be unique`);
      names.add(target.name.toLowerCase());
      targets.push(target);
    } catch (error) {
      if (!(error instanceof FieldProblem)) throw error;
      const where = error.field ? `'${error.field}' ` : '';
      problems.push(`${COMPUTE_TARGETS_SETTING} ${label}: ${where}${error.message}; the target is left out.`);
    }
  });
  return { targets, problems };
}

/** `#2 "gpu-box"`: the position (from 1) and the name when it has one. */
function entryLabel(entry: unknown, index: number): string {
  const name = isRecord(entry) && typeof entry.name === 'string' ? entry.name.trim() : '';
  return name ? `#${index + 1} "${name}"` : `#${index + 1}`;
}

function parseEntry(entry: unknown, unknownField: (field: string) => void): RemoteTargetSettings {
  if (!isRecord(entry)) throw new FieldProblem('', 'is not an object');
  const kind = entry.kind;
  if (kind !== 'ssh' && kind !== 'slurm')
    throw new FieldProblem(
      'kind',
      kind === 'kubernetes'
        ? "must be 'ssh' or 'slurm' (Kubernetes is not supported yet)"
        : "must be 'ssh' or 'slurm'",
    );
  for (const field of Object.keys(entry))
    if (!(kind === 'ssh' ? SSH_FIELDS : SLURM_FIELDS).includes(field)) unknownField(field);
  const base = {
    name: requiredText(entry, 'name'),
    workFolder: requiredText(entry, 'workFolder', { noLeadingDash: true }),
    ...optional('dvcCommand', optionalText(entry, 'dvcCommand', { noLeadingDash: true })),
    ...optional('gitRemote', optionalText(entry, 'gitRemote', { noLeadingDash: true })),
    ...optional('setup', optionalLines(entry, 'setup')),
  };
  if (!/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/.test(base.name))
    throw new FieldProblem(
      'name',
      'must start with a letter or digit and hold only letters, digits, spaces, dots, dashes and underscores (64 at most)',
    );
  if (kind === 'ssh') {
    if (entry.ssh === undefined) throw new FieldProblem('ssh', 'is missing (host, user, port, identityFile)');
    const ssh: SshTargetSettings = { ...base, kind, ssh: connection(entry.ssh, 'ssh', unknownField) };
    return ssh;
  }
  const cpus = entry.cpus;
  if (cpus !== undefined && (typeof cpus !== 'number' || !Number.isInteger(cpus) || cpus < 1))
    throw new FieldProblem('cpus', 'must be a whole number, 1 or more');
  const timeLimit = optionalText(entry, 'timeLimit');
  if (timeLimit !== undefined && !TIME_LIMIT.test(timeLimit))
    throw new FieldProblem('timeLimit', "must be in Slurm's words: 30, 2:00:00 or 1-00:00:00");
  const gres = optionalText(entry, 'gres');
  if (gres !== undefined && !GRES.test(gres))
    throw new FieldProblem('gres', 'must look like gpu:1 or gpu:a100:2');
  const sbatchOptions = optionalLines(entry, 'sbatchOptions');
  const notOption = sbatchOptions?.find((option) => !/^--?[A-Za-z]/.test(option));
  if (notOption !== undefined)
    throw new FieldProblem('sbatchOptions', `'${notOption}' is not an sbatch option (--account=ml)`);
  const slurm: SlurmTargetSettings = {
    ...base,
    kind,
    ...optional(
      'login',
      entry.login === undefined ? undefined : connection(entry.login, 'login', unknownField),
    ),
    ...optional('partition', optionalText(entry, 'partition', { noLeadingDash: true })),
    ...optional('timeLimit', timeLimit),
    ...optional('cpus', cpus),
    ...optional('gres', gres),
    ...optional('sbatchOptions', sbatchOptions),
  };
  return slurm;
}

function connection(value: unknown, field: string, unknownField: (field: string) => void): SshConnection {
  if (!isRecord(value)) throw new FieldProblem(field, 'must be an object with a host');
  for (const key of Object.keys(value)) if (!CONNECTION_FIELDS.includes(key)) unknownField(`${field}.${key}`);
  const host = requiredText(value, 'host', { noLeadingDash: true, field: `${field}.host` });
  if (/\s|@/.test(host))
    throw new FieldProblem(`${field}.host`, 'must be a host name, address or ssh config alias (no user@)');
  const user = optionalText(value, 'user', { noLeadingDash: true, field: `${field}.user` });
  if (user !== undefined && /\s|@/.test(user))
    throw new FieldProblem(`${field}.user`, 'must be a user name (no spaces, no @)');
  const port = value.port;
  if (port !== undefined && (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535))
    throw new FieldProblem(`${field}.port`, 'must be a whole number from 1 to 65535');
  return {
    host,
    ...optional('user', user),
    ...optional('port', port),
    ...optional(
      'identityFile',
      optionalText(value, 'identityFile', { noLeadingDash: true, field: `${field}.identityFile` }),
    ),
    ...optional(
      'configFile',
      optionalText(value, 'configFile', { noLeadingDash: true, field: `${field}.configFile` }),
    ),
  };
}

interface TextRules {
  /** Refuse `-x`: the value lands in a command line where a program could read it as an option. */
  readonly noLeadingDash?: boolean;
  /** The field's name in the problem, when it is nested. */
  readonly field?: string;
}

function requiredText(record: Record<string, unknown>, key: string, rules: TextRules = {}): string {
  const text = optionalText(record, key, rules);
  if (text === undefined) throw new FieldProblem(rules.field ?? key, 'is missing');
  return text;
}

function optionalText(
  record: Record<string, unknown>,
  key: string,
  rules: TextRules = {},
): string | undefined {
  const field = rules.field ?? key;
  const value = record[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new FieldProblem(field, 'must be text');
  const text = value.trim();
  if (text.length === 0) throw new FieldProblem(field, 'is empty');
  if (/[\r\n\0]/.test(text)) throw new FieldProblem(field, 'must be one line');
  if (rules.noLeadingDash && text.startsWith('-'))
    throw new FieldProblem(field, 'must not start with "-" (a program would read it as an option)');
  return text;
}

function optionalLines(record: Record<string, unknown>, key: string): string[] | undefined {
  const value = record[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((line) => typeof line !== 'string'))
    throw new FieldProblem(key, 'must be a list of text lines');
  const lines = (value as string[]).map((line) => line.trim()).filter((line) => line.length > 0);
  if (lines.some((line) => /[\r\n\0]/.test(line)))
    throw new FieldProblem(key, 'each entry must be one line (no line breaks inside)');
  return lines;
}

/** `{ key: value }`, or nothing when the value is absent (the settings types have no `undefined` fields). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The levels of the setting as VS Code's `inspect()` gives them. */
export interface InspectedSetting {
  readonly defaultValue?: unknown;
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

/**
 * The value that counts: trusted, the most specific level (folder, workspace, user, default); untrusted, the
 * user's own or the default only, whatever a workspace or folder says (it says what runs where).
 */
export function computeTargetsValue(inspected: InspectedSetting | undefined, trusted: boolean): unknown {
  if (!inspected) return undefined;
  if (!trusted) return inspected.globalValue ?? inspected.defaultValue;
  return (
    inspected.workspaceFolderValue ??
    inspected.workspaceValue ??
    inspected.globalValue ??
    inspected.defaultValue
  );
}
