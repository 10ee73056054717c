#!/usr/bin/env bash
# Installs the pinned DVC (with dvc-ssh and dvclive) into a venv cached outside the clone, keyed by version,
# and prints the path of its dvc executable. A venv is reused only when its completion marker exists, so an
# interrupted install is redone from scratch instead of leaving a half-installed DVC behind.
set -euo pipefail
DVC_VERSION="${DVC_LENS_DVC_VERSION:-3.67.1}"
CACHE_ROOT="${DVC_LENS_CACHE:-$HOME/.cache/dvc-lens}"
VENV="$CACHE_ROOT/dvc-$DVC_VERSION"
MARKER="$VENV/.dvc-lens-complete"

if [ ! -f "$MARKER" ]; then
  echo "Installing DVC $DVC_VERSION into $VENV ..." >&2
  mkdir -p "$CACHE_ROOT"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "dvc==$DVC_VERSION" dvc-ssh dvclive >&2
  "$VENV/bin/dvc" --version >/dev/null
  touch "$MARKER"
fi
echo "$VENV/bin/dvc"
