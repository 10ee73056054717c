/**
 * What to do about the experiment failures people meet most, from DVC's own message (DVC 3.67.1 wording).
 * Undefined: DVC's message stands alone.
 */
export function experimentErrorHint(message: string): string | undefined {
  if (/uncommitted changes exist in the index|Stash apply resulted in merge conflicts/i.test(message))
    return 'Files staged in git differ from the workspace (DVC autostage does this). Commit or unstage them (git reset), then try again.';
  if (/Unable to acquire lock|is busy, it is being blocked by/i.test(message))
    return 'Another DVC process (possibly a queue worker) holds the repository lock. Wait for it, then try again.';
  if (/Experiment .* already exists|already exists/i.test(message))
    return 'Choose another name, or remove the existing experiment first.';
  if (/No such file or directory: 'dvc'/.test(message))
    return "DVC's queue workers could not start DVC: put DVC's folder on PATH.";
  return undefined;
}
