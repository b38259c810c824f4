# shellcheck shell=bash
# The settings and database access the benchmark scripts share (source it; needs bash, ROOT_DIR and die()).
#
#   export_settings      exports the app settings the hosts need (Database, Jwt, moved INFOCUS_*_PORT services)
#   configure_database   turns Database__ConnectionString into psql's PG* variables (loopback only)
#   sql ...              psql, quiet, stopping at the first error, unaligned tuples only

# The value of one key of an Npgsql connection string (keys in any letter case).
connection_value() {
  tr ';' '\n' <<<"$1" | sed -n "s/^[[:space:]]*$2[[:space:]]*=[[:space:]]*//Ip" | head -n1
}

# An app setting as the hosts read it: the environment, else the local settings, else the sample.
app_setting() {
  local name=$1 file
  if [[ -n ${!name:-} ]]; then
    printf '%s' "${!name}"
    return 0
  fi
  for file in "$ROOT_DIR/InFocus.Functions/local.settings.json" "$ROOT_DIR/local.settings.sample.json"; do
    [[ -f $file ]] || continue
    sed -n "s/.*\"$name\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p" "$file" | head -n1
    return 0
  done
}

# The settings both hosts need, exported (ports moved with INFOCUS_*_PORT as scripts/run.sh passes them on).
export_settings() {
  local host=127.0.0.1
  if [[ -n ${INFOCUS_PG_PORT:-} && -z ${Database__ConnectionString:-} ]]; then
    export Database__ConnectionString="Host=$host;Port=$INFOCUS_PG_PORT;Database=infocus;Username=infocus;Password=infocus-local"
  fi
  if [[ -n ${INFOCUS_AZURITE_QUEUE_PORT:-} && -z ${AzureWebJobsStorage:-} ]]; then
    local account="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
    export AzureWebJobsStorage="$account;BlobEndpoint=http://$host:${INFOCUS_AZURITE_BLOB_PORT:-10000}/devstoreaccount1;QueueEndpoint=http://$host:$INFOCUS_AZURITE_QUEUE_PORT/devstoreaccount1;TableEndpoint=http://$host:${INFOCUS_AZURITE_TABLE_PORT:-10002}/devstoreaccount1"
  fi
  if [[ -n ${INFOCUS_SMTP_PORT:-} && -z ${Email__Smtp__Port:-} ]]; then
    export Email__Smtp__Port=$INFOCUS_SMTP_PORT
  fi
  local name
  for name in Database__ConnectionString Jwt__Issuer Jwt__Audience Jwt__SigningKey; do
    export "$name=$(app_setting "$name")"
  done
}

# Database__ConnectionString as the app reads it, turned into psql's environment variables.
configure_database() {
  local connection=$Database__ConnectionString
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

