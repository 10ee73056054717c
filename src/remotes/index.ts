/** The public face of the remotes feature: what other folders of src/ may import from it. */
export { booleanField, isRecord, rootField, stringField } from './commandArguments';
export { remoteCommandIds } from './remoteCommandIds';
export { metricsPullNote, type PullNote } from './pullNote';
