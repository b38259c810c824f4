// Azure Database for PostgreSQL flexible server with Microsoft Entra authentication only (no passwords),
// TLS required, the `infocus` database, backups, and either public access with firewall rules (Public) or no public
// access, reached through a private endpoint (Private; main.bicep adds it). A server with a private endpoint, unlike
// one injected into a delegated subnet, can have its public access opened briefly: the azd hooks do that, for the
// deploying machine's address only, to run their SQL from a machine outside the network (infra/scripts/lib.sh).
// Server logs go to Log Analytics.
//
// The Entra administrator is the principal that runs the deployment (a person or the CI service principal), not
// the function app: the postprovision hook signs in as that administrator and creates the function app's identity
// as an ordinary database role with data-only rights (see infra/scripts/sql/ and docs/deployment.md).

@export()
@description('A PostgreSQL firewall rule: a single address or an inclusive range of IPv4 addresses.')
type firewallRule = {
  @description('Rule name: letters, digits, "-" and "_".')
  name: string
  startIpAddress: string
  endIpAddress: string
}

param name string

param location string

param tags object

@description('Name of the application database.')
param databaseName string

@description('Major PostgreSQL version.')
@allowed([
  '16'
  '17'
])
param version string

@description('Compute SKU, for example Standard_B1ms (Burstable), Standard_D2ds_v5 (GeneralPurpose).')
param skuName string

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param skuTier string

@minValue(32)
@maxValue(32767)
param storageSizeGB int

param storageAutoGrow bool

@minValue(7)
@maxValue(35)
param backupRetentionDays int

param geoRedundantBackup bool

@description('Public: reachable on its public endpoint through the firewall rules below. Private: public access is disabled and the server is reached through a private endpoint.')
@allowed([
  'Private'
  'Public'
])
param networkMode string

@description('Public mode: add the 0.0.0.0 rule that admits connections from any Azure service. Needed for a Flex Consumption app without virtual network integration, whose outbound addresses are not fixed.')
param allowAzureServices bool

@description('Public mode: further firewall rules, for example the address an operator or a deployment runner connects from.')
param firewallRules firewallRule[]

@description('Object id of the Microsoft Entra administrator (the deploying principal).')
param administratorObjectId string

@description('Name of the administrator as PostgreSQL sees it: the UPN of a user, the display name of a service principal or group.')
param administratorName string

@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param administratorType string

@description('Log Analytics workspace for the server logs.')
param logAnalyticsWorkspaceId string

var isPublic = networkMode == 'Public'

var effectiveFirewallRules = isPublic
  ? concat(
      allowAzureServices
        ? [
            {
              name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
              startIpAddress: '0.0.0.0'
              endIpAddress: '0.0.0.0'
            }
          ]
        : [],
      firewallRules
    )
  : []

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: version
    authConfig: {
      activeDirectoryAuth: 'Enabled'
      passwordAuth: 'Disabled'
      tenantId: tenant().tenantId
    }
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: storageAutoGrow ? 'Enabled' : 'Disabled'
    }
    backup: {
      backupRetentionDays: backupRetentionDays
      geoRedundantBackup: geoRedundantBackup ? 'Enabled' : 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: isPublic ? 'Enabled' : 'Disabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2025-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// The server applies one configuration change at a time, so each waits for the one before it.
resource requireSecureTransport 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2025-08-01' = {
  parent: server
  name: 'require_secure_transport'
  properties: {
    value: 'on'
    source: 'user-override'
  }
  dependsOn: [
    database
  ]
}

resource minimumTlsVersion 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2025-08-01' = {
  parent: server
  name: 'ssl_min_protocol_version'
  properties: {
    value: 'TLSv1.2'
    source: 'user-override'
  }
  dependsOn: [
    requireSecureTransport
  ]
}

resource administrator 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2025-08-01' = {
  parent: server
  name: administratorObjectId
  properties: {
    principalName: administratorName
    principalType: administratorType
    tenantId: tenant().tenantId
  }
  dependsOn: [
    minimumTlsVersion
  ]
}

@batchSize(1)
resource firewall 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2025-08-01' = [
  for rule in effectiveFirewallRules: {
    parent: server
    name: rule.name
    properties: {
      startIpAddress: rule.startIpAddress
      endIpAddress: rule.endIpAddress
    }
    dependsOn: [
      administrator
    ]
  }
]

// Connections, disconnections, errors and slow statements as the server logs them.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: server
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'PostgreSQLLogs'
        enabled: true
      }
    ]
  }
}

output id string = server.id
output name string = server.name
output fullyQualifiedDomainName string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
output administratorName string = administrator.properties.principalName
