/** The public face of the setup feature: what other folders of src/ may import from it. */
export { type DvcLocator } from './dvcLocator';
export { setupCommandIds } from './setupCommandIds';
