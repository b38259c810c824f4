#!/usr/bin/env bash
# Load benchmark of the hot read endpoints against a running InFocus (start it with scripts/run.sh). Not a test.
#
#   scripts/benchmark.sh [--url URL] [--entries N] [--duration D] [--connections C] [--threads T] [--keep]
#
#   --url          the running InFocus (default http://localhost:7071)
#   --entries      titles on the benchmark user's watchlist (default 1000; at most 50000)
#   --duration     how long wrk loads each endpoint (default 10s; wrk's units: 30s, 2m)
#   --connections  concurrent connections (default 16)
#   --threads      wrk threads (default 2)
#   --keep         keep the benchmark data (users, family, titles) instead of deleting it at the end
#
# Registers a benchmark user and a second one through the API, inserts N titles and the user's N watchlist entries
# straight into the database with SQL (generate_series through psql), creates a family through the API whose second
# member shares every other title, then runs wrk against GET /api/health, GET /api/watchlist?limit=50,
# GET /api/watchlist/stats, GET /api/families/{id}/watchlist and GET /api/families/{id}/tonight (every other title
# streams on Netflix in the US, the owner's region and service), and prints requests per second and latency
# percentiles for each. Installs wrk with apt-get when it is missing.
#
# The database is the one InFocus uses: the app setting Database__ConnectionString from the environment, else
# InFocus.Functions/local.settings.json, else local.settings.sample.json. It must be on this machine (loopback).
# See docs/operations.md, "Benchmarks".
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
URL=http://localhost:7071
ENTRIES=1000
MAX_ENTRIES=50000
DURATION=10s
CONNECTIONS=16
THREADS=2
KEEP=0
PASSWORD="benchmark-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
# Ids in the CUID shape the API expects (25 characters, 'c' then [0-9a-z]): "cbench", a tag of this run, a number.
TAG=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ' | xargs printf '%06d' | cut -c1-6)
ID_PREFIX="cbench$TAG"

BENCH_USER="" MEMBER_USER="" FAMILY_ID="" TOKEN="" DATA_INSERTED=0

usage() { sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
die() { printf 'benchmark.sh: error: %s\n' "$*" >&2; exit 1; }
section() { printf '\n==== %s\n' "$*"; }

parse_arguments() {
  while (($#)); do
    case $1 in
      --url) URL=${2:?--url needs a value}; shift 2 ;;
      --entries) ENTRIES=${2:-}; shift 2 ;;
      --duration) DURATION=${2:?--duration needs a value}; shift 2 ;;
      --connections) CONNECTIONS=${2:-}; shift 2 ;;
      --threads) THREADS=${2:-}; shift 2 ;;
      --keep) KEEP=1; shift ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; exit 2 ;;
    esac
  done
  if ! [[ $ENTRIES =~ ^[0-9]+$ ]] || ((ENTRIES < 1 || ENTRIES > MAX_ENTRIES)); then
    die "--entries must be between 1 and $MAX_ENTRIES"
  fi
  if ! [[ $CONNECTIONS =~ ^[0-9]+$ && $THREADS =~ ^[0-9]+$ ]] || ((THREADS < 1 || CONNECTIONS < THREADS)); then
    die "--threads must be at least 1 and --connections at least --threads"
  fi
  URL=${URL%/}
}

ensure_tools() {
  command -v curl >/dev/null || die "curl is required"
  command -v psql >/dev/null || [[ -x /usr/lib/postgresql/15/bin/psql ]] || die "psql is required (apt-get install postgresql-client)"
  if ! command -v wrk >/dev/null; then
    echo "installing wrk (apt-get)"
    local sudo=()
    [[ $EUID -eq 0 ]] || sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null ||
      { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null; } ||
      die "could not install wrk"
  fi
}

# The value of one key of an Npgsql connection string (keys in any letter case).
connection_value() {
  tr ';' '\n' <<<"$1" | sed -n "s/^[[:space:]]*$2[[:space:]]*=[[:space:]]*//Ip" | head -n1
}

# Database__ConnectionString as the app reads it, turned into psql's environment variables.
configure_database() {
  local connection=${Database__ConnectionString:-} file
  if [[ -z $connection ]]; then
    for file in "$ROOT_DIR/InFocus.Functions/local.settings.json" "$ROOT_DIR/local.settings.sample.json"; do
      [[ -f $file ]] || continue
      connection=$(sed -n 's/.*"Database__ConnectionString"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$file" | head -n1)
      break
    done
  fi
  [[ -n $connection ]] || die "no Database__ConnectionString in the environment or the local settings"
  export PGHOST PGPORT PGDATABASE PGUSER PGPASSWORD
  PGHOST=$(connection_value "$connection" 'host')
  PGPORT=$(connection_value "$connection" 'port')
  PGPORT=${PGPORT:-5432}
  PGDATABASE=$(connection_value "$connection" 'database')
  PGUSER=$(connection_value "$connection" '\(username\|user id\|user\)')
  PGPASSWORD=$(connection_value "$connection" 'password')
  [[ $PGHOST == 127.0.0.1 || $PGHOST == localhost || $PGHOST == ::1 ]] ||
    die "the database is on '$PGHOST'; benchmark data goes into a database on this machine only"
}

sql() { "$(command -v psql || echo /usr/lib/postgresql/15/bin/psql)" -X -q -v ON_ERROR_STOP=1 -At "$@"; }

# POSTs JSON and prints the response body; fails unless the status is the expected one.
post_json() {
  local path=$1 body=$2 expected=$3 auth=() response status
  [[ -n $TOKEN ]] && auth=(-H "Authorization: Bearer $TOKEN")
  response=$(curl -s -m 30 -w '\n%{http_code}' -X POST "$URL$path" -H 'Content-Type: application/json' "${auth[@]}" -d "$body")
  status=${response##*$'\n'}
  [[ $status == "$expected" ]] || die "POST $path answered $status: ${response%$'\n'*}"
  printf '%s' "${response%$'\n'*}"
}

json_string() { grep -o "\"$1\":\"[^\"]*\"" | head -n1 | cut -d'"' -f4; }

register() {
  local email="bench-$TAG-$1@example.com" response
  response=$(post_json /api/auth/register "{\"email\":\"$email\",\"password\":\"$PASSWORD\",\"name\":\"Benchmark $1\"}" 201)
  printf '%s %s' "$(json_string id <<<"$response")" "$(json_string accessToken <<<"$response")"
}

arrange() {
  section "Benchmark data ($ENTRIES titles, tag $TAG)"
  curl -sf -m 10 -o /dev/null "$URL/api/health" || die "InFocus does not answer healthy at $URL/api/health (start it with scripts/run.sh)"
  local owner member
  DATA_INSERTED=1
  owner=$(register owner)
  member=$(register member)
  read -r BENCH_USER TOKEN <<<"$owner"
  read -r MEMBER_USER _ <<<"$member"
  FAMILY_ID=$(post_json /api/families '{"name":"Benchmark family"}' 201 | json_string id)
  # tmdb ids far above TMDB's own, in a block of this run, so that no real or other benchmark title collides.
  local tmdb_base=$((1500000000 + (10#$TAG % 10000) * MAX_ENTRIES))
  sql -v prefix="$ID_PREFIX" -v owner="$BENCH_USER" -v member="$MEMBER_USER" -v family="$FAMILY_ID" \
    -v entries="$ENTRIES" -v tmdb_base="$tmdb_base" <<'SQL'
BEGIN;
INSERT INTO media_items (id, tmdb_id, tmdb_type, title, release_date, genres, creators)
SELECT :'prefix' || 'm' || lpad(g::text, 12, '0'), :tmdb_base + g, 'movie', 'Benchmark ' || md5(g::text),
       DATE '1970-01-01' + (g * 7), ARRAY[(ARRAY['Drama', 'Comedy', 'Crime', 'Animation'])[1 + g % 4], 'Benchmark'], '{}'
FROM generate_series(1, :entries) AS g;
INSERT INTO watchlist_entries (id, user_id, media_item_id, status, rating)
SELECT :'prefix' || 'o' || lpad(g::text, 12, '0'), :'owner', :'prefix' || 'm' || lpad(g::text, 12, '0'),
       (ARRAY['not_watched', 'watching', 'completed'])[1 + g % 3], NULLIF(g % 11, 0)
FROM generate_series(1, :entries) AS g;
INSERT INTO watchlist_entries (id, user_id, media_item_id, status, rating)
SELECT :'prefix' || 'e' || lpad(g::text, 12, '0'), :'member', :'prefix' || 'm' || lpad(g::text, 12, '0'),
       (ARRAY['not_watched', 'completed'])[1 + g % 2], NULLIF(g % 7, 0)
FROM generate_series(2, :entries, 2) AS g;
INSERT INTO family_memberships (id, user_id, family_id, role) VALUES (:'prefix' || 'f000000000001', :'member', :'family', 'member');
INSERT INTO streaming_providers (id, media_item_id, tmdb_provider_id, provider, offer_type, regions)
SELECT :'prefix' || 'p' || lpad(g::text, 12, '0'), :'prefix' || 'm' || lpad(g::text, 12, '0'), 8, 'Netflix', 'subscription', ARRAY['US']
FROM generate_series(1, :entries, 2) AS g;
UPDATE users SET region = 'US' WHERE id = :'owner';
INSERT INTO subscriptions (id, user_id, tmdb_provider_id) VALUES (:'prefix' || 's000000000001', :'owner', 8);
COMMIT;
ANALYZE media_items, watchlist_entries, family_memberships, streaming_providers, subscriptions;
SQL
  echo "owner $BENCH_USER: $ENTRIES entries; member $MEMBER_USER: $((ENTRIES / 2)) entries; family $FAMILY_ID"
}

cleanup() {
  ((DATA_INSERTED)) || return 0
  if ((KEEP)); then
    echo "kept the benchmark data (ids starting with $ID_PREFIX, users bench-$TAG-*@example.com)"
    return 0
  fi
  # Deleting the users takes their sessions, watchlists and memberships with them.
  if ! sql -v prefix="$ID_PREFIX" -v family="$FAMILY_ID" -v emails="bench-$TAG-%@example.com" <<'SQL'; then
DELETE FROM families WHERE id = :'family';
DELETE FROM users WHERE email LIKE :'emails';
DELETE FROM media_items WHERE id LIKE :'prefix' || 'm%';
SQL
    echo "benchmark.sh: could not delete the benchmark data (ids starting with $ID_PREFIX)" >&2
  else
    echo "deleted the benchmark data"
  fi
}

# Runs wrk against one endpoint and prints one line: requests/s, latency percentiles and failed responses.
measure() {
  local name=$1 path=$2 auth=() output status
  [[ $path == /api/health ]] || auth=(-H "Authorization: Bearer $TOKEN")
  status=$(curl -s -m 30 -o /dev/null -w '%{http_code}' "${auth[@]}" "$URL$path")
  [[ $status == 200 ]] || die "GET $path answered $status before the benchmark"
  output=$(wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --latency "${auth[@]}" "$URL$path")
  awk -v name="$name" '
    /^ +50%/ { p50 = $2 } /^ +75%/ { p75 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
    /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { failed = $NF }
    /Socket errors:/ { errors = $0; sub(/^ *Socket errors: */, "", errors) }
    END {
      printf "%-34s %10s %9s %9s %9s %9s %s\n", name, rps, p50, p75, p90, p99, (failed ? failed " non-2xx" : "") (errors ? " socket errors: " errors : "")
    }' <<<"$output"
}

run_benchmarks() {
  section "wrk: $DURATION per endpoint, $CONNECTIONS connections, $THREADS threads, against $URL"
  printf '%-34s %10s %9s %9s %9s %9s\n' endpoint 'req/s' p50 p75 p90 p99
  measure "GET /api/health" /api/health
  measure "GET /api/watchlist?limit=50" "/api/watchlist?limit=50"
  measure "GET /api/watchlist/stats" /api/watchlist/stats
  measure "GET /api/families/{id}/watchlist" "/api/families/$FAMILY_ID/watchlist"
  measure "GET /api/families/{id}/tonight" "/api/families/$FAMILY_ID/tonight"
}

main() {
  parse_arguments "$@"
  ensure_tools
  configure_database
  trap cleanup EXIT
  arrange
  run_benchmarks
}

main "$@"
