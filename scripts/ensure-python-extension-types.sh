#!/usr/bin/env bash
# Fetches the published types of the Python extension's API (the npm package @vscode/python-extension, with
# `npm pack`: no install, nothing added to node_modules) into a folder cached outside the clone, keyed by
# version, and prints the path of its main.d.ts. For the integration test that checks our hand-written
# interface (src/setup/pythonExtensionApi.ts) against the published contract.
set -euo pipefail
VERSION="${DVC_LENS_PYTHON_EXTENSION_TYPES_VERSION:-1.0.5}"
CACHE_ROOT="${DVC_LENS_CACHE:-$HOME/.cache/dvc-lens}"
FOLDER="$CACHE_ROOT/python-extension-types-$VERSION"
MARKER="$FOLDER/.dvc-lens-complete"

if [ ! -f "$MARKER" ]; then
  echo "Fetching @vscode/python-extension@$VERSION types into $FOLDER ..." >&2
  rm -rf "$FOLDER"
  mkdir -p "$FOLDER"
  (cd "$FOLDER" && npm pack --silent "@vscode/python-extension@$VERSION" >/dev/null && tar xzf ./*.tgz)
  test -f "$FOLDER/package/out/main.d.ts"
  touch "$MARKER"
fi
echo "$FOLDER/package/out/main.d.ts"
