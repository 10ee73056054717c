/**
 * The messages between the experiments table's host (src/experiments/table) and its webview
 * (webview/experiments). Types only: both sides import this file; the host checks what arrives with
 * `isTableWebviewMessage` (src/experiments/table/tableMessages.ts). Cell values travel encoded
 * (src/core/experimentsTable/tableValues.ts) because JSON, which embeds the first snapshot in the page, has
 * no NaN or Infinity.
 */
import type { MetricDirection } from '../experiments/metricDirection';
import type { PanelReadyMessage, PanelSaveStateMessage } from './panelMessages';

/** The type of a column's values, for sorting, alignment and filters. */
export type TableColumnType = 'number' | 'string' | 'boolean';

/** Which kind of file a column comes from; `created` is the row's own time (Created). */
export type TableColumnKind = 'params' | 'metrics' | 'deps' | 'created';

/** Per metric, which way is better (from the `dvcLens` setting); colours deltas to the baseline. */
export type { MetricDirection } from '../experiments/metricDirection';

/** One column: a param, a metric or a dependency hash. */
export interface TableColumn {
  /** Unique in the snapshot and stable across snapshots (UI state refers to it), e.g. `metrics:metrics.json:acc`. */
  readonly id: string;
  /** The header group: kind and file, e.g. `params:params.yaml`, `metrics:metrics.json`, `deps`. */
  readonly group: string;
  readonly kind: TableColumnKind;
  /** The short name in the header, e.g. `lr`. */
  readonly label: string;
  /** The full key inside its file, e.g. `train.lr`; dependency columns: the file path. */
  readonly path: string;
  readonly type: TableColumnType;
  /** Dependency hashes: hidden until the user shows them. */
  readonly hiddenByDefault?: boolean;
  /** Metrics only: which way is better. */
  readonly direction?: MetricDirection;
}

/** A value DVC wrote that JSON cannot carry as a number. */
export interface SpecialNumber {
  readonly special: 'NaN' | 'Infinity' | '-Infinity';
}

/** One cell on the wire: `null` is a missing value (no such param/metric in that revision). */
export type EncodedValue = number | string | boolean | null | SpecialNumber;

/** One cell after decoding in the webview: `undefined` is missing; numbers may be NaN or ±Infinity. */
export type CellValue = number | string | boolean | undefined;

export type TableRowKind = 'workspace' | 'commit' | 'experiment';

/** An experiment's executor state as DVC reports it; workspace and commits usually have none. */
export type TableRowState = 'queued' | 'running' | 'success' | 'failed';

/** One row: the workspace, a commit, or an experiment nested under its baseline commit. */
export interface TableRow {
  /** Unique and stable (the host's id for actions: compare, apply...), e.g. the experiment's SHA or `workspace`. */
  readonly id: string;
  /** Shown in the first column: `workspace`, a branch or short SHA, an experiment name. Plain text. */
  readonly label: string;
  /** A longer description shown on hover, e.g. the commit message. Plain text. */
  readonly description?: string;
  readonly kind: TableRowKind;
  /** The row this one is nested under (an experiment's baseline commit). */
  readonly parentId?: string;
  readonly state?: TableRowState;
  readonly sha?: string;
  /** ISO 8601. */
  readonly timestamp?: string;
  /** A run on a compute target, not yet an experiment of this repository: its target, job and state. */
  readonly remote?: TableRemoteRun;
  /** A person starred the row (kept per workspace by the host). */
  readonly starred?: boolean;
}

/** The life of a remote run as its row reads it (`queued` reads `pending` on a cluster). */
export type TableRemoteRunState = 'pending' | 'running' | 'completing' | 'succeeded' | 'failed' | 'cancelled';

/** What a remote run's row shows besides its name (the host builds it from the remote run store). */
export interface TableRemoteRun {
  readonly target: string;
  /** The target's id for the run: the Slurm job id, the run folder on an SSH host. */
  readonly jobId: string;
  readonly state: TableRemoteRunState;
  /** `cluster · job 12 · running 0:35` (plain text, the tooltip). */
  readonly summary: string;
  /** `running 0:35 · job 12 · cluster` (plain text, beside the name). */
  readonly badge: string;
}

/** Everything the table shows; the host sends a new one after every change of the experiments. */
export interface TableSnapshot {
  readonly columns: readonly TableColumn[];
  /** Parents before their children; siblings in the host's order (newest first). */
  readonly rows: readonly TableRow[];
  /**
   * The cells by column: `values[c]` is the JSON text of an `EncodedValue[]` over `rows` (in row order) for
   * `columns[c]` (built by `toTableSnapshot`). Column-wise text so the page parses only the columns it needs:
   * 10,000 rows x 300 columns is ~40 MB of JSON, and parsing all of it before the first paint takes seconds;
   * the dozen columns on screen take milliseconds. The rest is parsed when a sort, filter or export needs it.
   */
  readonly values: readonly string[];
}

export interface SortKey {
  readonly columnId: string;
  readonly descending: boolean;
}

/** The table's UI state: kept with `setState` in the webview and per workspace by the host. */
export interface TableUiState {
  /** Columns the user hid. */
  readonly hiddenColumns: readonly string[];
  /** Columns hidden by default (dependency hashes) the user showed. */
  readonly shownColumns: readonly string[];
  /** Column ids in the user's order; columns not listed follow in the snapshot's order. */
  readonly columnOrder: readonly string[];
  /** Column widths in CSS pixels, by column id (`label` for the first column). */
  readonly columnWidths: Readonly<Record<string, number>>;
  /** Columns pinned to the left, after the label column, in this order. */
  readonly pinnedColumns: readonly string[];
  /** Multi-key sort: the first key decides first. */
  readonly sort: readonly SortKey[];
  /** The filter bar's text: words match labels, `column>0.9`, `lr=0.01`, `epochs:10..20` filter by value. */
  readonly filterText: string;
  /** Show only rows in these states (empty: all). */
  readonly stateFilter: readonly TableRowState[];
  /** The pinned baseline row: deltas are computed against it. */
  readonly baselineRowId?: string;
  /** Numeric cells show the difference to the baseline instead of the value. */
  readonly deltaMode: boolean;
  /** Hide columns whose value is the same in every shown row. */
  readonly onlyDiffering: boolean;
  /** Rows whose children are folded away. */
  readonly collapsedRows: readonly string[];
  /** Show only starred rows (and the parents that hold them). */
  readonly starredOnly?: boolean;
  /** Rows whose plot toggle is on: the plots dashboard shows them (row ids). */
  readonly plottedRows?: readonly string[];
  /** Folded column sections (`params:params.yaml:train`, or a file group): each shows only its first column. */
  readonly collapsedGroups?: readonly string[];
}

/** What the page starts from, embedded in the HTML so the first paint needs no round trip. */
export interface TableInitialData {
  readonly snapshot: TableSnapshot;
  /** Set when the last refresh failed: the page shows it above the last good data. */
  readonly error?: string;
  /** The state saved for this workspace (the webview's own `getState` wins when it has one). */
  readonly uiState?: TableUiState;
  /**
   * True when `snapshot.values` is empty because each column's JSON is in the page as its own inert
   * `<script type="application/json" id="values-<column index>">`, read only when the column is needed.
   */
  readonly valuesInPage?: boolean;
}

/** Host → webview: new data (or the last good data with an error). */
export interface TableSnapshotMessage {
  readonly type: 'snapshot';
  readonly snapshot: TableSnapshot;
  readonly error?: string;
}

export type TableHostMessage = TableSnapshotMessage;

/** Webview → host: the script runs and listens; the host may now post messages. */
export type TableReadyMessage = PanelReadyMessage;

/** `modifyRun` / `modifyQueue`: Modify and Run/Queue from the one selected commit or experiment. */
export type TableActionKind =
  'compare' | 'plot' | 'apply' | 'remove' | 'star' | 'unstar' | 'modifyRun' | 'modifyQueue';

/** Webview → host: the user asked for an action on the selected rows (ids from the snapshot). */
export interface TableActionMessage {
  readonly type: 'action';
  readonly action: TableActionKind;
  readonly rowIds: readonly string[];
}

/** Webview → host: the UI state changed; the host keeps it per workspace. */
export type TableSaveStateMessage = PanelSaveStateMessage<TableUiState>;

/** Webview → host: save this CSV (the visible table) where the user picks. */
export interface TableExportCsvMessage {
  readonly type: 'exportCsv';
  readonly csv: string;
}

export type TableWebviewMessage =
  TableReadyMessage | TableActionMessage | TableSaveStateMessage | TableExportCsvMessage;
