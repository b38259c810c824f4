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
# Settings: InFocus.Functions/local.settings.json, created from local.settings.sample.json on the first run;
# environment variables override it (see docs/development-host.md).
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL_SETTINGS="$ROOT_DIR/InFocus.Functions/local.settings.json"
SAMPLE_SETTINGS="$ROOT_DIR/local.settings.sample.json"
PORT=7071

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

usage() {
  sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
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

# The database tool reads the same settings as the host, so both must see the file from the start.
ensure_local_settings() {
  if [[ -f $LOCAL_SETTINGS ]]; then
    echo "using ${LOCAL_SETTINGS#"$ROOT_DIR"/}"
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
  echo "Email inbox  http://127.0.0.1:${INFOCUS_SMTP_WEB_PORT:-5080}   (smtp4dev: every email InFocus sends)"
  echo "Stop         Ctrl-C stops InFocus; scripts/services.sh stop stops the services"
  echo
  echo "Demo accounts:"
  print_demo_accounts
}

main() {
  parse_arguments "$@"
  cd "$ROOT_DIR"

  section "Local services"
  scripts/services.sh start

  section "dotnet tool restore"
  dotnet tool restore

  section "Settings"
  ensure_local_settings

  section "dotnet build"
  dotnet build tools/InFocus.DevHost -nologo -v quiet
  dotnet build tools/InFocus.DbTool -nologo -v quiet

  section "Database"
  db_tool migrate
  db_tool seed

  # On another port than the sample's, the links in invitation emails must lead there too.
  if [[ $PORT != 7071 && -z ${Invitations__PublicBaseUrl:-} ]]; then
    export Invitations__PublicBaseUrl="http://localhost:$PORT"
  fi

  print_summary
  exec dotnet run --no-build --project tools/InFocus.DevHost -- --port "$PORT"
}

main "$@"
