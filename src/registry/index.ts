/** The public face of the model registry feature: what other folders of src/ may import from it. */
export { registryCommandIds } from './registryCommandIds';
export { registerRegistryFeatures, type RegistryFeatures } from './registerRegistryFeatures';
