/** The history, report and CI commands; package.json contributes them with these ids. */
export const historyCommandIds = {
  createCiWorkflow: 'dvcLens.createCiWorkflow',
  previewReport: 'dvcLens.previewReport',
  refreshHistory: 'dvcLens.refreshHistory',
  loadMoreHistory: 'dvcLens.loadMoreHistory',
  hideUnrelatedCommits: 'dvcLens.hideUnrelatedHistoryCommits',
  showAllCommits: 'dvcLens.showAllHistoryCommits',
  openHistoryCommit: 'dvcLens.openHistoryCommit',
  openCommitFileDiff: 'dvcLens.openCommitFileDiff',
  copyCommitSha: 'dvcLens.copyCommitSha',
} as const;
