#!/usr/bin/env bash
# The benchmark, side by side, in one command (docs/performance.md). Not a test.
#
#   scripts/benchmark.sh [--entries N] [--duration D] [--rounds R] [--connections C] [--threads T] [--pool P] [--url URL] [--keep] [--sql-only]
#
#   --entries      titles on the benchmark user's watchlist (default 10000; at most 50000)
#   --duration     how long wrk loads each endpoint (default 10s; wrk's units: 30s, 2m)
#   --rounds       interleaved rounds of the light reads, InFocus and the baselines in turn (default 3); their ratios
#                  are the medians of the rounds' ratios
#   --connections  concurrent connections (default 16)
#   --threads      wrk threads (default 2)
#   --pool         Maximum Pool Size of the hosts' database connections (default: twice this machine's cores, which
#                  PostgreSQL shares; production's pools are as small: docs/deployment.md, "Connection budget"),
#                  unless Database__ConnectionString sets one; not applied to an InFocus given with --url
#   --url          benchmark an InFocus already running there instead of starting the Release development host
#                  (then its start time is not measured)
#   --keep         keep the benchmark data (users, family, titles) instead of deleting it at the end
#   --sql-only     skip the hosts and wrk: only the SQL comparison (pgbench and EXPLAIN; needs --url)
#
# Builds Release (development host, database tool, tools/InFocus.Baseline), starts the local services when PostgreSQL
# does not answer, applies the migrations, then measures host start to the first 200 of /api/health (3 starts each)
# for the development host and for the bare baseline, and keeps one of each running: InFocus on port 7191 (request
# log at Information, as in production), the baseline without auto-prepare on 7291 and with it on 7292.
# Signs up a benchmark user and a second one (verified through the API), inserts N titles and the user's N watchlist
# entries straight into the database with SQL (generate_series through psql), creates a family through the API whose
# second member shares every other title, adds N/10 shows of 10 seasons x 20 episodes to the user's list with
# seasons 1-5 watched, then runs wrk against InFocus's hot reads (health, watchlist page, one entry, stats, family
# watchlist, up next, tonight, me), the baseline's light reads, GET /api/watchlist during a burst of 8 sign-ins, and
# pgbench (same clients) on the light reads' SQL (extended and prepared) and on the aggregate reads' SQL now and
# before; prints EXPLAIN ANALYZE of the aggregates and, last, the side-by-side table with the ratios the targets of
# issue #19 name. Installs wrk with apt-get when it is missing. Takes about 14 minutes.
#
# The database is the one InFocus uses: the app setting Database__ConnectionString from the environment, else
# InFocus.Functions/local.settings.json, else local.settings.sample.json (ports moved with INFOCUS_*_PORT, as in
# scripts/run.sh, are honoured). It must be on this machine (loopback). See docs/operations.md, "Benchmarks".
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/benchmark-settings.sh
source "$ROOT_DIR/scripts/lib/benchmark-settings.sh"
URL=""
ENTRIES=10000
MAX_ENTRIES=50000
DURATION=10s
ROUNDS=3
CONNECTIONS=16
THREADS=2
POOL=$((2 * $(nproc)))
KEEP=0
PASSWORD="benchmark-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
# Ids in the CUID shape the API expects (25 characters, 'c' then [0-9a-z]): "cbench", a tag of this run, a number.
TAG=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ' | xargs printf '%06d' | cut -c1-6)
ID_PREFIX="cbench$TAG"

BENCH_USER="" MEMBER_USER="" FAMILY_ID="" TOKEN="" SESSION_ID="" DATA_INSERTED=0
INFOCUS_PORT=7191 BASELINE_PORT=7291 BASELINE_PREPARED_PORT=7292
STARTS=3
LOG_DIR="$ROOT_DIR/.local/logs"
STARTED_PIDS=()
# Results by key (endpoint and host), for the side-by-side table at the end.
declare -A RPS=() P99=() TPS=() START_MS=()
# The light reads' rounds: req/s, p99 (ms) and ratios of each round (space-separated), and the medians of the ratios.
declare -A ROUND_RPS=() ROUND_P99=() ROUND_RATIOS=() RATIO=()
STARTED_MS=0 SIGNINS=""

SQL_ONLY=0

usage() { sed -n '2,33p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
die() { printf 'benchmark.sh: error: %s\n' "$*" >&2; exit 1; }
section() { printf '\n==== %s\n' "$*"; }

parse_arguments() {
  while (($#)); do
    case $1 in
      --url) URL=${2:?--url needs a value}; shift 2 ;;
      --entries) ENTRIES=${2:-}; shift 2 ;;
      --duration) DURATION=${2:?--duration needs a value}; shift 2 ;;
      --rounds) ROUNDS=${2:-}; shift 2 ;;
      --connections) CONNECTIONS=${2:-}; shift 2 ;;
      --threads) THREADS=${2:-}; shift 2 ;;
      --pool) POOL=${2:-}; shift 2 ;;
      --keep) KEEP=1; shift ;;
      --sql-only) SQL_ONLY=1; shift ;;
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
  [[ $POOL =~ ^[0-9]+$ ]] && ((POOL >= 1)) || die "--pool must be a positive integer"
  [[ $ROUNDS =~ ^[0-9]+$ ]] && ((ROUNDS >= 1)) || die "--rounds must be a positive integer"
  ((SQL_ONLY == 0)) || [[ -n $URL ]] || die "--sql-only needs --url (a running InFocus)"
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

# The hosts' connection pool: --pool unless the connection string sizes it. A pool of the default size (100) lets 16
# clients keep 16 PostgreSQL backends runnable on the 2 cores the host and wrk also need, and the scheduler's queue
# becomes the requests' tail latency (docs/performance.md, "Connections").
size_pool() {
  [[ -n $(connection_value "$Database__ConnectionString" '\(maximum pool size\|max pool size\|maxpoolsize\)') ]] && return 0
  Database__ConnectionString="${Database__ConnectionString%;};Maximum Pool Size=$POOL"
}

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

# Registers through the API (email-first: 202), gives the pending registration a verification token this script knows
# (its SHA-256, as the app stores it), and verifies it through the API, which signs the new account in.
register() {
  local email="bench-$TAG-$1@example.com" token response
  post_json /api/auth/register "{\"email\":\"$email\",\"password\":\"$PASSWORD\",\"name\":\"Benchmark $1\"}" 202 >/dev/null
  token=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
  sql -v email="$email" -v token="$token" <<'SQL'
UPDATE pending_registrations SET token_hash = sha256(convert_to(:'token', 'UTF8')) WHERE email = :'email';
SQL
  response=$(post_json /api/auth/verify-email "{\"token\":\"$token\"}" 200)
  printf '%s %s' "$(json_string id <<<"$response")" "$(json_string accessToken <<<"$response")"
}

arrange() {
  section "Benchmark data ($ENTRIES titles, tag $TAG)"
  curl -sf -m 10 -o /dev/null "$URL/api/health" || die "InFocus does not answer healthy at $URL/api/health"
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
-- Shows in progress for up next: N/10 shows of 10 seasons x 20 weekly episodes (all aired), seasons 1-5 watched.
INSERT INTO media_items (id, tmdb_id, tmdb_type, title, release_date, genres, creators, show_status, seasons_refreshed_at)
SELECT :'prefix' || 's' || lpad(g::text, 12, '0'), :tmdb_base + g, 'tv', 'Benchmark show ' || md5(g::text),
       DATE '2000-01-01', ARRAY['Drama'], '{}', 'returning_series', now()
FROM generate_series(1, greatest(1, :entries / 10)) AS g;
INSERT INTO seasons (id, media_item_id, number, name, episode_count)
SELECT :'prefix' || 'n' || lpad((g * 100 + s)::text, 12, '0'), :'prefix' || 's' || lpad(g::text, 12, '0'), s, 'Season ' || s, 20
FROM generate_series(1, greatest(1, :entries / 10)) AS g, generate_series(1, 10) AS s;
INSERT INTO episodes (id, media_item_id, season_id, season_number, number, name, air_date)
SELECT :'prefix' || 'p' || lpad((g * 10000 + s * 100 + e)::text, 12, '0'), :'prefix' || 's' || lpad(g::text, 12, '0'),
       :'prefix' || 'n' || lpad((g * 100 + s)::text, 12, '0'), s, e, 'Episode ' || e, DATE '2000-01-01' + 7 * ((s - 1) * 20 + e)
FROM generate_series(1, greatest(1, :entries / 10)) AS g, generate_series(1, 10) AS s, generate_series(1, 20) AS e;
INSERT INTO viewings (id, user_id, media_item_id, episode_id, watched_at)
SELECT :'prefix' || 'v' || substr(e.id, 14), :'owner', e.media_item_id, e.id, timestamptz '2025-01-01' + e.number * interval '1 hour'
FROM episodes e WHERE e.id LIKE :'prefix' || 'p%' AND e.season_number <= 5;
INSERT INTO watchlist_entries (id, user_id, media_item_id, status, last_watched_at)
SELECT :'prefix' || 'w' || lpad(g::text, 12, '0'), :'owner', :'prefix' || 's' || lpad(g::text, 12, '0'), 'watching',
       timestamptz '2025-01-02' - g * interval '1 minute'
FROM generate_series(1, greatest(1, :entries / 10)) AS g;
INSERT INTO streaming_providers (id, media_item_id, tmdb_provider_id, provider, offer_type, regions)
SELECT :'prefix' || 'p' || lpad(g::text, 12, '0'), :'prefix' || 'm' || lpad(g::text, 12, '0'), 8, 'Netflix', 'subscription', ARRAY['US']
FROM generate_series(1, :entries, 2) AS g;
UPDATE users SET region = 'US' WHERE id = :'owner';
INSERT INTO subscriptions (id, user_id, tmdb_provider_id) VALUES (:'prefix' || 's000000000001', :'owner', 8);
COMMIT;
ANALYZE media_items, watchlist_entries, family_memberships, seasons, episodes, viewings, streaming_providers, subscriptions;
SQL
  SESSION_ID=$(sql -v owner="$BENCH_USER" <<<"SELECT id FROM sessions WHERE user_id = :'owner' ORDER BY created_at DESC LIMIT 1;")
  echo "owner $BENCH_USER: $ENTRIES entries and $((ENTRIES / 10 > 0 ? ENTRIES / 10 : 1)) shows in progress; member $MEMBER_USER: $((ENTRIES / 2)) entries; family $FAMILY_ID"
}

cleanup() {
  stop_hosts
  ((DATA_INSERTED)) || return 0
  if ((KEEP)); then
    echo "kept the benchmark data (ids starting with $ID_PREFIX, users bench-$TAG-*@example.com)"
    return 0
  fi
  # Deleting the users takes their sessions, watchlists and memberships with them.
  if ! sql -v prefix="$ID_PREFIX" -v family="$FAMILY_ID" -v emails="bench-$TAG-%@example.com" <<'SQL'; then
DELETE FROM families WHERE id = :'family';
DELETE FROM users WHERE email LIKE :'emails';
DELETE FROM media_items WHERE id LIKE :'prefix' || 'm%' OR id LIKE :'prefix' || 's%';
SQL
    echo "benchmark.sh: could not delete the benchmark data (ids starting with $ID_PREFIX)" >&2
  else
    echo "deleted the benchmark data"
  fi
}

# Runs wrk against one endpoint of one host and prints one line: requests/s, latency percentiles and failed responses;
# keeps req/s, p50 and p99 under <key> for the table at the end.
measure() {
  local key=$1 name=$2 base=$3 path=$4 auth=() output status line
  [[ $path == /api/health ]] || auth=(-H "Authorization: Bearer $TOKEN")
  status=$(curl -s -m 30 -o /dev/null -w '%{http_code}' "${auth[@]}" "$base$path")
  [[ $status == 200 ]] || die "GET $base$path answered $status before the benchmark"
  output=$(wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --latency "${auth[@]}" "$base$path")
  line=$(awk -v name="$name" '
    /^ +50%/ { p50 = $2 } /^ +75%/ { p75 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
    /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { failed = $NF }
    /Socket errors:/ { errors = $0; sub(/^ *Socket errors: */, "", errors) }
    END {
      printf "%-44s %10s %9s %9s %9s %9s %s\n", name, rps, p50, p75, p90, p99, (failed ? failed " non-2xx" : "") (errors ? " socket errors: " errors : "")
    }' <<<"$output")
  printf '%s\n' "$line"
  RPS[$key]=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$output")
  P99[$key]=$(awk '/^ +99%/ { print $2 }' <<<"$output")
}

# GET /api/watchlist while 8 clients sign in back to back (bcrypt at the configured cost): with the bcrypt work bounded
# (Auth__PasswordHashingConcurrency) the reads keep most of the machine; refused sign-ins (503) are counted.
signin_burst() {
  local dir pids=() i
  dir=$(mktemp -d)
  for i in 1 2 3 4 5 6 7 8; do
    (
      end=$((SECONDS + ${DURATION%s} + 1))
      while ((SECONDS < end)); do
        curl -s -m 30 -o /dev/null -w '%{http_code}\n' "$URL/api/auth/login" -H 'Content-Type: application/json' \
          -d "{\"email\":\"bench-$TAG-owner@example.com\",\"password\":\"$PASSWORD\"}"
      done >"$dir/$i"
    ) &
    pids+=($!)
  done
  measure burst "GET /api/watchlist?limit=50 +8 sign-ins" "$URL" "/api/watchlist?limit=50"
  wait "${pids[@]}"
  SIGNINS=$(cat "$dir"/* | sort | uniq -c | awk '{ printf "%s×%s ", $1, $2 }')
  printf '%-44s %s\n' "  sign-in answers" "$SIGNINS"
  rm -rf "$dir"
}

# The light reads of InFocus and of the baseline (without, then with auto-prepare) one after the other, endpoint by
# endpoint, so that the machine's load drifts as little as possible between the numbers a ratio compares.
run_benchmarks() {
  local entry light key name path base round host warmup
  entry="/api/watchlist/${ID_PREFIX}o$(printf '%012d' 1)"
  # The other reads first: their first statements are slow (up next and tonight run for a second each, 16 at once), and
  # they would otherwise be warmed between a light read's warm-up and its rounds.
  for path in /api/watchlist/stats "/api/families/$FAMILY_ID/watchlist" "/api/me/up-next?limit=50" "/api/families/$FAMILY_ID/tonight"; do
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "${WARMUP:-10s}" -H "Authorization: Bearer $TOKEN" "$URL$path" >/dev/null
  done
  section "wrk: $DURATION per endpoint, $CONNECTIONS connections, $THREADS threads"
  printf '%-44s %10s %9s %9s %9s %9s\n' endpoint 'req/s' p50 p75 p90 p99
  # InFocus's health reads the database and the queue; the baseline's is a constant: not a pair to compare.
  measure health "GET /api/health" "$URL" /api/health
  # A ratio compares two hosts measured seconds apart on a machine whose speed drifts (on a shared VM, the same host
  # measured twice in a row can differ by a fifth): each light read is measured in ROUNDS interleaved rounds, and its
  # numbers are the medians of the rounds.
  for light in "watchlist|GET /api/watchlist?limit=50|/api/watchlist?limit=50" \
    "entry|GET /api/watchlist/{id}|$entry" "me|GET /api/me|/api/me"; do
    IFS='|' read -r key name path <<<"$light"
    # Warm-up, right before the rounds: the JIT compiles the hot paths to their final tier during the first seconds of
    # load; a host measured before that (InFocus has far more code to compile than the baseline) would be compared
    # half-compiled. On the 2-core machine InFocus's light reads still ran at half speed after 3 seconds of load:
    # InFocus gets 30 s (INFOCUS_WARMUP), the baselines, a page of code each, 10 (WARMUP). Warmed all at the start,
    # before the other reads' warm-up, the watchlist page's first round ran at two thirds of its third.
    for base in "$URL" "http://127.0.0.1:$BASELINE_PORT" "http://127.0.0.1:$BASELINE_PREPARED_PORT"; do
      warmup=${WARMUP:-10s}
      [[ $base != "$URL" ]] || warmup=${INFOCUS_WARMUP:-30s}
      wrk -t "$THREADS" -c "$CONNECTIONS" -d "$warmup" -H "Authorization: Bearer $TOKEN" "$base$path" >/dev/null
    done
    for ((round = 1; round <= ROUNDS; round++)); do
      measure "$key" "$name (round $round)" "$URL" "$path"
      measure "baseline-$key" "  baseline" "http://127.0.0.1:$BASELINE_PORT" "$path"
      measure "prepared-$key" "  baseline, auto-prepare" "http://127.0.0.1:$BASELINE_PREPARED_PORT" "$path"
      for host in "$key" "baseline-$key" "prepared-$key"; do
        ROUND_RPS[$host]+="${RPS[$host]} " ROUND_P99[$host]+="$(milliseconds "${P99[$host]}") "
      done
    done
    for host in "$key" "baseline-$key" "prepared-$key"; do
      RPS[$host]=$(median ${ROUND_RPS[$host]}) P99[$host]="$(median ${ROUND_P99[$host]})ms"
    done
    ROUND_RATIOS[$key]=$(round_ratios "${ROUND_RPS[$key]}" "${ROUND_RPS[baseline-$key]}")
    ROUND_RATIOS[$key-prepared]=$(round_ratios "${ROUND_RPS[$key]}" "${ROUND_RPS[prepared-$key]}")
    RATIO[$key]=$(median ${ROUND_RATIOS[$key]}) RATIO[$key-prepared]=$(median ${ROUND_RATIOS[$key-prepared]})
  done
  measure stats "GET /api/watchlist/stats" "$URL" /api/watchlist/stats
  measure family "GET /api/families/{id}/watchlist" "$URL" "/api/families/$FAMILY_ID/watchlist"
  # The same page with fewer clients: at 16 the closed loop keeps the 2 cores saturated, and the latency is mostly
  # queueing (Little's law: 16 / throughput on average), which fewer clients show apart from the page's own cost.
  CONNECTIONS=4 measure family-4 "  at 4 connections" "$URL" "/api/families/$FAMILY_ID/watchlist"
  measure upnext "GET /api/me/up-next?limit=50" "$URL" "/api/me/up-next?limit=50"
  measure tonight "GET /api/families/{id}/tonight" "$URL" "/api/families/$FAMILY_ID/tonight"
  signin_burst
}

# For pgbench (:owner, :session and :family are pgbench variables): the SQL of the light reads, as InFocus runs it (the
# session check, then the endpoint's statement; tools/InFocus.Baseline/BaselineSql.cs), and of the aggregate reads, now
# and before.
write_sql_files() {
  local dir=$1
  local session="SELECT s.last_used_at FROM sessions AS s WHERE s.id = :session AND s.user_id = :owner AND s.revoked_at IS NULL AND s.expires_at > now() LIMIT 1;"
  cat >"$dir/watchlist-light.sql" <<SQL
$session
SELECT w0.id, w0.date_added, w0.date_updated, w0.last_watched_at, w0.media_item_id, w0.notes, w0.rating, w0.status, w0.status_follows_progress, w0.user_id, w0.xmin, m.id, m.tmdb_id, m.tmdb_type, m.title, m.poster_path, m.release_date, m.genres
FROM (SELECT w.id, w.date_added, w.date_updated, w.last_watched_at, w.media_item_id, w.notes, w.rating, w.status, w.status_follows_progress, w.user_id, w.xmin
      FROM watchlist_entries AS w WHERE w.user_id = :owner ORDER BY w.date_added DESC, w.id DESC LIMIT 51) AS w0
INNER JOIN media_items AS m ON w0.media_item_id = m.id ORDER BY w0.date_added DESC, w0.id DESC;
SQL
  cat >"$dir/me-light.sql" <<SQL
$session
SELECT u.id, u.created_at, u.email, u.name, u.password_hash, u.region, u.updated_at, p.id, p.avatar, p.bio, p.created_at, p.preferences, p.updated_at, p.user_id,
       (SELECT count(*)::int FROM notifications AS n WHERE n.user_id = u.id AND n.read_at IS NULL) AS "Unread"
FROM users AS u LEFT JOIN profiles AS p ON u.id = p.user_id WHERE u.id = :owner LIMIT 1;
SQL
  cat >"$dir/family-now.sql" <<'SQL'
WITH page AS (
  SELECT t.media_item_id, t.member_count, t.title FROM family_titles t
  WHERE t.family_id = :family AND t.member_count > 0 ORDER BY t.member_count DESC, t.title, t.media_item_id LIMIT 51),
members AS MATERIALIZED (
  SELECT fm.user_id, u.name FROM family_memberships fm JOIN users u ON u.id = fm.user_id WHERE fm.family_id = :family)
SELECT m.id, m.tmdb_id, m.tmdb_type, m.title, m.poster_path, m.release_date, m.genres, p.member_count,
       e.member_ids, e.member_names, e.member_statuses, e.member_ratings
FROM page p JOIN media_items m ON m.id = p.media_item_id
CROSS JOIN LATERAL (
  SELECT array_agg(mb.user_id ORDER BY mb.name, mb.user_id) AS member_ids, array_agg(mb.name ORDER BY mb.name, mb.user_id) AS member_names,
         array_agg(w.status ORDER BY mb.name, mb.user_id) AS member_statuses, array_agg(w.rating ORDER BY mb.name, mb.user_id) AS member_ratings
  FROM members mb JOIN watchlist_entries w ON w.user_id = mb.user_id AND w.media_item_id = p.media_item_id) e
ORDER BY p.member_count DESC, p.title, p.media_item_id;
SQL
  cat >"$dir/family-before.sql" <<'SQL'
SELECT json_build_object('media', json_build_object('id', m.id, 'tmdbId', m.tmdb_id, 'type', m.tmdb_type, 'title', m.title,
         'posterPath', m.poster_path, 'releaseDate', m.release_date, 'genres', m.genres), 'memberCount', t.member_count, 'members', t.members)::text
FROM (SELECT w.media_item_id, count(*) AS member_count,
             json_agg(json_build_object('userId', u.id, 'name', u.name, 'status', w.status, 'rating', w.rating) ORDER BY u.name, u.id) AS members
      FROM family_memberships fm JOIN watchlist_entries w ON w.user_id = fm.user_id JOIN users u ON u.id = fm.user_id
      WHERE fm.family_id = :family GROUP BY w.media_item_id) t
JOIN media_items m ON m.id = t.media_item_id ORDER BY t.member_count DESC, m.title, m.id LIMIT 51;
SQL
  cat >"$dir/stats-now.sql" <<'SQL'
SELECT total, not_watched, watching, completed, rated, rating_sum FROM watchlist_totals WHERE id = :owner;
SELECT genre, count FROM watchlist_genre_counts WHERE user_id = :owner AND count > 0 ORDER BY count DESC, genre;
SQL
  cat >"$dir/stats-before.sql" <<'SQL'
SELECT status, count(*), count(rating), coalesce(sum(rating), 0) FROM watchlist_entries WHERE user_id = :owner GROUP BY status;
SELECT g, count(*) FROM watchlist_entries w JOIN media_items m ON m.id = w.media_item_id CROSS JOIN LATERAL unnest(m.genres) AS g
WHERE w.user_id = :owner GROUP BY g ORDER BY count(*) DESC, g;
SQL
}

# pgbench on one file: transactions per second (each transaction is one request's SQL); protocol prepared unless given.
pgbench_tps() {
  local file=$1 protocol=${2:-prepared}
  "$(command -v pgbench || echo /usr/lib/postgresql/17/bin/pgbench)" -n -M "$protocol" -c "$CONNECTIONS" -j "$THREADS" -T "${PGBENCH_SECONDS:-10}" \
    -D family="$FAMILY_ID" -D owner="$BENCH_USER" -D session="$SESSION_ID" -f "$file" 2>/dev/null | awk '/^tps = / { printf "%.0f", $3 }'
}

# EXPLAIN ANALYZE of one file's first statement: execution time and shared buffers touched.
explain() {
  local file=$1 statement
  statement=$(sed -e "s/:family/'$FAMILY_ID'/g" -e "s/:owner/'$BENCH_USER'/g" "$file" | awk 'BEGIN { RS = ";" } NR == 1 { print; exit }')
  local plan
  plan=$(sql -c "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) $statement" | tr -d '\n')
  printf '%s rows, %s buffers, %s ms' \
    "$(grep -oE '"Actual Rows": [0-9]+' <<<"$plan" | head -n1 | grep -oE '[0-9]+$')" \
    "$(grep -oE '"Shared (Hit|Read) Blocks": [0-9]+' <<<"$plan" | head -n2 | grep -oE '[0-9]+$' | awk '{ s += $1 } END { print s }')" \
    "$(grep -oE '"Execution Time": [0-9.]+' <<<"$plan" | grep -oE '[0-9.]+$')"
}

compare_sql() {
  command -v pgbench >/dev/null || [[ -x /usr/lib/postgresql/17/bin/pgbench ]] || { echo "pgbench not found: SQL comparison skipped"; return 0; }
  local dir name
  dir=$(mktemp -d)
  write_sql_files "$dir"
  section "SQL of the light reads: pgbench ${PGBENCH_SECONDS:-10}s, $CONNECTIONS clients, extended and prepared protocol"
  printf '%-34s %12s %12s\n' query 'extended tps' 'prepared tps'
  for name in watchlist me; do
    TPS[$name-extended]=$(pgbench_tps "$dir/$name-light.sql" extended)
    TPS[$name-prepared]=$(pgbench_tps "$dir/$name-light.sql" prepared)
    printf '%-34s %12s %12s\n' "$name" "${TPS[$name-extended]}" "${TPS[$name-prepared]}"
  done
  section "SQL side by side: pgbench ${PGBENCH_SECONDS:-10}s, $CONNECTIONS clients, prepared; now (maintained summaries) vs before (whole-list aggregates)"
  printf '%-34s %12s %12s %8s\n' query 'now tps' 'before tps' ratio
  for name in family stats; do
    TPS[$name]=$(pgbench_tps "$dir/$name-now.sql")
    TPS[$name-before]=$(pgbench_tps "$dir/$name-before.sql")
    printf '%-34s %12s %12s %8s\n' "$name" "${TPS[$name]}" "${TPS[$name-before]}" "$(ratio "${TPS[$name]}" "${TPS[$name-before]}")"
  done
  section "EXPLAIN ANALYZE of the first statement of each: rows returned, shared buffers touched, execution time"
  for name in family-now family-before stats-now stats-before; do
    printf '%-16s %s\n' "$name" "$(explain "$dir/$name.sql")"
  done
  rm -rf "$dir"
}

# a / b with two decimals, or empty when either is missing.
ratio() { awk -v a="${1:-}" -v b="${2:-}" 'BEGIN { if (a != "" && b > 0) printf "%.2f", a / b }'; }

# The median of the numbers given as arguments (two decimals).
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR) printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The rounds' ratios a_i / b_i in order ("0.88 0.93 0.91"), from two lists of the rounds' numbers.
round_ratios() {
  local a=($1) b=($2) ratios=() i
  for i in "${!a[@]}"; do ratios+=("$(ratio "${a[$i]}" "${b[$i]:-}")"); done
  echo "${ratios[*]}"
}

# Latency from wrk's units (us, ms, s) in milliseconds.
milliseconds() {
  awk -v v="${1:-}" 'BEGIN { if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0; else if (v ~ /s$/) printf "%.2f", v * 1000 }'
}

# The side-by-side table of issue #19, from the numbers measured above in this run.
print_summary() {
  section "Side by side (one run, one machine; read the ratios; light reads: medians of $ROUNDS rounds)"
  printf '%-34s %10s %9s %12s %12s %9s %9s %18s\n' endpoint 'InFocus' 'p99' 'baseline' 'auto-prep' 'ratio' 'ratio/ap' 'pgbench ext/prep'
  local key name
  for key in watchlist entry me; do
    case $key in
      watchlist) name="GET /api/watchlist?limit=50" ;;
      entry) name="GET /api/watchlist/{id}" ;;
      me) name="GET /api/me" ;;
    esac
    printf '%-34s %10s %9s %12s %12s %9s %9s %18s\n' "$name" "${RPS[$key]:-}" "${P99[$key]:-}" "${RPS[baseline-$key]:-}" \
      "${RPS[prepared-$key]:-}" "${RATIO[$key]:-}" "${RATIO[$key-prepared]:-}" \
      "${TPS[$key-extended]:-}${TPS[$key-extended]:+ / }${TPS[$key-prepared]:-}"
  done
  for key in health stats family family-4 upnext tonight; do
    printf '%-34s %10s %9s %12s %12s %9s %9s %18s\n' "$key" "${RPS[$key]:-}" "${P99[$key]:-}" "" "" "" "" "${TPS[$key]:-}"
  done
  echo
  local idle burst
  idle=$(milliseconds "${P99[watchlist]:-}") burst=$(milliseconds "${P99[burst]:-}")
  printf '%-58s %s\n' "GET /api/watchlist p99 during 8 sign-ins / idle p99" "$burst ms / $idle ms = $(ratio "$burst" "$idle") (target < 3; sign-ins: ${SIGNINS:-})"
  if [[ -n ${START_MS[infocus]:-} ]]; then
    printf '%-58s %s\n' "start to first /api/health 200, median of $STARTS" \
      "InFocus ${START_MS[infocus]} ms, baseline ${START_MS[baseline]} ms = $(ratio "${START_MS[infocus]}" "${START_MS[baseline]}") (target <= 2)"
  fi
  printf '%-58s %s\n' "family watchlist (target >= 500 req/s, p99 <= 50 ms)" \
    "16 connections: ${RPS[family]:-} req/s, p99 ${P99[family]:-}; 4 connections: ${RPS[family-4]:-} req/s, p99 ${P99[family-4]:-}"
  printf '%-58s %s\n' "light reads InFocus / baseline (target >= 0.9)" \
    "watchlist ${RATIO[watchlist]:-}, entry ${RATIO[entry]:-}, me ${RATIO[me]:-} (rounds: watchlist ${ROUND_RATIOS[watchlist]:-}; entry ${ROUND_RATIOS[entry]:-}; me ${ROUND_RATIOS[me]:-})"
}

# Starts a host in the background and waits for its first 200 from /api/health: STARTED_MS is the milliseconds from
# launch, and the process id joins STARTED_PIDS.
start_host() {
  local name=$1 port=$2 started pid
  shift 2
  curl -s -m 1 -o /dev/null "http://127.0.0.1:$port/api/health" && die "port $port is taken: stop what listens there"
  started=$(date +%s%N)
  "$@" >>"$LOG_DIR/benchmark-$name.log" 2>&1 &
  pid=$!
  STARTED_PIDS+=("$pid")
  until [[ $(curl -s -m 1 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/health") == 200 ]]; do
    kill -0 "$pid" 2>/dev/null || die "$name exited before answering (see $LOG_DIR/benchmark-$name.log)"
    (($(date +%s%N) - started < 120000000000)) || die "$name did not answer within 2 minutes (see $LOG_DIR/benchmark-$name.log)"
    sleep 0.01
  done
  STARTED_MS=$((($(date +%s%N) - started) / 1000000))
}

stop_hosts() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do
    if kill "$pid" 2>/dev/null; then
      wait "$pid" 2>/dev/null || true
    fi
  done
  STARTED_PIDS=()
}

# Run in the background (a subshell): the cd stays there.
infocus_host() {
  cd "$ROOT_DIR"
  exec "$ROOT_DIR/tools/InFocus.DevHost/bin/Release/net10.0/InFocus.DevHost" --port "$INFOCUS_PORT"
}
baseline_host() { exec "$ROOT_DIR/tools/InFocus.Baseline/bin/Release/net10.0/InFocus.Baseline" "$@"; }

# Median of the start times of <name> (a function starting it) over $STARTS starts, stopped after each.
measure_start() {
  local name=$1 port=$2 times=() i
  shift 2
  for ((i = 0; i < STARTS; i++)); do
    start_host "$name" "$port" "$@"
    times+=("$STARTED_MS")
    stop_hosts
  done
  START_MS[$name]=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((STARTS + 1) / 2))p")
  printf '%-10s start to first /api/health 200: %s ms (median of %s)\n' "$name" "${START_MS[$name]}" "${times[*]}"
}

# Builds Release, prepares the database, measures both hosts' start and leaves InFocus and two baselines running.
start_hosts() {
  section "Release build, database, host start"
  mkdir -p "$LOG_DIR"
  if ! sql -c 'SELECT 1' >/dev/null 2>&1; then
    "$ROOT_DIR/scripts/services.sh" start
  fi
  dotnet build "$ROOT_DIR/tools/InFocus.DevHost" -c Release -nologo -v quiet
  dotnet build "$ROOT_DIR/tools/InFocus.Baseline" -c Release -nologo -v quiet
  dotnet build "$ROOT_DIR/tools/InFocus.DbTool" -c Release -nologo -v quiet
  dotnet run -c Release --no-build --project "$ROOT_DIR/tools/InFocus.DbTool" -- migrate
  # The first start of each warms the file cache; the measured starts follow.
  start_host infocus "$INFOCUS_PORT" infocus_host && stop_hosts
  measure_start infocus "$INFOCUS_PORT" infocus_host
  start_host baseline "$BASELINE_PORT" baseline_host --port "$BASELINE_PORT" && stop_hosts
  measure_start baseline "$BASELINE_PORT" baseline_host --port "$BASELINE_PORT"
  start_host infocus "$INFOCUS_PORT" infocus_host
  start_host baseline "$BASELINE_PORT" baseline_host --port "$BASELINE_PORT"
  start_host baseline-prepared "$BASELINE_PREPARED_PORT" baseline_host --port "$BASELINE_PREPARED_PORT" --auto-prepare
  URL=http://127.0.0.1:$INFOCUS_PORT
}

main() {
  parse_arguments "$@"
  ensure_tools
  export_settings
  size_pool
  configure_database
  trap cleanup EXIT
  if [[ -z $URL ]]; then
    start_hosts
  elif ((SQL_ONLY == 0)); then
    mkdir -p "$LOG_DIR"
    start_host baseline "$BASELINE_PORT" baseline_host --port "$BASELINE_PORT"
    start_host baseline-prepared "$BASELINE_PREPARED_PORT" baseline_host --port "$BASELINE_PREPARED_PORT" --auto-prepare
  fi
  arrange
  ((SQL_ONLY)) || run_benchmarks
  compare_sql
  ((SQL_ONLY)) || print_summary
}

main "$@"
