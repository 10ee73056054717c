/** What a refused command says in Restricted Mode (vscode-free, so the pure command runtime shares it). */
export const restrictedModeMessage =
  'Restricted Mode: DVC Lens shows what it reads from files and runs nothing (no DVC, no git). Trust this workspace to enable running.';
