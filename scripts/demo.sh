#!/usr/bin/env bash
# npm run demo: the packaged extension in code-server, on a fresh copy of the demo project, for a person to try.
#
# On a fresh machine it installs what it needs first (npm ci when node_modules is missing or out of date with
# package-lock.json, the pinned DVC, code-server; all cached under ~/.cache/dvc-lens), then builds and packages
# the extension, installs the .vsix into a code-server extensions folder under ~/.cache/dvc-lens/demo/, makes a
# fresh demo copy (~/dvc-lens-demo-<timestamp>, or DVC_LENS_DEMO_DIR), writes user settings (dvcLens.dvcPath =
# the pinned DVC) and starts code-server on 127.0.0.1:<port> (8080, or DVC_LENS_DEMO_PORT). It stays in the
# foreground until Ctrl-C, then stops code-server.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
CACHE_ROOT="${DVC_LENS_CACHE:-$HOME/.cache/dvc-lens}"
DEMO_HOME="$CACHE_ROOT/demo"
PORT="${DVC_LENS_DEMO_PORT:-8080}"
say() { printf '\033[1m== %s\033[0m\n' "$*"; }

# --- dependencies ---------------------------------------------------------------------------------------------
say "npm packages, git, python3-venv"
bash scripts/ensure-base.sh

say "DVC and code-server (cached in $CACHE_ROOT)"
DVC="$(bash scripts/ensure-dvc.sh)"
CODE_SERVER="$(bash scripts/ensure-code-server.sh)"
echo "dvc:         $DVC"
echo "code-server: $CODE_SERVER"

say "build and package"
npm run --silent package
NAME="$(node -p 'require("./package.json").name')"
VERSION="$(node -p 'require("./package.json").version')"
PUBLISHER="$(node -p 'require("./package.json").publisher')"
VSIX="$ROOT/$NAME-$VERSION.vsix"

say "install $(basename "$VSIX") into $DEMO_HOME/extensions"
# The folder holds only this extension: start it afresh (code-server refuses to reinstall over a half-removed copy).
rm -rf "$DEMO_HOME/extensions"
mkdir -p "$DEMO_HOME/extensions" "$DEMO_HOME/user-data/User"
node "$CODE_SERVER" --config "$DEMO_HOME/config.yaml" --user-data-dir "$DEMO_HOME/user-data" \
  --extensions-dir "$DEMO_HOME/extensions" --install-extension "$VSIX" --force >"$DEMO_HOME/install.log" 2>&1 ||
  { cat "$DEMO_HOME/install.log" >&2; exit 1; }
ls -d "$DEMO_HOME/extensions/$PUBLISHER.$NAME-$VERSION" >/dev/null

DEST="${DVC_LENS_DEMO_DIR:-$HOME/dvc-lens-demo-$(date +%Y%m%d-%H%M%S)}"
say "fresh demo project in $DEST"
DVC_LENS_DVC="$DVC" node --import tsx scripts/createDemoWorkspace.ts "$DEST" --repro >/dev/null
# A local folder as the default remote, so Push, Pull and the Remotes view have something to work with.
mkdir -p "$DEST-remote"
(cd "$DEST" && "$DVC" remote add -q -d demo-store "$DEST-remote" && git add .dvc/config &&
  git -c user.name="DVC Lens Demo" -c user.email=demo@dvc-lens.invalid commit -q -m "Demo: a local default remote")
say "default DVC remote: $DEST-remote"

node - "$DEMO_HOME/user-data/User/settings.json" "$DVC" <<'EOF'
const { writeFileSync } = require('node:fs');
const [file, dvcPath] = process.argv.slice(2);
const settings = {
  'dvcLens.dvcPath': dvcPath,
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
};
writeFileSync(file, JSON.stringify(settings, null, 2) + '\n');
EOF

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "Port $PORT on 127.0.0.1 is taken; choose another with DVC_LENS_DEMO_PORT=<port> npm run demo" >&2
  exit 1
fi

say "code-server on 127.0.0.1:$PORT"
LOG="$DEMO_HOME/code-server.log"
# Its own session and process group, so that Ctrl-C here stops the server and every extension host under it.
setsid node "$CODE_SERVER" --config "$DEMO_HOME/config.yaml" --auth none --bind-addr "127.0.0.1:$PORT" \
  --user-data-dir "$DEMO_HOME/user-data" --extensions-dir "$DEMO_HOME/extensions" \
  --disable-telemetry --disable-update-check --disable-getting-started-override --ignore-last-opened \
  >"$LOG" 2>&1 </dev/null &
SERVER_PID=$!
stop() {
  trap - INT TERM EXIT
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    echo
    echo "Stopping code-server (pid $SERVER_PID) ..."
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
  fi
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap stop EXIT

for _ in $(seq 1 240); do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "code-server exited during start:" >&2
    tail -n 50 "$LOG" >&2
    exit 1
  fi
  if node -e "fetch('http://127.0.0.1:$PORT/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then
    break
  fi
  sleep 0.25
done

FOLDER_QUERY="$DEST"
[[ "$DEST" =~ ^[A-Za-z0-9/._~-]+$ ]] || FOLDER_QUERY="$(node -p 'encodeURIComponent(process.argv[1])' "$DEST")"
echo
echo "DVC Lens demo is running. Open:"
echo
echo "    http://127.0.0.1:$PORT/?folder=$FOLDER_QUERY"
echo
echo "(trust the folder when asked, then click the DVC Lens icon in the activity bar)"
echo "Demo project: $DEST    code-server log: $LOG"
echo "Press Ctrl-C to stop."
wait "$SERVER_PID" || true
