#!/bin/sh
# azd postprovision hook. Idempotent: safe to run again (`azd hooks run postprovision`).
#  1. Creates the JWT signing key in Key Vault if it does not exist yet; never overwrites it (rotation is a
#     separate runbook: rotate-jwt-signing-key.sh).
#  2. Stores the TMDB read access token from the TMDB_READ_ACCESS_TOKEN variable of the calling shell, if given.
#  3. Creates the function app's managed identity as a PostgreSQL role with data-only rights, and the
#     infocus_owner role that owns the schema (migrations run as it): every script in sql/, in name order.
#  4. Asks App Service to resolve the Key Vault references again.
# This machine is admitted to Key Vault and PostgreSQL only while the hook runs (lib.sh, open_data_plane).
set -eu
. "$(dirname "$0")/lib.sh"

require_commands az psql openssl curl
require_env AZURE_RESOURCE_GROUP AZURE_KEY_VAULT_NAME SERVICE_API_NAME SERVICE_API_RESOURCE_ID \
  FUNCTION_APP_IDENTITY_PRINCIPAL_ID POSTGRES_SERVER_NAME POSTGRES_HOST POSTGRES_DATABASE POSTGRES_ADMIN_PRINCIPAL_NAME \
  POSTGRES_APP_ROLE POSTGRES_NETWORK_MODE
script_dir=$(dirname "$0")

configure_psql_tls
open_data_plane keyvault postgres

# 1. JWT signing key --------------------------------------------------------------------------------------------
if [ "$(secret_state jwt-signing-key)" = absent ]; then
  info "creating the JWT signing key (secret jwt-signing-key)"
  set_secret jwt-signing-key "$(new_signing_key)" "base64 HMAC-SHA256 key"
else
  info "JWT signing key exists; leaving it unchanged"
fi

if is_true "${JWT_PREVIOUS_SIGNING_KEYS_ENABLED:-false}" && [ "$(secret_state jwt-previous-signing-keys)" = absent ]; then
  die "JWT_PREVIOUS_SIGNING_KEYS_ENABLED is true but secret jwt-previous-signing-keys does not exist; see docs/deployment.md"
fi

# 2. TMDB credentials -------------------------------------------------------------------------------------------
tmdb_state=$(secret_state tmdb-read-access-token)
if [ -n "${TMDB_READ_ACCESS_TOKEN:-}" ]; then
  if [ "$tmdb_state" = absent ] || [ "$(secret_value tmdb-read-access-token)" != "$TMDB_READ_ACCESS_TOKEN" ]; then
    info "storing the TMDB read access token (secret tmdb-read-access-token)"
    set_secret tmdb-read-access-token "$TMDB_READ_ACCESS_TOKEN"
  fi
elif [ "$tmdb_state" = absent ]; then
  warn "secret tmdb-read-access-token does not exist: title search and provider refresh fail until it does." \
    "Set it with: az keyvault secret set --vault-name $AZURE_KEY_VAULT_NAME --name tmdb-read-access-token --file <file>"
fi
if is_true "${TMDB_API_KEY_ENABLED:-false}" && [ "$(secret_state tmdb-api-key)" = absent ]; then
  warn "TMDB_API_KEY_ENABLED is true but secret tmdb-api-key does not exist"
fi

# 3. PostgreSQL roles -------------------------------------------------------------------------------------------
# 1x-*.sql are about the server and run in its maintenance database (POSTGRES_ADMIN_DATABASE, default postgres);
# 2x-*.sql in the application database.
for sql_script in "$script_dir"/sql/*.sql; do
  case "$(basename "$sql_script")" in
    1*) database=${POSTGRES_ADMIN_DATABASE:-postgres} ;;
    *) database=$POSTGRES_DATABASE ;;
  esac
  info "running $(basename "$sql_script") in database $database"
  psql_as_admin "$database" --set app_role="$POSTGRES_APP_ROLE" --set app_oid="$FUNCTION_APP_IDENTITY_PRINCIPAL_ID" \
    --set db_name="$POSTGRES_DATABASE" --file "$sql_script"
done

# 4. Key Vault references ---------------------------------------------------------------------------------------
refresh_key_vault_references
info "postprovision done"
