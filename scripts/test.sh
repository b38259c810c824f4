#!/usr/bin/env bash
# THE test command: starts the local services, builds InFocus.sln once and runs every test project.
#
#   scripts/test.sh [dotnet test arguments...]      e.g. scripts/test.sh --filter "FullyQualifiedName~Invitations"
#
# TRX results go to .local/test-results (emptied first). The last line printed is the summary
# "N passed, N failed" (", N skipped" when any were skipped), counted from those TRX files.
# Exits non-zero when the build failed, a test failed or dotnet test failed.
#
# Environment:
#   INFOCUS_TEST_RESULTS_DIR           results folder (default .local/test-results)
#   INFOCUS_TEST_HANG_TIMEOUT          e.g. 10m: abort a test that hangs that long (dotnet test --blame-hang-timeout)
#   INFOCUS_STOP_SERVICES_AFTER_TESTS  1: on exit, stop the services this run started (what CI does)
#   INFOCUS_*_PORT                     port overrides, read by scripts/services.sh
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SOLUTION="$ROOT_DIR/InFocus.sln"
RESULTS_DIR="${INFOCUS_TEST_RESULTS_DIR:-$ROOT_DIR/.local/test-results}"
CLEANUP_LOG="$ROOT_DIR/.local/logs/test-cleanup.log"
# The page tests drive Debian's Chromium (Playwright downloads no browser); a font renders the pages.
BROWSER_PACKAGES=(chromium fonts-dejavu-core)
# shellcheck source-path=SCRIPTDIR source=lib/packages.sh
source "$ROOT_DIR/scripts/lib/packages.sh"
STARTED_SERVICES=()

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

section() { printf '\n==== %s\n' "$*"; }

# Sums one attribute of the <Counters .../> element over all TRX files given.
sum_counter() {
  local name=$1 total=0 value file
  shift
  for file in "$@"; do
    value=$(grep -o '<Counters [^>]*>' "$file" | grep -o " $name=\"[0-9]*\"" | grep -o '[0-9]*' | head -n1 || true)
    total=$((total + ${value:-0}))
  done
  echo "$total"
}

print_summary() {
  local passed=$1 failed=$2 skipped=$3
  if ((skipped > 0)); then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi
}

start_services() {
  local output rc=0
  output=$(mktemp)
  "$ROOT_DIR/scripts/services.sh" start | tee "$output" || rc=$?
  # Remember what this run started (even if another service failed), so that cleanup stops just those.
  mapfile -t STARTED_SERVICES < <(sed -n 's/^\([a-z0-9]*\): *started .*/\1/p' "$output")
  rm -f "$output"
  if ((rc != 0)); then
    echo "test.sh: the local services did not start (see .local/logs/)" >&2
    return 1
  fi
}

# Only with INFOCUS_STOP_SERVICES_AFTER_TESTS=1; quiet, so that the summary stays the last line.
cleanup() {
  {
    if ((${#STARTED_SERVICES[@]})); then
      "$ROOT_DIR/scripts/services.sh" stop "${STARTED_SERVICES[@]}" || true
    fi
    dotnet build-server shutdown || true
  } >>"$CLEANUP_LOG" 2>&1
}

run_tests() {
  local -a args=(--no-build --logger "trx" --results-directory "$RESULTS_DIR")
  if [[ -n ${INFOCUS_TEST_HANG_TIMEOUT:-} ]]; then
    args+=(--blame-hang-timeout "$INFOCUS_TEST_HANG_TIMEOUT" --blame-hang-dump-type none)
  fi
  rm -rf "$RESULTS_DIR"
  mkdir -p "$RESULTS_DIR"
  dotnet test "$SOLUTION" "${args[@]}" "$@"
}

main() {
  cd "$ROOT_DIR"
  mkdir -p "$(dirname "$CLEANUP_LOG")"
  if [[ ${INFOCUS_STOP_SERVICES_AFTER_TESTS:-} == 1 ]]; then
    trap cleanup EXIT
  fi

  section "Local services"
  start_services

  if [[ -z ${INFOCUS_TEST_CHROMIUM:-} ]]; then
    section "Browser for the page tests"
    ensure_packages "${BROWSER_PACKAGES[@]}"
  fi

  section "dotnet tool restore"
  dotnet tool restore

  section "dotnet build"
  if ! dotnet build "$SOLUTION" -nologo; then
    echo "test.sh: BUILD FAILED, no tests were run" >&2
    print_summary 0 0 0
    return 1
  fi

  section "dotnet test"
  local test_rc=0
  run_tests "$@" || test_rc=$?

  local -a trx_files=()
  mapfile -t trx_files < <(find "$RESULTS_DIR" -name '*.trx' -type f | sort)
  local passed failed skipped
  passed=$(sum_counter passed "${trx_files[@]}")
  failed=$(($(sum_counter failed "${trx_files[@]}") + $(sum_counter error "${trx_files[@]}") +
    $(sum_counter timeout "${trx_files[@]}") + $(sum_counter aborted "${trx_files[@]}")))
  # VSTest leaves notExecuted at 0 for skipped xunit tests; they show as total minus executed.
  skipped=$(($(sum_counter total "${trx_files[@]}") - $(sum_counter executed "${trx_files[@]}")))
  ((skipped >= 0)) || skipped=0

  echo
  echo "Test results: ${#trx_files[@]} TRX file(s) in ${RESULTS_DIR#"$ROOT_DIR"/}"
  if ((${#trx_files[@]} == 0 && test_rc == 0)); then
    echo "No tests ran (no test projects, or the filter matched none)."
  fi
  if ((test_rc != 0 && failed == 0)); then
    echo "test.sh: dotnet test exited with code $test_rc (see its output above)" >&2
  fi
  print_summary "$passed" "$failed" "$skipped"
  ((test_rc == 0 && failed == 0))
}

main "$@"
