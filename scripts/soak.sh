#!/usr/bin/env bash
# Load and fault harness (tools/InFocus.Soak) on a Release build. Not a test; CI runs a short form as one
# (SoakTests in the end-to-end suite).
#
#   scripts/soak.sh                 the scenarios below, one after the other
#   scripts/soak.sh [options]       one run with these options:
#     --connections N               virtual users, one connection each (default 64)
#     --duration SECONDS            how long the load runs (default 60)
#     --postgres-outage-at SECONDS  stop PostgreSQL this far into the run (on a server of the soak's own) ...
#     --outage SECONDS              ... for this long (default 10), then start it again
#     --kill-host-at SECONDS        SIGKILL the host (then a process of its own) this far into the run, start it again
#
# Scenarios: "load" (64 connections, 60 s), "postgres-outage" (the same, PostgreSQL stopped at 20 s for 10 s) and
# "host-killed" (the same, the host SIGKILLed at 20 s and started again). Each run serves the development host over
# real HTTP on a fresh database, with the fake TMDB and the local Azurite and smtp4dev (scripts/services.sh starts
# them), prints latency percentiles and statuses per operation, then checks every acknowledged write in the database
# and that no change is half-applied. A run passes with 0 lost, duplicated or half-applied writes, 0 5xx (other than
# the 503s of an injected outage) and no request left without an answer (but those the kill cut off); the script
# exits non-zero otherwise.
# See docs/operations.md, "Reliability".
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

case "${1:-}" in
  -h|--help) sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac

"$ROOT_DIR/scripts/services.sh" start
dotnet build "$ROOT_DIR/tools/InFocus.Soak" -c Release -v q -nologo
SOAK=(dotnet "$ROOT_DIR/tools/InFocus.Soak/bin/Release/net10.0/InFocus.Soak.dll")

if (($# > 0)); then
  "${SOAK[@]}" "$@"
  exit
fi

failed=0
printf '\n==== load: 64 connections, 60 s\n'
"${SOAK[@]}" --connections 64 --duration 60 || failed=1
printf '\n==== postgres-outage: 64 connections, 60 s, PostgreSQL stopped at 20 s for 10 s\n'
"${SOAK[@]}" --connections 64 --duration 60 --postgres-outage-at 20 --outage 10 || failed=1
printf '\n==== host-killed: 64 connections, 60 s, the host SIGKILLed at 20 s and started again\n'
"${SOAK[@]}" --connections 64 --duration 60 --kill-host-at 20 || failed=1
exit "$failed"
