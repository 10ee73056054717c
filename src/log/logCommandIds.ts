/** The log's command ids; package.json contributes them. Tree items and error messages link to Show Log. */
export const logCommandIds = {
  showLog: 'dvcLens.showLog',
} as const;
