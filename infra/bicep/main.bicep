// InFocus environment: one resource group holding the function app (Flex Consumption) and its user-assigned
// identity, its storage account, PostgreSQL flexible server, Azure Communication Services email, Key Vault and
// monitoring; by default (networkMode Private) a virtual network with private endpoints for the data plane.
// Deployed by `azd provision` / `azd up` (see azure.yaml and docs/deployment.md).

targetScope = 'subscription'

import { firewallRule } from 'modules/postgres.bicep'

// ---------------------------------------------------------------------------------------------------------------
// Environment

@minLength(1)
@maxLength(40)
@description('azd environment name (AZURE_ENV_NAME). Names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for all regional resources; it must offer the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Resource group name; empty uses rg-<environmentName>.')
param resourceGroupName string = ''

// ---------------------------------------------------------------------------------------------------------------
// Deploying principal (azd fills these in; see main.parameters.json)

@minLength(1)
@description('Object id of the principal that runs the deployment (AZURE_PRINCIPAL_ID). It becomes the PostgreSQL Microsoft Entra administrator and a Key Vault Secrets Officer, so the provisioning hooks can create the database role and the secrets.')
param principalId string

@description('Type of that principal (AZURE_PRINCIPAL_TYPE).')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@minLength(1)
@description('Name of that principal as PostgreSQL knows it: the UPN of a user, the display name of a service principal or group. The preprovision hook fills it in for a signed-in user.')
param principalName string

// ---------------------------------------------------------------------------------------------------------------
// Function app

@description('Memory per Flex Consumption instance, in MB.')
@allowed([
  512
  2048
  4096
])
param functionInstanceMemoryMB int = 2048

@description('Most instances the app scales out to. Each instance holds its own database connection pool; the pool size is computed from this and the PostgreSQL connection budget below.')
@minValue(1)
@maxValue(1000)
param functionMaximumInstanceCount int = 6

@description('Public https base URL if a custom domain fronts the app (no trailing slash). Empty uses the app\'s default host name. Used for Jwt__Issuer and Invitations__PublicBaseUrl.')
param publicBaseUrl string = ''

@description('Browser origins allowed to call the API (CORS).')
param corsAllowedOrigins string[] = []

@description('Audience of the access tokens the API issues and accepts.')
param jwtAudience string = 'infocus-api'

@description('Set during a JWT signing key rotation: Jwt__PreviousSigningKeys then references the jwt-previous-signing-keys secret. See docs/deployment.md.')
param jwtPreviousSigningKeysEnabled bool = false

@description('Also read a TMDB v3 API key from the tmdb-api-key secret (Tmdb__ApiKey). The read access token is the default credential.')
param tmdbApiKeyEnabled bool = false

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL

@description('Major PostgreSQL version. Local services and tests run the same one (tools/local-services/package.json; a test keeps them equal). 16 or later: infra/scripts/sql relies on its role membership options.')
@allowed([
  '16'
  '17'
])
param postgresVersion string = '17'

@description('Compute SKU. Standard_B1ms is the smallest Burstable size.')
param postgresSkuName string = 'Standard_B1ms'

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@minValue(32)
@maxValue(32767)
param postgresStorageSizeGB int = 32

param postgresStorageAutoGrow bool = true

@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 7

@description('Geo-redundant backups; can only be chosen when the server is created.')
param postgresGeoRedundantBackup bool = false

@description('max_connections of the PostgreSQL SKU (Standard_B1ms: 50; see the flexible server limits). Raise it with the SKU.')
@minValue(25)
param postgresMaxConnections int = 50

@description('Connections kept out of the app\'s budget: the 15 Azure reserves (replication, monitoring), plus room for the hooks, migrations and an operator\'s psql.')
@minValue(15)
param postgresReservedConnections int = 20

@description('Private (production): the function app joins a virtual network and reaches PostgreSQL, Storage and Key Vault through private endpoints; none of them accepts traffic from the internet. Public (cheaper, for trials): no virtual network or private endpoints; PostgreSQL behind firewall rules, Storage and Key Vault open to the internet, all Entra-only.')
@allowed([
  'Private'
  'Public'
])
param networkMode string = 'Private'

@description('Public mode: admit connections from Azure services (the 0.0.0.0 rule). The function app needs it in Public mode, where its outbound addresses are not fixed.')
param postgresAllowAzureServices bool = true

@description('Public mode: one client IPv4 address to admit for good, for example an operator\'s office (POSTGRES_CLIENT_IP_ADDRESS). Empty adds none. The hooks admit the deploying machine by themselves, only while they run.')
param postgresClientIpAddress string = ''

@description('Public mode: further firewall rules.')
param postgresFirewallRules firewallRule[] = []

// ---------------------------------------------------------------------------------------------------------------
// Email, monitoring, networking

@description('Where Communication Services keeps data at rest.')
@allowed([
  'Africa'
  'Asia Pacific'
  'Australia'
  'Brazil'
  'Canada'
  'Europe'
  'France'
  'Germany'
  'India'
  'Japan'
  'Korea'
  'Norway'
  'Switzerland'
  'UAE'
  'UK'
  'United States'
])
param emailDataLocation string = 'United States'

@description('Role that lets the function app send email; see modules/app-access.bicep.')
@allowed([
  'CustomRole'
  'BuiltIn'
])
param emailSenderRole string = 'CustomRole'

@minValue(30)
@maxValue(730)
param logAnalyticsRetentionInDays int = 30

@description('Daily Log Analytics ingestion cap in GB; -1 for none.')
param logAnalyticsDailyQuotaGb int = 1

@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionInDays int = 90

@description('Private mode: address space of the virtual network.')
param vnetAddressPrefix string = '10.40.0.0/16'

// ---------------------------------------------------------------------------------------------------------------

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'infocus'
}
var functionAppName = 'func-infocus-${resourceToken}'
var storageAccountName = 'stinfocus${take(resourceToken, 13)}'
var keyVaultName = 'kv-infocus-${take(resourceToken, 13)}'
var communicationServiceName = 'acs-infocus-${resourceToken}'
var applicationInsightsName = 'appi-infocus-${resourceToken}'
var invitationEmailQueueName = 'invitation-emails'
var importQueueName = 'imports'
var importContainerName = 'imports'
var databaseName = 'infocus'
var deploymentContainerName = 'app-package'
var hostContainerNames = [
  'azure-webjobs-hosts'
  'azure-webjobs-secrets'
]
var isPrivate = networkMode == 'Private'
// Connection budget: every instance's pool full at once still leaves the reserved connections free.
var databaseMaxPoolSize = (postgresMaxConnections - postgresReservedConnections) / functionMaximumInstanceCount
var clientFirewallRules = empty(postgresClientIpAddress)
  ? []
  : [
      {
        name: 'deployer-client'
        startIpAddress: postgresClientIpAddress
        endIpAddress: postgresClientIpAddress
      }
    ]

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-infocus-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
    retentionInDays: logAnalyticsRetentionInDays
    dailyQuotaGb: logAnalyticsDailyQuotaGb
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    hostContainerNames: hostContainerNames
    invitationEmailQueueName: invitationEmailQueueName
    importContainerName: importContainerName
    importQueueName: importQueueName
    networkMode: networkMode
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
    networkMode: networkMode
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
  }
}

module network 'modules/network.bicep' = if (isPrivate) {
  name: 'network'
  scope: rg
  params: {
    name: 'vnet-infocus-${resourceToken}'
    location: location
    tags: tags
    addressPrefix: vnetAddressPrefix
    appSubnetPrefix: cidrSubnet(vnetAddressPrefix, 24, 0)
    privateEndpointSubnetPrefix: cidrSubnet(vnetAddressPrefix, 24, 1)
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  scope: rg
  params: {
    name: 'psql-infocus-${resourceToken}'
    location: location
    tags: tags
    databaseName: databaseName
    version: postgresVersion
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageSizeGB: postgresStorageSizeGB
    storageAutoGrow: postgresStorageAutoGrow
    backupRetentionDays: postgresBackupRetentionDays
    geoRedundantBackup: postgresGeoRedundantBackup
    networkMode: networkMode
    allowAzureServices: postgresAllowAzureServices
    firewallRules: concat(clientFirewallRules, postgresFirewallRules)
    administratorObjectId: principalId
    administratorName: principalName
    administratorType: principalType
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
  }
}

// Private mode: one private endpoint per data-plane service (and per storage service the app uses).
var privateEndpoints = [
  {
    service: 'postgres'
    groupId: 'postgresqlServer'
    zone: 'postgres'
  }
  {
    service: 'storage'
    groupId: 'blob'
    zone: 'blob'
  }
  {
    service: 'storage'
    groupId: 'queue'
    zone: 'queue'
  }
  {
    service: 'storage'
    groupId: 'table'
    zone: 'table'
  }
  {
    service: 'vault'
    groupId: 'vault'
    zone: 'vault'
  }
]

module privateEndpoint 'modules/private-endpoint.bicep' = [
  for endpoint in (isPrivate ? privateEndpoints : []): {
    name: 'pe-${endpoint.groupId}'
    scope: rg
    params: {
      name: 'pe-infocus-${endpoint.groupId}-${resourceToken}'
      location: location
      tags: tags
      subnetId: network!.outputs.privateEndpointSubnetId
      serviceId: endpoint.service == 'postgres'
        ? postgres.outputs.id
        : endpoint.service == 'vault' ? keyVault.outputs.id : storage.outputs.id
      groupId: endpoint.groupId
      dnsZoneId: network!.outputs.dnsZoneIds[endpoint.zone]
    }
  }
]

module communication 'modules/communication.bicep' = {
  name: 'communication'
  scope: rg
  params: {
    communicationServiceName: communicationServiceName
    emailServiceName: 'ecs-infocus-${resourceToken}'
    tags: tags
    dataLocation: emailDataLocation
    senderUsername: 'DoNotReply'
    senderDisplayName: 'InFocus'
  }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-infocus-${resourceToken}'
    location: location
    tags: tags
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    planName: 'plan-infocus-${resourceToken}'
    functionAppName: functionAppName
    location: location
    tags: tags
    instanceMemoryMB: functionInstanceMemoryMB
    maximumInstanceCount: functionMaximumInstanceCount
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    invitationEmailQueueName: storage.outputs.invitationEmailQueueName
    importQueueName: storage.outputs.importQueueName
    importContainerName: storage.outputs.importContainerName
    keyVaultName: keyVault.outputs.name
    postgresHost: postgres.outputs.fullyQualifiedDomainName
    postgresDatabaseName: postgres.outputs.databaseName
    databaseMaxPoolSize: databaseMaxPoolSize
    acsEndpoint: communication.outputs.endpoint
    emailSenderAddress: communication.outputs.senderAddress
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    virtualNetworkSubnetId: isPrivate ? network!.outputs.appSubnetId : ''
    corsAllowedOrigins: corsAllowedOrigins
    publicBaseUrl: publicBaseUrl
    jwtAudience: jwtAudience
    jwtPreviousSigningKeysEnabled: jwtPreviousSigningKeysEnabled
    tmdbApiKeyEnabled: tmdbApiKeyEnabled
    bcryptWorkFactor: 12
    invitationExpiryDays: 7
    tmdbProviderMaxAgeHours: 24
  }
  // The identity's roles exist before the app first starts; private endpoints before it first connects.
  dependsOn: [
    appAccess
    privateEndpoint
  ]
}

module appAccess 'modules/app-access.bicep' = {
  name: 'app-access'
  scope: rg
  params: {
    // Deliberate: assignment names include the identity's object id, which exists only once the identity does, so
    // What-If cannot name them in advance; a re-created identity gets new assignments instead of a name collision.
    #disable-next-line what-if-short-circuiting
    appPrincipalId: identity.outputs.principalId
    storageAccountName: storageAccountName
    blobContainerNames: concat([deploymentContainerName, importContainerName], hostContainerNames)
    keyVaultName: keyVaultName
    communicationServiceName: communicationServiceName
    applicationInsightsName: applicationInsightsName
    emailSenderRole: emailSenderRole
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
  // The names above are known before deployment (better What-If); these say the resources must exist first.
  dependsOn: [
    storage
    keyVault
    communication
    monitoring
  ]
}

// ---------------------------------------------------------------------------------------------------------------
// Outputs: azd stores them in .azure/<env>/.env, where the hooks and the runbooks read them.

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name

output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = functionApp.outputs.uri
output SERVICE_API_RESOURCE_ID string = functionApp.outputs.id
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
@description('Object id of the app\'s user-assigned identity; the postprovision hook binds its PostgreSQL role to it.')
output FUNCTION_APP_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output PUBLIC_BASE_URL string = functionApp.outputs.publicBaseUrl

output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output INVITATION_EMAIL_QUEUE string = storage.outputs.invitationEmailQueueName
output INVITATION_EMAIL_POISON_QUEUE string = storage.outputs.invitationEmailPoisonQueueName

output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri

output POSTGRES_SERVER_NAME string = postgres.outputs.name
output POSTGRES_HOST string = postgres.outputs.fullyQualifiedDomainName
output POSTGRES_DATABASE string = postgres.outputs.databaseName
output POSTGRES_ADMIN_PRINCIPAL_NAME string = postgres.outputs.administratorName
@description('Database role of the function app: its managed identity, named after the app.')
output POSTGRES_APP_ROLE string = functionApp.outputs.name
output POSTGRES_NETWORK_MODE string = networkMode

output ACS_ENDPOINT string = communication.outputs.endpoint
output EMAIL_SENDER_ADDRESS string = communication.outputs.senderAddress

output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output LOG_ANALYTICS_WORKSPACE_NAME string = monitoring.outputs.logAnalyticsWorkspaceName
output LOG_ANALYTICS_WORKSPACE_ID string = monitoring.outputs.logAnalyticsWorkspaceCustomerId
