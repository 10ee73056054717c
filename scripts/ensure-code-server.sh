#!/usr/bin/env bash
# Installs code-server (VS Code's own server build, from the npm registry) into a folder cached outside the
# clone, keyed by version, and prints the path of its launcher. Works offline apart from the npm registry and
# Debian's apt mirrors: the GitHub download of ripgrep is replaced by Debian's rg, native modules are built
# against the Node headers that are on the machine. A folder is reused only when its completion marker exists
# (written last), so an interrupted install is redone from scratch.
#
# Quiet on success (only the path on stdout); on failure the install log is shown.
set -euo pipefail

CODE_SERVER_VERSION="${DVC_LENS_CODE_SERVER_VERSION:-4.100.3}"
CACHE_ROOT="${DVC_LENS_CACHE:-$HOME/.cache/dvc-lens}"
TARGET="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
MARKER="$TARGET/.dvc-lens-complete"
LAUNCHER="$TARGET/node_modules/code-server/out/node/entry.js"

if [ -f "$MARKER" ]; then
  echo "$LAUNCHER"
  exit 0
fi

mkdir -p "$CACHE_ROOT"
# One installer at a time (npm test and npm run demo may start together on a fresh machine).
exec 9>"$CACHE_ROOT/code-server-$CODE_SERVER_VERSION.lock"
flock 9
if [ -f "$MARKER" ]; then
  echo "$LAUNCHER"
  exit 0
fi

LOG="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION.install.log"
: >"$LOG"
fail() {
  echo "ensure-code-server: $1" >&2
  echo "---- install log ($LOG), last 200 lines ----" >&2
  tail -n 200 "$LOG" >&2 || true
  exit 1
}
step() {
  echo "== $*" >>"$LOG"
  "$@" >>"$LOG" 2>&1
}

# Debian packages: rg replaces the GitHub download, libkrb5-dev is for the `kerberos` module, a C++ toolchain
# and python3 are for node-gyp. Installed only when missing, and only when we are root.
needed=()
for pkg in ripgrep libkrb5-dev build-essential python3; do
  dpkg -s "$pkg" >/dev/null 2>&1 || needed+=("$pkg")
done
if [ "${#needed[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "ensure-code-server: installing Debian packages: ${needed[*]}" >&2
    step apt-get -o DPkg::Lock::Timeout=600 update || fail "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive step apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${needed[@]}" ||
      fail "apt-get install ${needed[*]} failed"
  else
    fail "missing Debian packages (run as root, or install them): ${needed[*]}"
  fi
fi
RG="$(command -v rg || true)"
[ -n "$RG" ] || fail "ripgrep (rg) not found on PATH"
NODEDIR="${npm_config_nodedir:-/usr}"
[ -f "$NODEDIR/include/node/node.h" ] || fail "Node headers not found in $NODEDIR/include/node (set npm_config_nodedir)"

echo "ensure-code-server: installing code-server $CODE_SERVER_VERSION into $TARGET (about 5 minutes) ..." >&2
start=$SECONDS
rm -rf "$TARGET"
mkdir -p "$TARGET"

# Settings every npm call below needs: code-server's scripts refuse root without unsafe-perm; node-gyp builds
# against the local headers; node-pty's install script runs `npx node-gyp`, which must not prompt. npm 11's
# allowScripts policy only warns about unreviewed install scripts, but we want them to run, so say so (older
# npm versions ignore the unknown setting). We check below that the native modules were really built.
export npm_config_unsafe_perm=true
export npm_config_nodedir="$NODEDIR"
export npm_config_yes=true
export npm_config_dangerously_allow_all_scripts=true
export npm_config_fund=false
export npm_config_audit=false
export npm_config_update_notifier=false

cd "$TARGET"
echo '{ "name": "dvc-lens-code-server", "private": true }' >package.json
step npm install --no-save --ignore-scripts "code-server@$CODE_SERVER_VERSION" ||
  fail "npm install code-server@$CODE_SERVER_VERSION failed"

CS="$TARGET/node_modules/code-server"
VS="$CS/lib/vscode"
[ -d "$VS" ] || fail "unexpected code-server layout: $VS is missing"

cd "$VS"
step npm install --omit=dev --ignore-scripts || fail "npm install in lib/vscode failed"
# @vscode/ripgrep's postinstall downloads rg from GitHub unless its bin/ folder exists: give it Debian's rg.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$RG" node_modules/@vscode/ripgrep/bin/rg
step npm rebuild --foreground-scripts || fail "npm rebuild in lib/vscode failed"

# What code-server's own postinstall.sh would do.
ln -sfn node_modules "$VS/node_modules.asar"
[ -f "$VS/bin/remote-cli/code-linux.sh" ] || fail "unexpected code-server layout: bin/remote-cli/code-linux.sh is missing"
ln -sfn code-linux.sh "$VS/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$VS/bin/helpers/browser.sh"
cd "$VS/extensions"
step npm install --omit=dev || fail "npm install in lib/vscode/extensions failed"

cd "$TARGET"
step npm rebuild --foreground-scripts argon2 || fail "npm rebuild argon2 failed"

# The native modules must have been built (a silently skipped install script would leave them missing).
cd "$VS"
step node -e '
  for (const name of ["node-pty", "@vscode/spdlog", "kerberos", "@parcel/watcher", "native-watchdog"]) {
    try { require(name); } catch (error) { console.error(name + ": " + error.message); process.exitCode = 1; }
  }
' || fail "native modules of lib/vscode did not build"
cd "$CS"
step node -e 'require("argon2")' || fail "argon2 did not build"
[ -x "$VS/node_modules/@vscode/ripgrep/bin/rg" ] || fail "ripgrep link missing"
# (--config keeps it from writing a default config into ~/.config/code-server)
step node "$LAUNCHER" --config "$TARGET/config.yaml" --version || fail "code-server does not start"

echo "ensure-code-server: done in $((SECONDS - start)) s" >>"$LOG"
touch "$MARKER"
echo "$LAUNCHER"
