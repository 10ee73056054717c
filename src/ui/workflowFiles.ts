/**
 * Writing CI files (a GitHub Actions workflow, a GitLab CI job) at the top of a git repository, as the CI
 * workflow and the deploy workflow commands both do: the same question for which CI, the same file name rule,
 * and an existing file replaced only after a modal confirmation that says its content will be lost.
 */
import * as vscode from 'vscode';

export interface WorkflowFile {
  readonly uri: vscode.Uri;
  readonly text: string;
}

/** GitHub Actions alone, or with a GitLab CI job; undefined when the person closed the pick. */
export async function askGitlabToo(): Promise<boolean | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'GitHub Actions', gitlab: false },
      { label: 'GitHub Actions and a GitLab CI job', gitlab: true },
    ],
    { title: 'Which CI?' },
  );
  return picked?.gitlab;
}

/** `.github/workflows/<slug>.yml` for a workflow name: lower case, letters and digits joined by dashes. */
export function githubWorkflowUri(top: vscode.Uri, name: string, fallback: string): vscode.Uri {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || fallback;
  return vscode.Uri.joinPath(top, '.github', 'workflows', `${slug}.yml`);
}

/**
 * Writes the files; when some exist, asks first (unless `confirmed`) naming them. Resolves false when the
 * person kept the existing files (nothing is written then).
 */
export async function writeWorkflowFiles(
  files: readonly WorkflowFile[],
  confirmed: boolean,
): Promise<boolean> {
  const existing: vscode.Uri[] = [];
  for (const file of files) if (await fileExists(file.uri)) existing.push(file.uri);
  if (existing.length > 0 && !confirmed && !(await confirmOverwrite(existing))) return false;
  for (const file of files)
    await vscode.workspace.fs.writeFile(file.uri, new TextEncoder().encode(file.text));
  return true;
}

async function confirmOverwrite(existing: readonly vscode.Uri[]): Promise<boolean> {
  const names = existing.map((uri) => vscode.workspace.asRelativePath(uri)).join(', ');
  const picked = await vscode.window.showWarningMessage(
    `Replace ${names}?`,
    {
      modal: true,
      detail: 'The file exists; its current content will be lost (git keeps committed versions).',
    },
    'Replace',
  );
  return picked === 'Replace';
}

/** Whether something is at `uri` (a stat that fails means no). */
export async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
