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
#   --sql-only     skip wrk: only the side-by-side SQL comparison (pgbench and EXPLAIN)
#
# Signs up a benchmark user and a second one (verified through the API), inserts N titles and the user's N watchlist entries
# straight into the database with SQL (generate_series through psql), creates a family through the API whose second
# member shares every other title, adds N/10 shows of 10 seasons x 20 episodes to the user's list with seasons 1-5
# watched, then runs wrk against GET /api/health, GET /api/watchlist?limit=50, GET /api/watchlist/stats,
# GET /api/families/{id}/watchlist, GET /api/me/up-next?limit=50 and GET /api/families/{id}/tonight (every other title
# streams on Netflix in the US, the owner's region and service), and prints requests per second and latency
# percentiles for each. Installs wrk with apt-get when it is missing. Then, side by side in the same run, pgbench
# (--connections clients, prepared statements) on the SQL of the two aggregate reads as the app runs it now (the
# maintained summaries) and as it ran before (the whole-list aggregates), with the ratios, and EXPLAIN ANALYZE of each
# (rows and buffers read): see docs/performance.md.
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

SQL_ONLY=0

usage() { sed -n '2,26p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
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
  echo "owner $BENCH_USER: $ENTRIES entries and $((ENTRIES / 10 > 0 ? ENTRIES / 10 : 1)) shows in progress; member $MEMBER_USER: $((ENTRIES / 2)) entries; family $FAMILY_ID"
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
DELETE FROM media_items WHERE id LIKE :'prefix' || 'm%' OR id LIKE :'prefix' || 's%';
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
  measure "GET /api/watchlist?limit=50 +8 sign-ins" "/api/watchlist?limit=50"
  wait "${pids[@]}"
  printf '%-34s %s\n' "  sign-in answers" "$(cat "$dir"/* | sort | uniq -c | awk '{ printf "%s×%s ", $1, $2 }')"
  rm -rf "$dir"
}

run_benchmarks() {
  section "wrk: $DURATION per endpoint, $CONNECTIONS connections, $THREADS threads, against $URL"
  printf '%-34s %10s %9s %9s %9s %9s\n' endpoint 'req/s' p50 p75 p90 p99
  measure "GET /api/health" /api/health
  measure "GET /api/watchlist?limit=50" "/api/watchlist?limit=50"
  measure "GET /api/watchlist/stats" /api/watchlist/stats
  measure "GET /api/families/{id}/watchlist" "/api/families/$FAMILY_ID/watchlist"
  measure "GET /api/me/up-next?limit=50" "/api/me/up-next?limit=50"
  measure "GET /api/families/{id}/tonight" "/api/families/$FAMILY_ID/tonight"
  measure "GET /api/me" /api/me
  signin_burst
}

# The SQL of the aggregate reads, now and before, for pgbench (:owner and :family are pgbench variables).
write_sql_files() {
  local dir=$1
  cat >"$dir/family-now.sql" <<'SQL'
WITH page AS (
  SELECT t.media_item_id, t.member_count, t.title FROM family_titles t
  WHERE t.family_id = :family AND t.member_count > 0 ORDER BY t.member_count DESC, t.title, t.media_item_id LIMIT 51)
SELECT json_build_object('media', json_build_object('id', m.id, 'tmdbId', m.tmdb_id, 'type', m.tmdb_type, 'title', m.title,
         'posterPath', m.poster_path, 'releaseDate', m.release_date, 'genres', m.genres), 'memberCount', p.member_count,
       'members', (SELECT json_agg(json_build_object('userId', u.id, 'name', u.name, 'status', w.status, 'rating', w.rating) ORDER BY u.name, u.id)
                   FROM family_memberships fm JOIN watchlist_entries w ON w.user_id = fm.user_id AND w.media_item_id = p.media_item_id
                   JOIN users u ON u.id = fm.user_id WHERE fm.family_id = :family))::text
FROM page p JOIN media_items m ON m.id = p.media_item_id ORDER BY p.member_count DESC, p.title, p.media_item_id;
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

# pgbench on one file: transactions per second (each transaction is one request's SQL).
pgbench_tps() {
  local file=$1
  "$(command -v pgbench || echo /usr/lib/postgresql/17/bin/pgbench)" -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "${PGBENCH_SECONDS:-10}" \
    -D family="$FAMILY_ID" -D owner="$BENCH_USER" -f "$file" 2>/dev/null | awk '/^tps = / { printf "%.0f", $3 }'
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
  local dir
  dir=$(mktemp -d)
  write_sql_files "$dir"
  section "SQL side by side: pgbench ${PGBENCH_SECONDS:-10}s, $CONNECTIONS clients, prepared; now (maintained summaries) vs before (whole-list aggregates)"
  printf '%-34s %12s %12s %8s\n' query 'now tps' 'before tps' ratio
  local name now before
  for name in family stats; do
    now=$(pgbench_tps "$dir/$name-now.sql")
    before=$(pgbench_tps "$dir/$name-before.sql")
    printf '%-34s %12s %12s %8s\n' "$name" "$now" "$before" "$(awk -v a="$now" -v b="$before" 'BEGIN { if (b > 0) printf "%.1fx", a / b }')"
  done
  section "EXPLAIN ANALYZE of the first statement of each: rows returned, shared buffers touched, execution time"
  for name in family-now family-before stats-now stats-before; do
    printf '%-16s %s\n' "$name" "$(explain "$dir/$name.sql")"
  done
  rm -rf "$dir"
}

main() {
  parse_arguments "$@"
  ensure_tools
  configure_database
  trap cleanup EXIT
  arrange
  ((SQL_ONLY)) || run_benchmarks
  compare_sql
}

main "$@"
