#!/bin/sh
# azd preprovision hook: describes the deploying principal for main.bicep, whether a person (az login) or a service
# principal / federated CI identity (az login --service-principal):
#   AZURE_PRINCIPAL_TYPE           User or ServicePrincipal (parameter principalType): the type of every role
#                                  assignment made to the deployer, and of the PostgreSQL Entra administrator
#   POSTGRES_ADMIN_PRINCIPAL_NAME  a user's UPN, a service principal's display name (parameter principalName): the
#                                  name of the PostgreSQL Entra administrator
# azd itself sets AZURE_PRINCIPAL_ID (parameter principalId); the hooks act through the Azure CLI, so both must be
# signed in as the same principal, which this hook checks.
set -eu
. "$(dirname "$0")/lib.sh"

require_commands az azd

account_type=$(az account show --query user.type --output tsv) || die "run 'az login' first"
case "$account_type" in
  user)
    principal_type=User
    object_id=$(az ad signed-in-user show --query id --output tsv) || die "cannot read the signed-in user from Microsoft Graph"
    name=$(az ad signed-in-user show --query userPrincipalName --output tsv)
    ;;
  servicePrincipal)
    principal_type=ServicePrincipal
    client_id=$(az account show --query user.name --output tsv)
    object_id=$(az ad sp show --id "$client_id" --query id --output tsv) ||
      die "cannot read service principal $client_id from Microsoft Graph (it needs no directory role for its own entry; check 'az ad sp show --id $client_id')"
    name=$(az ad sp show --id "$client_id" --query displayName --output tsv)
    ;;
  *) die "unexpected account type '$account_type' from 'az account show'" ;;
esac

if [ -n "${AZURE_PRINCIPAL_ID:-}" ] && [ "$AZURE_PRINCIPAL_ID" != "$object_id" ]; then
  die "azd deploys as principal $AZURE_PRINCIPAL_ID but the Azure CLI is signed in as $object_id ($name); the hooks would act as someone else. Sign both in as one principal (azd config set auth.useAzCliAuth true)"
fi

if [ "${AZURE_PRINCIPAL_TYPE:-}" != "$principal_type" ]; then
  azd env set AZURE_PRINCIPAL_TYPE "$principal_type"
fi
if [ -z "${POSTGRES_ADMIN_PRINCIPAL_NAME:-}" ]; then
  azd env set POSTGRES_ADMIN_PRINCIPAL_NAME "$name"
  POSTGRES_ADMIN_PRINCIPAL_NAME=$name
fi
info "deploying as $principal_type $name; PostgreSQL Entra administrator: $POSTGRES_ADMIN_PRINCIPAL_NAME"
