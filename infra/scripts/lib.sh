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
# POSTGRES_PORT (default 5432) lets the tests point the hooks at a local server.
psql_as_admin() {
  database=$1
  shift
  token=$(az account get-access-token --resource-type oss-rdbms --query accessToken --output tsv) ||
    die "could not get a Microsoft Entra token for PostgreSQL; run 'az login' as $POSTGRES_ADMIN_PRINCIPAL_NAME"
  PGPASSWORD="$token" psql \
    "host=$POSTGRES_HOST port=${POSTGRES_PORT:-5432} dbname=$database user=$POSTGRES_ADMIN_PRINCIPAL_NAME connect_timeout=30" \
    --no-psqlrc --quiet --set ON_ERROR_STOP=1 "$@"
}

# --- Reaching the data plane from the deploying machine ---------------------------------------------------------
#
# The hooks' SQL and secrets need a network path to PostgreSQL and Key Vault. INFOCUS_DATA_PLANE_ACCESS says how:
#   temporary (default)  from anywhere with a public IPv4 address: this machine's address is admitted for the
#                        duration of the hook and removed when it exits, however it exits. Public mode: a PostgreSQL
#                        firewall rule. Private mode: PostgreSQL's public access and Key Vault's public endpoint are
#                        opened to this one address only, and closed again (the next provision closes them too).
#   direct               this machine reaches the private endpoints already (a runner inside the virtual network
#                        or a peered one): nothing is changed. See docs/deployment.md, "Private data plane".

is_ipv4() {
  printf '%s' "$1" | grep -Eq '^([0-9]{1,3}\.){3}[0-9]{1,3}$'
}

# This machine's public IPv4 address as Azure sees it; DEPLOYER_IP_ADDRESS overrides the detection. Azure's
# PostgreSQL and Key Vault firewalls take IPv4 addresses only, so an IPv6-only machine cannot be admitted.
deployer_ipv4() {
  if [ -n "${DEPLOYER_IP_ADDRESS:-}" ]; then
    is_ipv4 "$DEPLOYER_IP_ADDRESS" || die "DEPLOYER_IP_ADDRESS=$DEPLOYER_IP_ADDRESS is not an IPv4 address"
    echo "$DEPLOYER_IP_ADDRESS"
    return 0
  fi
  if address=$(curl -4 -fsS --max-time 10 "${INFOCUS_IPV4_ECHO_URL:-https://api.ipify.org}" 2>/dev/null) &&
    is_ipv4 "$address"; then
    echo "$address"
    return 0
  fi
  if curl -6 -fsS --max-time 10 "${INFOCUS_IPV6_ECHO_URL:-https://api6.ipify.org}" >/dev/null 2>&1; then
    die "this machine reaches the internet over IPv6 only, and Azure's PostgreSQL and Key Vault firewalls admit IPv4 addresses only. Run the hook from a network with IPv4 (Azure Cloud Shell will do), or from inside the virtual network with INFOCUS_DATA_PLANE_ACCESS=direct; see docs/deployment.md"
  fi
  die "cannot detect this machine's public IPv4 address; set DEPLOYER_IP_ADDRESS"
}

# open_data_plane keyvault|postgres...: admits this machine to those services until the calling script exits.
open_data_plane() {
  data_plane_mode=${INFOCUS_DATA_PLANE_ACCESS:-temporary}
  case "$data_plane_mode" in
    direct)
      info "INFOCUS_DATA_PLANE_ACCESS=direct: reaching the data plane without changing any firewall"
      return 0
      ;;
    temporary) ;;
    *) die "INFOCUS_DATA_PLANE_ACCESS must be temporary or direct, not $data_plane_mode" ;;
  esac
  network_mode=${POSTGRES_NETWORK_MODE:-Private}
  deployer_address=$(deployer_ipv4)
  opened=""
  trap 'close_data_plane' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  firewall_rule="azd-hook-$(date +%Y%m%d%H%M%S)"
  for service in "$@"; do
    case "$service" in
      keyvault)
        # Public mode leaves the vault's public endpoint open (Entra RBAC guards it); Private mode denies by default.
        [ "$network_mode" = Private ] || continue
        info "admitting $deployer_address to Key Vault $AZURE_KEY_VAULT_NAME for this hook"
        az keyvault network-rule add --name "$AZURE_KEY_VAULT_NAME" --resource-group "$AZURE_RESOURCE_GROUP" \
          --ip-address "$deployer_address/32" --output none || die "could not admit $deployer_address to Key Vault"
        opened="keyvault $opened"
        ;;
      postgres)
        if [ "$network_mode" = Private ]; then
          info "opening $POSTGRES_SERVER_NAME's public access for this hook (to $deployer_address only)"
          opened="postgres-public-access $opened"
          az postgres flexible-server update --resource-group "$AZURE_RESOURCE_GROUP" --name "$POSTGRES_SERVER_NAME" \
            --public-access Enabled --output none || die "could not open public access of $POSTGRES_SERVER_NAME"
        fi
        info "admitting $deployer_address to $POSTGRES_SERVER_NAME as firewall rule $firewall_rule"
        opened="postgres-firewall $opened"
        az postgres flexible-server firewall-rule create --resource-group "$AZURE_RESOURCE_GROUP" \
          --name "$POSTGRES_SERVER_NAME" --rule-name "$firewall_rule" \
          --start-ip-address "$deployer_address" --end-ip-address "$deployer_address" --output none ||
          die "could not add firewall rule $firewall_rule"
        ;;
      *) die "open_data_plane: unknown service $service" ;;
    esac
  done
}

# Undoes open_data_plane, last opened first. Best effort: a failure is reported, not fatal.
close_data_plane() {
  for opening in ${opened:-}; do
    case "$opening" in
      keyvault)
        az keyvault network-rule remove --name "$AZURE_KEY_VAULT_NAME" --resource-group "$AZURE_RESOURCE_GROUP" \
          --ip-address "$deployer_address/32" --output none ||
          warn "could not remove $deployer_address from Key Vault $AZURE_KEY_VAULT_NAME's network rules; remove it by hand (the next azd provision also does)"
        ;;
      postgres-firewall)
        az postgres flexible-server firewall-rule delete --resource-group "$AZURE_RESOURCE_GROUP" \
          --name "$POSTGRES_SERVER_NAME" --rule-name "$firewall_rule" --yes --output none ||
          warn "could not delete firewall rule $firewall_rule; delete it by hand"
        ;;
      postgres-public-access)
        az postgres flexible-server update --resource-group "$AZURE_RESOURCE_GROUP" --name "$POSTGRES_SERVER_NAME" \
          --public-access Disabled --output none ||
          warn "could not close public access of $POSTGRES_SERVER_NAME; close it by hand (the next azd provision also does)"
        ;;
    esac
  done
  opened=""
}
