/** The setup commands (DVC, the project); package.json contributes them with these ids. */
export const setupCommandIds = {
  initializeProject: 'dvcLens.initializeProject',
  selectDvcExecutable: 'dvcLens.selectDvcExecutable',
  installDvc: 'dvcLens.installDvc',
} as const;
