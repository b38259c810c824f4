# Shared helpers for the azd hooks and runbooks in infra/scripts. POSIX sh; sourced, not run.
# azd runs hooks from the repository root with the azd environment (.azure/<env>/.env) in the process environment.

die() {
  echo "error: $*" >&2
  exit 1
}

warn() {
  echo "warning: $*" >&2
}

info() {
  echo "==> $*"
}

require_commands() {
  for command_name in "$@"; do
    command -v "$command_name" >/dev/null 2>&1 || die "'$command_name' is required on PATH"
  done
}

# require_env NAME...: each variable must be set and non-empty (normally an output of infra/bicep/main.bicep).
require_env() {
  for variable_name in "$@"; do
    eval "variable_value=\${$variable_name:-}"
    # shellcheck disable=SC2154 # assigned by the eval above
    [ -n "$variable_value" ] || die "$variable_name is not set; run 'azd provision' first (or 'azd env refresh')"
  done
}

is_true() {
  case "$1" in
    true | True | TRUE | 1 | yes) return 0 ;;
    *) return 1 ;;
  esac
}

# --- Key Vault ------------------------------------------------------------------------------------------------

# secret_state NAME: prints "present" or "absent". Retries while the caller's new role assignment on the vault is
# still propagating (RBAC can take a few minutes after the first provision).
secret_state() {
  attempt=1
  while :; do
    if output=$(az keyvault secret show --vault-name "$AZURE_KEY_VAULT_NAME" --name "$1" --query id --output tsv 2>&1); then
      echo present
      return 0
    fi
    case "$output" in
      *SecretNotFound* | *"was not found"*)
        echo absent
        return 0
        ;;
      *Forbidden* | *"not authorized"*)
        [ "$attempt" -lt 20 ] || die "no access to Key Vault $AZURE_KEY_VAULT_NAME after waiting for role propagation: $output"
        warn "waiting for Key Vault role assignment to propagate ($attempt/20)"
        attempt=$((attempt + 1))
        sleep 15
        ;;
      *)
        die "cannot read secret $1 from Key Vault $AZURE_KEY_VAULT_NAME: $output"
        ;;
    esac
  done
}

secret_value() {
  az keyvault secret show --vault-name "$AZURE_KEY_VAULT_NAME" --name "$1" --query value --output tsv
}

# set_secret NAME VALUE [CONTENT_TYPE [TAG]]: writes a new version through a private temporary file, so the value
# never appears in a command line (process list) or in the azd environment file. TAG is key=value.
set_secret() {
  secret_file=$(umask 077 && mktemp)
  printf '%s' "$2" >"$secret_file"
  if ! az keyvault secret set --vault-name "$AZURE_KEY_VAULT_NAME" --name "$1" --file "$secret_file" \
    --encoding utf-8 --content-type "${3:-text/plain}" --tags "${4:-managed-by=infocus}" --output none; then
    rm -f "$secret_file"
    die "could not write secret $1"
  fi
  rm -f "$secret_file"
}

new_signing_key() {
  # 48 random bytes, base64: above the 32-byte minimum the app enforces for HMAC-SHA256.
  openssl rand -base64 48 | tr -d '\n'
}

# Makes App Service fetch Key Vault references again now instead of within 24 hours. Best effort.
refresh_key_vault_references() {
  az rest --method post \
    --url "${SERVICE_API_RESOURCE_ID}/config/configreferences/appsettings/refresh?api-version=2024-04-01" \
    --output none ||
    warn "could not refresh Key Vault references; they refresh within 24 hours or on the next settings change"
}

# --- PostgreSQL -----------------------------------------------------------------------------------------------

# TLS for psql: verify the server certificate against the system CA store when libpq can (16+), else encrypt only.
configure_psql_tls() {
  psql_major=$(psql --version | sed -n 's/^psql (PostgreSQL) \([0-9][0-9]*\).*/\1/p')
  if [ -n "${PGSSLMODE:-}" ]; then
    return 0
  fi
  if [ "${psql_major:-0}" -ge 16 ]; then
    export PGSSLMODE=verify-full PGSSLROOTCERT=system
  else
    export PGSSLMODE=require
    warn "psql $psql_major cannot use the system CA store; connecting with sslmode=require (encrypted, server not verified). Set PGSSLMODE=verify-full and PGSSLROOTCERT to the DigiCert Global Root G2 / Microsoft RSA Root CA 2017 bundle to verify."
  fi
}

# psql_as_admin DATABASE [psql arguments...]: connects as the Microsoft Entra administrator with an access token.
psql_as_admin() {
  database=$1
  shift
  token=$(az account get-access-token --resource-type oss-rdbms --query accessToken --output tsv) ||
    die "could not get a Microsoft Entra token for PostgreSQL; run 'az login' as $POSTGRES_ADMIN_PRINCIPAL_NAME"
  PGPASSWORD="$token" psql \
    "host=$POSTGRES_HOST port=5432 dbname=$database user=$POSTGRES_ADMIN_PRINCIPAL_NAME connect_timeout=30" \
    --no-psqlrc --quiet --set ON_ERROR_STOP=1 "$@"
}

# If POSTGRES_TEMP_CLIENT_IP is set (for example on a CI runner with a changing address), admit it for the duration
# of the calling script. Public network mode only.
open_temporary_firewall_rule() {
  [ -n "${POSTGRES_TEMP_CLIENT_IP:-}" ] || return 0
  [ "${POSTGRES_NETWORK_MODE:-Public}" = Public ] || die "POSTGRES_TEMP_CLIENT_IP only applies to the Public network mode"
  temporary_rule="azd-run-$(date +%s)"
  info "admitting $POSTGRES_TEMP_CLIENT_IP to $POSTGRES_SERVER_NAME as firewall rule $temporary_rule"
  az postgres flexible-server firewall-rule create --resource-group "$AZURE_RESOURCE_GROUP" \
    --name "$POSTGRES_SERVER_NAME" --rule-name "$temporary_rule" \
    --start-ip-address "$POSTGRES_TEMP_CLIENT_IP" --end-ip-address "$POSTGRES_TEMP_CLIENT_IP" --output none
  trap 'close_temporary_firewall_rule' EXIT
}

close_temporary_firewall_rule() {
  az postgres flexible-server firewall-rule delete --resource-group "$AZURE_RESOURCE_GROUP" \
    --name "$POSTGRES_SERVER_NAME" --rule-name "$temporary_rule" --yes --output none ||
    warn "could not delete firewall rule $temporary_rule; delete it by hand"
}
