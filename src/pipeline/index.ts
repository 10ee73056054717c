/** The public face of the pipeline feature: what other folders of src/ may import from it. */
export { RunTerminal } from './run/runTerminal';
export { checkRunInputs, type InputsDecision } from './run/runInputsCheck';
