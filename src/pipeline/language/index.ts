/** dvc.yaml language support: the editor features and the cross-file problems for the diagnostics. */
export { computeAnalysisProblems } from './analysisProblems';
export { type DvcYamlLanguageDependencies, type ReproStageArguments } from './languageDependencies';
export { dvcYamlSelector, registerDvcYamlLanguageFeatures } from './registerDvcYamlLanguageFeatures';
