import * as vscode from 'vscode';
import type { Pipeline } from '../core/pipeline/model';
import { readPipeline } from './pipelineReader';
import type { RootScan } from './workspaceScan';

/**
 * The model of one DVC root: its pipelines, read from files. It owns its state and tells listeners when it
 * changed; views render from it and never read files themselves.
 */
export class Repository implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Repository>();
  readonly onDidChange = this.changed.event;

  private pipelineFiles: readonly vscode.Uri[];
  private pipelinesByFile = new Map<string, Pipeline>();
  /** Every file (dvc.yaml or params) whose change alters a pipeline, mapped to the dvc.yaml files it feeds. */
  private dependents = new Map<string, Set<string>>();
  private generation = 0;

  constructor(private scan: RootScan) {
    this.pipelineFiles = scan.pipelineFiles;
  }

  get root(): vscode.Uri {
    return this.scan.root;
  }

  get workspaceFolder(): vscode.WorkspaceFolder {
    return this.scan.workspaceFolder;
  }

  get isDvcRepository(): boolean {
    return this.scan.isDvcRepository;
  }

  /** The pipelines in a stable order (by dvc.yaml path). */
  get pipelines(): readonly Pipeline[] {
    return this.pipelineFiles.flatMap((uri) => this.pipelinesByFile.get(uri.toString()) ?? []);
  }

  /** Replaces the set of dvc.yaml files after a rescan and re-reads all of them. */
  async update(scan: RootScan): Promise<void> {
    this.scan = scan;
    this.pipelineFiles = scan.pipelineFiles;
    this.dependents = new Map();
    await this.reload(this.pipelineFiles);
  }

  /** Whether `uri` is one of the dvc.yaml files or a folder holding one (for folder deletions). */
  hasPipelineFileUnder(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return this.pipelineFiles.some(
      (file) => file.toString() === key || file.toString().startsWith(`${key}/`),
    );
  }

  /** Whether a change to this file can change one of the pipelines. */
  isAffectedBy(uri: vscode.Uri): boolean {
    return this.dependents.has(uri.toString());
  }

  /** Re-reads the pipelines that depend on the changed files (all of them when called without files). */
  async refresh(changed?: Iterable<vscode.Uri>): Promise<void> {
    if (!changed) return this.reload(this.pipelineFiles);
    const targets = new Set<string>();
    for (const uri of changed)
      for (const file of this.dependents.get(uri.toString()) ?? []) targets.add(file);
    return this.reload(this.pipelineFiles.filter((uri) => targets.has(uri.toString())));
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async reload(files: readonly vscode.Uri[]): Promise<void> {
    if (files.length === 0 && this.pipelinesByFile.size === this.pipelineFiles.length) return;
    const generation = ++this.generation;
    const reads = await Promise.all(files.map((file) => readPipeline(this.root, file)));
    // A newer reload started while this one read files: its result wins, this one is dropped.
    if (generation !== this.generation && files.length === this.pipelineFiles.length) return;
    const present = new Set(this.pipelineFiles.map((uri) => uri.toString()));
    for (const key of [...this.pipelinesByFile.keys()])
      if (!present.has(key)) this.pipelinesByFile.delete(key);
    files.forEach((file, index) => {
      const read = reads[index];
      if (read) this.pipelinesByFile.set(file.toString(), read.pipeline);
      for (const source of read?.sourceFiles ?? []) {
        const set = this.dependents.get(source.toString()) ?? new Set<string>();
        set.add(file.toString());
        this.dependents.set(source.toString(), set);
      }
    });
    this.changed.fire(this);
  }
}
