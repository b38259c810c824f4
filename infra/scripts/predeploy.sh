#!/bin/sh
# azd predeploy hook: applies the EF Core migrations before the new code is deployed, by running the idempotent
# SQL script (dotnet ef migrations script --idempotent) as infocus_owner. Migrations must be backward compatible
# with the code that is still running (expand/contract; see docs/deployment.md). This machine is admitted to
# PostgreSQL only while the hook runs (lib.sh, open_data_plane).
set -eu
. "$(dirname "$0")/lib.sh"

migration_script=${INFOCUS_MIGRATION_SCRIPT:-InFocus.Domain/Data/Migrations/idempotent.sql}

if is_true "${INFOCUS_SKIP_MIGRATIONS:-false}"; then
  warn "INFOCUS_SKIP_MIGRATIONS is set: deploying without applying migrations"
  exit 0
fi
[ -f "$migration_script" ] ||
  die "migration script $migration_script not found; generate it (docs/deployment.md) or set INFOCUS_SKIP_MIGRATIONS=true"

require_commands az psql curl
require_env AZURE_RESOURCE_GROUP POSTGRES_SERVER_NAME POSTGRES_HOST POSTGRES_DATABASE POSTGRES_ADMIN_PRINCIPAL_NAME \
  POSTGRES_NETWORK_MODE

configure_psql_tls
open_data_plane postgres
info "applying $migration_script to $POSTGRES_DATABASE on $POSTGRES_HOST as infocus_owner"
{
  printf 'SET ROLE infocus_owner;\n'
  cat "$migration_script"
} | psql_as_admin "$POSTGRES_DATABASE" --file -
info "migrations applied"
