/**
 * The Models view: each artifact the registry knows (declared in a dvc.yaml or named by tags), its latest
 * version and stages in the description, its declaration in the tooltip; under it its versions with their
 * stage badges, commit, author, date and the commit's headline metric. Deprecated ones are marked. It paints
 * in Restricted Mode too (the tags are read from files there), but its actions are then refused.
 */
import * as vscode from 'vscode';
import type { RegistryArtifact, RegistryVersion } from '../core/registry/registryTypes';
import type { RegistryStore, RepositoryRegistry } from './registryStore';

export type ModelsNode =
  | { readonly kind: 'repository'; readonly id: string; readonly root: string; readonly name: string }
  | { readonly kind: 'note'; readonly id: string; readonly message: string; readonly icon: string }
  | {
      readonly kind: 'artifact';
      readonly id: string;
      readonly root: vscode.Uri;
      readonly artifact: RegistryArtifact;
    }
  | {
      readonly kind: 'version';
      readonly id: string;
      readonly root: vscode.Uri;
      readonly artifact: string;
      readonly version: RegistryVersion;
    };

/** The headline metric of a commit, as the Experiments view shows it (`accuracy 0.91`), when it is known. */
export type CommitMetric = (root: vscode.Uri, sha: string) => string | undefined;

export class ModelsTreeProvider implements vscode.TreeDataProvider<ModelsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ModelsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly store: RegistryStore,
    private readonly metricOf: CommitMetric,
  ) {
    this.subscription = store.onDidChange(() => this.changed.fire(undefined));
  }

  /** Paints again (the headline metrics arrive with the experiments). */
  repaint(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: ModelsNode): ModelsNode[] {
    if (!node) {
      const registries = this.store.all;
      if (registries.length === 0)
        return [{ kind: 'note', id: 'none', message: 'No DVC repository in this workspace.', icon: 'info' }];
      if (registries.length === 1 && registries[0]) return this.artifactsOf(registries[0]);
      return registries.map(({ repository }) => ({
        kind: 'repository',
        id: `models|${repository.root.toString()}`,
        root: repository.root.toString(),
        name: vscode.workspace.asRelativePath(repository.root, true),
      }));
    }
    if (node.kind === 'repository') {
      const registry = this.store.get(node.root);
      return registry ? this.artifactsOf(registry) : [];
    }
    if (node.kind === 'artifact')
      return node.artifact.versions.map((version) => ({
        kind: 'version',
        id: `models|${node.root.toString()}|${node.artifact.name}|${version.version}|${version.commit}`,
        root: node.root,
        artifact: node.artifact.name,
        version,
      }));
    return [];
  }

  getTreeItem(node: ModelsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'repository': {
        const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('repo');
        return item;
      }
      case 'note': {
        const item = new vscode.TreeItem(node.message);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon(node.icon);
        return item;
      }
      case 'artifact':
        return artifactItem(node.id, node.artifact);
      case 'version':
        return this.versionItem(node.id, node.root, node.artifact, node.version);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private artifactsOf(registry: RepositoryRegistry): ModelsNode[] {
    const root = registry.repository.root;
    const notes: ModelsNode[] = registry.error
      ? [
          {
            kind: 'note',
            id: `models|${root.toString()}|error`,
            message: `Reading the registry failed: ${registry.error}`,
            icon: 'error',
          },
        ]
      : [];
    if (!registry.state)
      return [
        ...notes,
        {
          kind: 'note',
          id: `models|${root.toString()}|loading`,
          message: 'Reading the registry…',
          icon: 'loading~spin',
        },
      ];
    if (registry.state.artifacts.length === 0)
      return [
        ...notes,
        {
          kind: 'note',
          id: `models|${root.toString()}|empty`,
          message: 'No artifacts: declare one under artifacts: in dvc.yaml (Declare Artifact).',
          icon: 'info',
        },
      ];
    return [
      ...notes,
      ...registry.state.artifacts.map((artifact) => ({
        kind: 'artifact' as const,
        id: `models|${root.toString()}|${artifact.name}`,
        root,
        artifact,
      })),
    ];
  }

  private versionItem(
    id: string,
    root: vscode.Uri,
    artifact: string,
    version: RegistryVersion,
  ): vscode.TreeItem {
    const label = version.registered ? version.version : `${version.commit.slice(0, 7)} (unregistered)`;
    const item = new vscode.TreeItem(label);
    item.id = id;
    const metric = this.metricOf(root, version.commit);
    item.description = [
      ...version.stages.map((stage) => `[${stage}]`),
      version.active ? undefined : 'deregistered',
      version.commit.slice(0, 7),
      version.author,
      version.createdAt ? new Date(version.createdAt * 1000).toISOString().slice(0, 10) : undefined,
      metric,
    ]
      .filter((part) => part)
      .join(' · ');
    item.iconPath = new vscode.ThemeIcon(
      !version.active ? 'circle-slash' : version.stages.length > 0 ? 'rocket' : 'tag',
    );
    item.contextValue =
      version.active && version.registered ? 'dvcLens.modelVersion' : 'dvcLens.modelVersionInactive';
    item.tooltip = new vscode.MarkdownString(
      [
        `**${artifact} ${version.version}**`,
        version.tag ? `tag \`${version.tag}\`` : undefined,
        `commit \`${version.commit}\``,
        version.author
          ? `by ${version.author}${version.authorEmail ? ` <${version.authorEmail}>` : ''}`
          : undefined,
        version.createdAt ? new Date(version.createdAt * 1000).toISOString() : undefined,
        version.stages.length > 0 ? `stages: ${version.stages.join(', ')}` : undefined,
        metric,
      ]
        .filter((line) => line)
        .join('\n\n'),
    );
    return item;
  }
}

function artifactItem(id: string, artifact: RegistryArtifact): vscode.TreeItem {
  const item = new vscode.TreeItem(
    artifact.name,
    artifact.versions.length > 0
      ? vscode.TreeItemCollapsibleState.Expanded
      : vscode.TreeItemCollapsibleState.None,
  );
  item.id = id;
  const stages = Object.entries(artifact.stages).map(([stage, version]) => `${stage}: ${version}`);
  item.description = [
    artifact.deprecated ? 'deprecated' : undefined,
    artifact.declaration?.type,
    artifact.latest,
    ...stages,
  ]
    .filter((part) => part)
    .join(' · ');
  item.iconPath = new vscode.ThemeIcon(artifact.deprecated ? 'archive' : 'package');
  item.contextValue = artifact.deprecated ? 'dvcLens.modelArtifactDeprecated' : 'dvcLens.modelArtifact';
  const declaration = artifact.declaration;
  const text = new vscode.MarkdownString();
  text.appendMarkdown(`**${artifact.name}**${artifact.deprecated ? ' (deprecated)' : ''}\n\n`);
  if (declaration) {
    text.appendText(`declared in ${declaration.file}\n`);
    if (declaration.path) text.appendText(`path: ${declaration.path}\n`);
    if (declaration.type) text.appendText(`type: ${declaration.type}\n`);
    if (declaration.desc) text.appendText(`desc: ${declaration.desc}\n`);
    if (declaration.labels.length > 0) text.appendText(`labels: ${declaration.labels.join(', ')}\n`);
    if (declaration.meta !== undefined) text.appendText(`meta: ${JSON.stringify(declaration.meta)}\n`);
  } else text.appendText('not declared in any dvc.yaml (known from its tags)\n');
  item.tooltip = text;
  return item;
}
