// Key Vault in RBAC mode for the application's secrets (JWT signing keys, TMDB credentials). Bicep never writes
// secret values: the postprovision hook creates them (see docs/deployment.md), so no secret passes through
// deployment parameters, deployment history or the azd environment file.
// Private mode: the app reaches the vault through a private endpoint (main.bicep) and the public endpoint denies
// everyone; the hooks admit the deploying machine's address while they write secrets (infra/scripts/lib.sh), and
// every provision clears such rules again (ipRules is declared empty). Every access is logged to Log Analytics.

param name string

param location string

param tags object

@description('Days a deleted vault or secret can be recovered. Purge protection makes this a hard minimum.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@allowed([
  'Private'
  'Public'
])
param networkMode string

@description('Log Analytics workspace for the audit log.')
param logAnalyticsWorkspaceId string

var isPrivate = networkMode == 'Private'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: isPrivate ? 'Deny' : 'Allow'
      bypass: isPrivate ? 'None' : 'AzureServices'
      ipRules: []
      virtualNetworkRules: []
    }
  }
}

// Who read or changed which secret, and who was refused: the vault's audit trail.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
  }
}

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri
