import type { DvcCandidateReport, DvcDiscoveryResult } from '../repository/processes';
import type { DvcExecutable } from '../repository/processes';
import { MINIMUM_DVC_VERSION } from '../repository/processes';

const sourceNames: Record<DvcExecutable['source'], string> = {
  setting: 'the dvcLens.dvcPath setting',
  workspaceVenv: 'a virtual environment in the workspace',
  pythonModule: 'python -m dvc with dvcLens.pythonPath',
  pythonEnvironment: 'a Python environment',
  path: 'PATH',
};

/** "DVC 3.67.1 from a virtual environment in the workspace: /w/.venv/bin/dvc" — for tooltips and the log. */
export function describeChosen(chosen: DvcExecutable): string {
  const command = [chosen.command, ...chosen.prefixArgs].join(' ');
  return `DVC ${chosen.version} from ${sourceNames[chosen.source]}: ${command}`;
}

function describeCandidate(candidate: DvcCandidateReport): string {
  const outcome = candidate.outcome;
  switch (outcome.kind) {
    case 'found':
      return `found DVC ${outcome.version}${versionSource(candidate)}`;
    case 'tooOld':
      return `DVC ${outcome.version} is older than the minimum ${outcome.minimum}${versionSource(candidate)}`;
    case 'notFound':
    case 'failed':
    case 'notConfigured':
      return outcome.message;
  }
}

function versionSource(candidate: DvcCandidateReport): string {
  return candidate.versionFrom ? ` (version from ${candidate.versionFrom})` : '';
}

/** One log line per place discovery looked, then the verdict, so "Show log" explains the choice. */
export function describeDiscovery(discovery: DvcDiscoveryResult): string[] {
  const lines = discovery.candidates.map(
    (candidate) => `DVC discovery: ${candidate.description}: ${describeCandidate(candidate)}`,
  );
  lines.push(
    discovery.chosen
      ? `DVC discovery: using ${describeChosen(discovery.chosen)}`
      : `DVC discovery: no usable DVC (${MINIMUM_DVC_VERSION} or newer) found`,
  );
  return lines;
}
