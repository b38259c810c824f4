#!/bin/sh
# azd preprovision hook: fills in the name of the deploying principal, which becomes the PostgreSQL Microsoft Entra
# administrator (main.bicep parameter principalName). Everything else comes from azd itself.
set -eu
. "$(dirname "$0")/lib.sh"

require_commands az azd

if [ -n "${POSTGRES_ADMIN_PRINCIPAL_NAME:-}" ]; then
  info "PostgreSQL Entra administrator: $POSTGRES_ADMIN_PRINCIPAL_NAME"
  exit 0
fi

# A signed-in user is named by their UPN; a service principal by its display name.
if name=$(az ad signed-in-user show --query userPrincipalName --output tsv 2>/dev/null) && [ -n "$name" ]; then
  :
else
  client_id=$(az account show --query user.name --output tsv) || die "run 'az login' first"
  name=$(az ad sp show --id "$client_id" --query displayName --output tsv) ||
    die "cannot name the signed-in principal; set it with: azd env set POSTGRES_ADMIN_PRINCIPAL_NAME <name>"
fi

azd env set POSTGRES_ADMIN_PRINCIPAL_NAME "$name"
info "PostgreSQL Entra administrator: $name (make sure 'azd auth login' and 'az login' use this same principal)"
