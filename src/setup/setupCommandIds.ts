/** The setup commands (DVC, the project, the log); package.json contributes them with these ids. */
export const setupCommandIds = {
  initializeProject: 'dvcLens.initializeProject',
  showLog: 'dvcLens.showLog',
  selectDvcExecutable: 'dvcLens.selectDvcExecutable',
  installDvc: 'dvcLens.installDvc',
} as const;
