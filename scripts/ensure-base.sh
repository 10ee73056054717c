#!/usr/bin/env bash
# The base every project command needs: node_modules matching package-lock.json, git, and a Python with venv
# (for the pinned DVC). Installs what is missing (npm ci; Debian packages when root) and is quiet otherwise.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# node_modules is current when every package of package-lock.json is installed at its locked version (optional
# packages for other platforms aside). Content, not timestamps: a checkout that merely touches the lock file
# must not make us wipe node_modules.
node_modules_current() {
  [ -d node_modules ] || return 1
  node - <<'EOF'
const { readFileSync, existsSync } = require('node:fs');
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
for (const [path, entry] of Object.entries(lock.packages ?? {})) {
  if (!path.startsWith('node_modules/') || entry.link) continue;
  const manifest = `${path}/package.json`;
  if (!existsSync(manifest)) {
    if (entry.optional || entry.devOptional) continue; // platform packages for other systems
    process.exit(1);
  }
  if (entry.version && JSON.parse(readFileSync(manifest, 'utf8')).version !== entry.version) process.exit(1);
}
EOF
}

if ! node_modules_current; then
  echo "npm ci (node_modules missing or out of date) ..."
  # No install scripts: esbuild finds its platform binary without its postinstall, nothing else needs one, and
  # npm 11 may refuse unreviewed scripts anyway.
  npm ci --ignore-scripts --no-audit --no-fund
fi

missing=()
command -v git >/dev/null 2>&1 || missing+=(git)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3 python3-venv)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-base: missing ${missing[*]} (install them, or run as root)" >&2
    exit 1
  fi
  echo "apt-get install ${missing[*]} ..."
  apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
