#!/usr/bin/env bash
# npm test: every floor of the project's tests, in order, on a fresh machine as on a warm one.
#
#   setup        scripts/ensure-base.sh (npm ci when needed; Debian git/python3-venv when missing);
#                the pinned DVC, code-server, Chromium, OpenSSH's sshd (cached: ~/.cache/dvc-lens, /usr/bin/chromium,
#                /usr/sbin/sshd; the ssh integration test starts its own sshd, never a system one)
#   typecheck    tsc -p . --noEmit
#   lint         eslint . and prettier --check .
#   build        node scripts/build.mjs (extension, webviews, extension-host suites)
#   unit         npm run test:unit           (node:test)
#   fuzz         npm run test:fuzz           (node:test + fast-check: every parser, random and hostile documents)
#   integration  npm run test:integration    (node:test, real git and DVC)
#   bench-smoke  npm run bench:smoke         (node:test, every benchmark once at its smallest size; DVC, Chromium)
#   package      npm run package             (production build + .vsix)
#   suite        npm run test:suite          (trusted + Restricted Mode suites inside code-server)
#   e2e          npm run test:e2e            (the .vsix in code-server, driven by Chromium)
#
# Each floor is headed, its output shown and kept in test-results/floors/<floor>.log. The first failing floor
# stops the run with a non-zero exit. The last line totals all floors as `N passed, N failed`: test floors
# count their tests (node:test's `# pass N` / `# fail N`, the suite runner's `suite: N passed, N failed`),
# check floors (typecheck, lint, build, package) count as one each.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
FLOOR_LOGS="$ROOT/test-results/floors"
mkdir -p "$FLOOR_LOGS"

PASSED=0
FAILED=0
RUN_START=$SECONDS
bold() { printf '\033[1m%s\033[0m\n' "$*"; }
setup_failed() {
  echo "test.sh: $*" >&2
  FAILED=$((FAILED + 1))
  finish 1
}

finish() {
  local code=$1
  echo
  bold "== total ($(( SECONDS - RUN_START )) s)"
  echo "$PASSED passed, $FAILED failed"
  exit "$code"
}

# Counts from a floor's output: node:test summaries (TAP `# pass N` or spec `ℹ pass N`, summed when a floor
# runs several) or the suite runner's closing line. Prints "passed failed", or nothing when none was found.
counts_from() {
  local log=$1
  local suite_line
  suite_line="$(grep -aE '^suite: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)"
  if [ -n "$suite_line" ]; then
    sed -E 's/^suite: ([0-9]+) passed, ([0-9]+) failed.*/\1 \2/' <<<"$suite_line"
    return
  fi
  local pass fail
  pass="$(grep -aE '^(# |ℹ )pass [0-9]+$' "$log" | awk '{ s += $NF } END { if (NR) print s }')"
  fail="$(grep -aE '^(# |ℹ )fail [0-9]+$' "$log" | awk '{ s += $NF } END { if (NR) print s }')"
  [ -n "$pass$fail" ] && echo "${pass:-0} ${fail:-0}"
}

# floor <name> <kind: tests|check> <budget seconds> <command...>
# The budget keeps a hung floor from eating CI's 90 minutes: `timeout` ends the floor's process group (SIGTERM,
# SIGKILL 30 s later) and the floor fails with exit 124, its log kept. Budgets are 3 to 4 times what a floor takes
# on an idle 2-core machine: a loaded machine finishes, a hang does not eat the whole CI run.
FLOOR_NO=0
floor() {
  local name=$1 kind=$2 budget=$3
  shift 3
  FLOOR_NO=$((FLOOR_NO + 1))
  local log="$FLOOR_LOGS/$name.log"
  echo
  bold "==================== floor $FLOOR_NO: $name ($*) ===================="
  local start=$SECONDS
  timeout --kill-after=30 "$budget" "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "test.sh: floor $name did not finish within its budget of $budget s" | tee -a "$log" >&2
  fi
  local took=$((SECONDS - start))
  local pass=0 fail=0
  if [ "$kind" = tests ]; then
    local counted
    counted="$(counts_from "$log")"
    if [ -n "$counted" ]; then
      read -r pass fail <<<"$counted"
    fi
    # A failing command whose output shows no failed test (a crash, a load error) still counts as a failure.
    if [ "$status" -ne 0 ] && [ "$fail" -eq 0 ]; then fail=1; fi
    if [ "$status" -eq 0 ] && [ "$pass" -eq 0 ] && [ "$fail" -eq 0 ]; then
      echo "test.sh: floor $name ran no tests" >&2
      fail=1
      status=1
    fi
  elif [ "$status" -eq 0 ]; then
    pass=1
  else
    fail=1
  fi
  PASSED=$((PASSED + pass))
  FAILED=$((FAILED + fail))
  if [ "$status" -ne 0 ]; then
    bold "---- floor $name FAILED (exit $status, ${took} s): $pass passed, $fail failed; log: ${log#"$ROOT"/}"
    finish 1
  fi
  bold "---- floor $name ok (${took} s): $pass passed, $fail failed"
}

# ---- setup ------------------------------------------------------------------------------------------------
echo
bold "==================== setup ===================="
setup_start=$SECONDS

bash scripts/ensure-base.sh || setup_failed "installing npm packages, git or python3-venv failed"
DVC_LENS_DVC="$(bash scripts/ensure-dvc.sh)" || setup_failed "ensure-dvc failed"
DVC_LENS_CODE_SERVER="$(bash scripts/ensure-code-server.sh)" || setup_failed "ensure-code-server failed"
DVC_LENS_CHROMIUM="$(bash scripts/ensure-chromium.sh)" || setup_failed "ensure-chromium failed"
DVC_LENS_SSHD="$(bash scripts/ensure-sshd.sh)" || setup_failed "ensure-sshd failed"
export DVC_LENS_DVC DVC_LENS_CODE_SERVER DVC_LENS_CHROMIUM DVC_LENS_SSHD
echo "node        $(node --version), npm $(npm --version 2>/dev/null)"
echo "dvc         $DVC_LENS_DVC"
echo "code-server $DVC_LENS_CODE_SERVER"
echo "chromium    $DVC_LENS_CHROMIUM"
echo "sshd        $DVC_LENS_SSHD"
bold "---- setup ok ($((SECONDS - setup_start)) s)"

# ---- floors -----------------------------------------------------------------------------------------------
floor typecheck check 300 npx tsc -p . --noEmit
floor lint check 300 npm run --silent lint
floor build check 300 npm run --silent build
floor unit tests 300 npm run --silent test:unit
floor fuzz tests 300 npm run --silent test:fuzz
floor integration tests 2100 npm run --silent test:integration
floor bench-smoke tests 900 npm run --silent bench:smoke
floor package check 300 npm run --silent package
floor suite tests 1200 npm run --silent test:suite
floor e2e tests 1800 npm run --silent test:e2e

finish 0
