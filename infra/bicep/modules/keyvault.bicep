// Key Vault in RBAC mode for the application's secrets (JWT signing keys, TMDB credentials). Bicep never writes
// secret values: the postprovision hook creates them (see docs/deployment.md), so no secret passes through
// deployment parameters, deployment history or the azd environment file.

param name string

param location string

param tags object

@description('Days a deleted vault or secret can be recovered. Purge protection makes this a hard minimum.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

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
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri
