#!/usr/bin/env bash
# Installs the pinned poetry (from the Python package index) into a venv cached outside the clone, keyed by
# its version, and prints the path of its poetry executable. For the interpreter-discovery integration test,
# which makes a real poetry environment. A venv is reused only when its completion marker exists, so an
# interrupted install is redone from scratch.
set -euo pipefail
POETRY_VERSION="${DVC_LENS_POETRY_VERSION:-2.2.1}"
CACHE_ROOT="${DVC_LENS_CACHE:-$HOME/.cache/dvc-lens}"
VENV="$CACHE_ROOT/poetry-$POETRY_VERSION"
MARKER="$VENV/.dvc-lens-complete"

if [ ! -f "$MARKER" ]; then
  echo "Installing poetry $POETRY_VERSION into $VENV ..." >&2
  mkdir -p "$CACHE_ROOT"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "poetry==$POETRY_VERSION" >&2
  "$VENV/bin/poetry" --version >/dev/null
  touch "$MARKER"
fi
echo "$VENV/bin/poetry"
