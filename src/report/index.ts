/** The public face of the report feature: what other folders of src/ may import from it. */
export { buildDvcReport, plotsFolderFor } from './dvcReport';
export { renderVegaLiteSvg } from './vegaSvg';
