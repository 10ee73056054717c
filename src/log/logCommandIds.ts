/** "DVC Lens: Show Log", registered by src/extension.ts; tree items and error messages link to it. */
export const showLogCommandId = 'dvcLens.showLog';
