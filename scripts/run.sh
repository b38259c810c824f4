#!/usr/bin/env bash
# THE run command: InFocus on this machine, without Azure Functions Core Tools.
#
#   scripts/run.sh [--port N]          (default port 7071, like func start; invitation links follow the port)
#
# Starts the local services (PostgreSQL, Azurite, smtp4dev: scripts/services.sh), restores the .NET tools, builds
# the development host and the database tool, applies the migrations, seeds the demo data, prints where everything
# is, then runs the development host (tools/InFocus.DevHost) in the foreground. Migrations and seed are idempotent,
# so a second run keeps the data of the first.
#
# Ctrl-C stops the host. The services keep running; `scripts/services.sh stop` stops them.
# Settings: InFocus.Functions/local.settings.json, created from local.settings.sample.json on the first run (later runs
# add the settings a newer sample has and the file lacks);
# environment variables override it (see docs/development-host.md).
# A service that another checkout runs on the same port is used as it is.
# Ports moved with INFOCUS_*_PORT (see scripts/services.sh) are passed on to the app as settings.
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL_SETTINGS="$ROOT_DIR/InFocus.Functions/local.settings.json"
SAMPLE_SETTINGS="$ROOT_DIR/local.settings.sample.json"
DEFAULT_PORT=7071
PORT=$DEFAULT_PORT
FOREIGN_SERVICES=()

# The same defaults and variables as scripts/services.sh.
readonly HOST=127.0.0.1
PG_PORT="${INFOCUS_PG_PORT:-55432}"
AZURITE_BLOB_PORT="${INFOCUS_AZURITE_BLOB_PORT:-10000}"
AZURITE_QUEUE_PORT="${INFOCUS_AZURITE_QUEUE_PORT:-10001}"
AZURITE_TABLE_PORT="${INFOCUS_AZURITE_TABLE_PORT:-10002}"
SMTP_PORT="${INFOCUS_SMTP_PORT:-2525}"
SMTP_WEB_PORT="${INFOCUS_SMTP_WEB_PORT:-5080}"
PG_ISREADY="${INFOCUS_PG_CLIENT_BIN:-/usr/lib/postgresql/15/bin}/pg_isready"
# Azurite's well-known development account (published in its documentation), with endpoints on moved ports.
readonly AZURITE_ACCOUNT="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

usage() {
  sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

section() { printf '\n==== %s\n' "$*"; }
die() { printf 'run.sh: error: %s\n' "$*" >&2; exit 1; }

parse_arguments() {
  while (($#)); do
    case $1 in
      --port | -p)
        [[ ${2:-} =~ ^[0-9]+$ ]] || die "--port needs a number"
        PORT=$2
        shift 2
        ;;
      -h | --help)
        usage
        exit 0
        ;;
      *)
        usage >&2
        exit 1
        ;;
    esac
  done
}

postgres_answers() { [[ -x $PG_ISREADY ]] && "$PG_ISREADY" -q -h "$HOST" -p "$PG_PORT" -t 2; }
azurite_answers() { [[ $(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://$HOST:$AZURITE_QUEUE_PORT/devstoreaccount1?comp=list" || true) != 000 ]]; }
smtp4dev_answers() { curl -sf -o /dev/null -m 2 "http://$HOST:$SMTP_WEB_PORT/api/version"; }

# Starts this checkout's services (scripts/services.sh installs what is missing on first use; starting a running one
# is a no-op), except those another checkout runs on the same ports, which are used as they are: without this a
# second checkout could not run while the first one's services are up.
start_services() {
  local service status own=()
  for service in postgres azurite smtp4dev; do
    status=$(scripts/services.sh status "$service")
    if ! [[ $status =~ ^[a-z0-9]+:\ +running ]] && "${service}_answers"; then
      printf '%-9s %s\n' "$service:" "another checkout's answers on its port; using it"
      FOREIGN_SERVICES+=("$service")
    else
      own+=("$service")
    fi
  done
  if ((${#own[@]})); then
    scripts/services.sh start "${own[@]}"
  fi
}

# Exports an app setting unless the caller set it already.
export_setting() {
  [[ -n ${!1:-} ]] && return 0
  export "$1=$2"
  echo "$1=$2"
}

# The sample's settings name the default ports; moved ports, and a host port other than 7071 for the links in
# invitation emails, reach the app as environment variables, which win over local.settings.json.
export_moved_settings() {
  if [[ -n ${INFOCUS_PG_PORT:-} ]]; then
    export_setting Database__ConnectionString "Host=$HOST;Port=$PG_PORT;Database=infocus;Username=infocus;Password=infocus-local"
  fi
  if [[ -n ${INFOCUS_AZURITE_BLOB_PORT:-}${INFOCUS_AZURITE_QUEUE_PORT:-}${INFOCUS_AZURITE_TABLE_PORT:-} ]]; then
    export_setting AzureWebJobsStorage "$AZURITE_ACCOUNT;BlobEndpoint=http://$HOST:$AZURITE_BLOB_PORT/devstoreaccount1;QueueEndpoint=http://$HOST:$AZURITE_QUEUE_PORT/devstoreaccount1;TableEndpoint=http://$HOST:$AZURITE_TABLE_PORT/devstoreaccount1"
  fi
  if [[ -n ${INFOCUS_SMTP_PORT:-} ]]; then
    export_setting Email__Smtp__Port "$SMTP_PORT"
  fi
  if ((PORT != DEFAULT_PORT)); then
    export_setting Invitations__PublicBaseUrl "http://localhost:$PORT"
  fi
}

# The database tool reads the same settings as the host, so both must see the file from the start.
ensure_local_settings() {
  if [[ -f $LOCAL_SETTINGS ]]; then
    echo "using ${LOCAL_SETTINGS#"$ROOT_DIR"/}"
    # Settings a newer version added to the sample join the file with their sample values; the developer's own stay.
    node -e '
      const fs = require("fs");
      const [localPath, samplePath] = process.argv.slice(1);
      const local = JSON.parse(fs.readFileSync(localPath, "utf8"));
      const sample = JSON.parse(fs.readFileSync(samplePath, "utf8"));
      local.Values ??= {};
      const added = Object.keys(sample.Values).filter((key) => !(key in local.Values));
      for (const key of added) local.Values[key] = sample.Values[key];
      if (added.length > 0) {
        fs.writeFileSync(localPath, JSON.stringify(local, null, 2) + "\n");
        console.log(`added from the sample: ${added.join(", ")}`);
      }' "$LOCAL_SETTINGS" "$SAMPLE_SETTINGS"
  else
    cp "$SAMPLE_SETTINGS" "$LOCAL_SETTINGS"
    echo "created ${LOCAL_SETTINGS#"$ROOT_DIR"/} from ${SAMPLE_SETTINGS#"$ROOT_DIR"/}"
  fi
}

db_tool() {
  dotnet run --no-build --project "$ROOT_DIR/tools/InFocus.DbTool" -- "$@"
}

# The README's "Demo accounts" section, so the logins are written down in one place.
print_demo_accounts() {
  awk '/^## Demo accounts/ { show = 1; next } /^## / { show = 0 } show' "$ROOT_DIR/README.md" | sed '/./,$!d'
}

print_summary() {
  local api="http://localhost:$PORT/api"
  section "InFocus"
  echo "API          $api   (try: curl $api/health)"
  echo "Email inbox  http://$HOST:$SMTP_WEB_PORT   (smtp4dev: every email InFocus sends)"
  echo "Stop         Ctrl-C stops InFocus; scripts/services.sh stop stops the services this checkout started"
  if ((${#FOREIGN_SERVICES[@]})); then
    echo "             (${FOREIGN_SERVICES[*]}: another checkout's; stop them there)"
  fi
  echo
  echo "Demo accounts:"
  print_demo_accounts
}

main() {
  parse_arguments "$@"
  cd "$ROOT_DIR"

  section "Local services"
  start_services

  section "dotnet tool restore"
  dotnet tool restore

  section "Settings"
  ensure_local_settings
  export_moved_settings

  section "dotnet build"
  dotnet build tools/InFocus.DevHost -nologo -v quiet
  dotnet build tools/InFocus.DbTool -nologo -v quiet

  section "Database"
  db_tool migrate
  db_tool seed

  print_summary
  exec dotnet run --no-build --project tools/InFocus.DevHost -- --port "$PORT"
}

main "$@"
