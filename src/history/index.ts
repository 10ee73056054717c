/** The public face of the history feature: what other folders of src/ may import from it. */
export { watchGitRefs } from './gitRefsWatcher';
export { historyCommandIds } from './historyCommandIds';
