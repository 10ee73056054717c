#!/usr/bin/env bash
# Installs the pinned DVC (with dvc-ssh) and the pinned DVCLive into a venv cached outside the clone, keyed
# by DVC version, and prints the path of its dvc executable. A venv is reused only when its completion marker
# exists, so an interrupted install is redone from scratch instead of leaving a half-installed DVC behind.
# DVCLive has a marker of its own, named by its version: a venv made before DVCLive was pinned (or with
# another DVCLive) gets the pinned one added in place, without reinstalling DVC; when the marker is there,
# nothing runs but two file tests. GTO (the model registry's CLI, a DVC dependency) is pinned the same way, with
# its own marker: DVC's range (gto>=1.6,<2) would otherwise take whatever was newest when the venv was made.
set -euo pipefail
DVC_VERSION="${DVC_LENS_DVC_VERSION:-3.67.1}"
DVCLIVE_VERSION="${DVC_LENS_DVCLIVE_VERSION:-3.49.1}"
CACHE_ROOT="${DVC_LENS_CACHE:-$HOME/.cache/dvc-lens}"
VENV="$CACHE_ROOT/dvc-$DVC_VERSION"
MARKER="$VENV/.dvc-lens-complete"
DVCLIVE_MARKER="$VENV/.dvc-lens-dvclive-$DVCLIVE_VERSION"
GTO_VERSION="${DVC_LENS_GTO_VERSION:-1.10.1}"
GTO_MARKER="$VENV/.dvc-lens-gto-$GTO_VERSION"

if [ ! -f "$MARKER" ]; then
  echo "Installing DVC $DVC_VERSION and DVCLive $DVCLIVE_VERSION into $VENV ..." >&2
  mkdir -p "$CACHE_ROOT"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check \
    "dvc==$DVC_VERSION" dvc-ssh "dvclive==$DVCLIVE_VERSION" "gto==$GTO_VERSION" >&2
  "$VENV/bin/dvc" --version >/dev/null
  "$VENV/bin/gto" --version >/dev/null
  touch "$DVCLIVE_MARKER"
  touch "$GTO_MARKER"
  touch "$MARKER"
fi
if [ ! -f "$DVCLIVE_MARKER" ]; then
  echo "Adding DVCLive $DVCLIVE_VERSION to $VENV ..." >&2
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "dvclive==$DVCLIVE_VERSION" >&2
  "$VENV/bin/python" -c 'import dvclive' >/dev/null
  rm -f "$VENV"/.dvc-lens-dvclive-*
  touch "$DVCLIVE_MARKER"
fi
if [ ! -f "$GTO_MARKER" ]; then
  echo "Adding GTO $GTO_VERSION to $VENV ..." >&2
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "gto==$GTO_VERSION" >&2
  "$VENV/bin/gto" --version >/dev/null
  rm -f "$VENV"/.dvc-lens-gto-*
  touch "$GTO_MARKER"
fi
echo "$VENV/bin/dvc"
