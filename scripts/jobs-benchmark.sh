#!/usr/bin/env bash
# Background jobs at a million rows, against the physical limit (docs/performance.md, "Background jobs"). Not a test.
#
#   scripts/jobs-benchmark.sh [--rows N] [--job ExpireInvitations|PruneTokens] [--no-build]
#
#   --rows      rows to expire and to prune (default 1000000)
#   --job       only this job (default both)
#   --no-build  use the Release build already there
#
# Builds and starts the Release development host (port 7193), then for each job: inserts N due rows with SQL
# (expired pending invitations of one family; refresh tokens expired beyond the 30-day retention of one session),
# times ONE raw UPDATE / DELETE of all of them, puts the rows back, VACUUM ANALYZE, and times the job itself through
# the host's admin API (POST /admin/functions/<name> with "Prefer: wait"; ExpireInvitations does at most 50 batches
# per run, so it is invoked until nothing is due, as its timer would). PostgreSQL logs every statement's duration
# meanwhile (log_min_duration_statement = 0, reset at the end): the longest batch statement of a job is the longest
# time it held its row locks, each batch being a transaction of its own. Prints job time / raw time (target 1.3) and
# the longest batch (target 1 s). Deletes its rows at the end. Needs this checkout's PostgreSQL (scripts/services.sh),
# whose log it reads. Takes about 5 minutes at a million rows.
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/benchmark-settings.sh
source "$ROOT_DIR/scripts/lib/benchmark-settings.sh"

ROWS=1000000
JOB=""
BUILD=1
PORT=7193
LOG_DIR="$ROOT_DIR/.local/logs"
PG_LOG="$LOG_DIR/postgres.log"
PREFIX=cjobbench
HOST_PID="" ADMIN_KEY="" SEEDED=0 LOGGING=0

die() { printf 'jobs-benchmark.sh: error: %s\n' "$*" >&2; exit 1; }
section() { printf '\n==== %s\n' "$*"; }

parse_arguments() {
  while (($#)); do
    case $1 in
      --rows) ROWS=${2:-}; shift 2 ;;
      --job) JOB=${2:-}; shift 2 ;;
      --no-build) BUILD=0; shift ;;
      -h | --help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
      *) die "unknown argument $1 (see --help)" ;;
    esac
  done
  if ! [[ $ROWS =~ ^[0-9]+$ ]] || ((ROWS < 1000)); then die "--rows must be a number of at least 1000"; fi
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

start_host() {
  ((BUILD == 0)) || dotnet build "$ROOT_DIR/tools/InFocus.DevHost" -c Release -nologo -v quiet
  ((BUILD == 0)) || dotnet build "$ROOT_DIR/tools/InFocus.DbTool" -c Release -nologo -v quiet
  dotnet run -c Release --no-build --project "$ROOT_DIR/tools/InFocus.DbTool" -- migrate >/dev/null
  local log="$LOG_DIR/jobs-benchmark-host.log"
  (cd "$ROOT_DIR" && exec "$ROOT_DIR/tools/InFocus.DevHost/bin/Release/net10.0/InFocus.DevHost" --port "$PORT") >"$log" 2>&1 &
  HOST_PID=$!
  until curl -sf -m 1 -o /dev/null "http://127.0.0.1:$PORT/api/health"; do
    kill -0 "$HOST_PID" 2>/dev/null || die "the development host exited (see $log)"
    sleep 0.2
  done
  ADMIN_KEY=$(sed -n 's/.*Admin key *\([^ ]*\) .*/\1/p' "$log" | head -n1)
  [[ -n $ADMIN_KEY ]] || die "no admin key in $log"
}

# Invokes a timer function and waits for it; prints its milliseconds.
invoke() {
  local started status
  started=$(now_ms)
  status=$(curl -s -m 900 -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/admin/functions/$1" \
    -H "x-functions-key: $ADMIN_KEY" -H 'Prefer: wait=900' -H 'Content-Type: application/json' -d '{"input":""}')
  [[ $status == 200 ]] || die "$1 answered $status"
  echo $(($(now_ms) - started))
}

# Times one SQL statement in psql; prints its milliseconds.
timed_sql() {
  local started
  started=$(now_ms)
  sql -c "$1" >/dev/null
  echo $(($(now_ms) - started))
}

seed_owner() {
  sql <<SQL
INSERT INTO users (id, email, name, password_hash) VALUES ('${PREFIX}user0000000001', '$PREFIX@example.com', 'Jobs benchmark', 'x');
INSERT INTO families (id, name) VALUES ('${PREFIX}family000000001', 'Jobs benchmark');
INSERT INTO sessions (id, user_id, expires_at, last_used_at) VALUES ('${PREFIX}session00000001', '${PREFIX}user0000000001', now() + interval '30 days', now());
SQL
  SEEDED=1
}

seed_invitations() {
  sql <<SQL
INSERT INTO family_invitations (id, family_id, email, token_hash, status, invited_by_id, expires_at, email_status, email_enqueued_at)
SELECT '$PREFIX' || 'i' || lpad(g::text, 15, '0'), '${PREFIX}family000000001', 'job' || g || '@example.com',
       sha256(convert_to('$PREFIX-i-' || g, 'UTF8')), 'pending', '${PREFIX}user0000000001',
       now() - interval '1 hour' - g * interval '1 second', 'sent', now() - interval '8 days'
FROM generate_series(1, $ROWS) AS g;
VACUUM ANALYZE family_invitations;
SQL
}

seed_tokens() {
  sql <<SQL
INSERT INTO refresh_tokens (id, user_id, session_id, token_hash, expires_at, revoked)
SELECT '$PREFIX' || 't' || lpad(g::text, 15, '0'), '${PREFIX}user0000000001', '${PREFIX}session00000001',
       sha256(convert_to('$PREFIX-t-' || g, 'UTF8')), now() - interval '31 days' - g * interval '1 second', false
FROM generate_series(1, $ROWS) AS g;
VACUUM ANALYZE refresh_tokens;
SQL
}

statement_logging() {
  if [[ $1 == on ]]; then
    sql -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null
    LOGGING=1
  else
    sql -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null
    LOGGING=0
  fi
}

# The longest duration PostgreSQL logged, after line <from> of its log, for a statement matching <pattern>.
longest_statement() {
  tail -n "+$1" "$PG_LOG" | grep -E "duration: [0-9.]+ ms +$2" | sed -E 's/.*duration: ([0-9.]+) ms.*/\1/' |
    sort -n | tail -n1
}

report() {
  local name=$1 job=$2 raw=$3 batches=$4 longest=$5
  printf '%-20s job %8s ms   raw %8s ms   job/raw %5s (target <= 1.3)   batches %5s   longest batch %8s ms (target < 1000)\n' \
    "$name" "$job" "$raw" "$(awk -v a="$job" -v b="$raw" 'BEGIN { printf "%.2f", a / b }')" "$batches" "${longest:-?}"
}

expire_invitations() {
  section "ExpireInvitations: $ROWS expired pending invitations"
  seed_invitations
  local raw job=0 runs=0 from due
  raw=$(timed_sql "UPDATE family_invitations SET status = 'expired' WHERE status = 'pending' AND expires_at <= now()")
  sql -c "UPDATE family_invitations SET status = 'pending' WHERE family_id = '${PREFIX}family000000001'" -c "VACUUM ANALYZE family_invitations" >/dev/null
  from=$(($(wc -l <"$PG_LOG") + 1))
  statement_logging on
  due=$ROWS
  while ((due > 0)); do
    job=$((job + $(invoke ExpireInvitations)))
    runs=$((runs + 1))
    due=$(sql -c "SELECT count(*) FROM family_invitations WHERE status = 'pending' AND expires_at <= now()")
  done
  statement_logging off
  report "ExpireInvitations" "$job" "$raw" "$(tail -n "+$from" "$PG_LOG" | grep -cE 'duration: [0-9.]+ ms +execute [^:]*: UPDATE family_invitations')" \
    "$(longest_statement "$from" 'execute [^:]*: UPDATE family_invitations')"
  echo "  ($runs runs of the timer function)"
  sql -c "DELETE FROM family_invitations WHERE family_id = '${PREFIX}family000000001'" >/dev/null
}

prune_tokens() {
  section "PruneTokens: $ROWS refresh tokens expired beyond the retention"
  seed_tokens
  local raw job from
  raw=$(timed_sql "DELETE FROM refresh_tokens WHERE expires_at < now() - interval '30 days'")
  seed_tokens
  from=$(($(wc -l <"$PG_LOG") + 1))
  statement_logging on
  job=$(invoke PruneTokens)
  statement_logging off
  report "PruneTokens" "$job" "$raw" "$(tail -n "+$from" "$PG_LOG" | grep -cE 'duration: [0-9.]+ ms +execute [^:]*: DELETE FROM refresh_tokens')" \
    "$(longest_statement "$from" 'execute [^:]*: DELETE FROM refresh_tokens')"
}

cleanup() {
  ((LOGGING == 0)) || statement_logging off || true
  if [[ -n $HOST_PID ]]; then
    kill "$HOST_PID" 2>/dev/null || true
    wait "$HOST_PID" 2>/dev/null || true
  fi
  ((SEEDED)) || return 0
  sql -c "DELETE FROM users WHERE id = '${PREFIX}user0000000001'" -c "DELETE FROM families WHERE id = '${PREFIX}family000000001'" >/dev/null ||
    echo "jobs-benchmark.sh: could not delete the rows of ids starting with $PREFIX" >&2
}

main() {
  parse_arguments "$@"
  export_settings
  configure_database
  [[ -f $PG_LOG ]] || die "no $PG_LOG: run this checkout's PostgreSQL (scripts/services.sh start postgres)"
  mkdir -p "$LOG_DIR"
  trap cleanup EXIT
  section "Release development host on port $PORT"
  start_host
  seed_owner
  [[ $JOB == PruneTokens ]] || expire_invitations
  [[ $JOB == ExpireInvitations ]] || prune_tokens
}

main "$@"
