// Who may do what, by Azure RBAC. Every assignment is scoped to the narrowest resource it is about, and named after
// scope, principal and role, so re-creating a resource or its identity makes new assignments instead of colliding
// with old ones (RoleAssignmentUpdateNotPermitted).
//
// Function app identity (user-assigned, granted before the app first starts):
//   blob containers  Storage Blob Data Contributor  app-package (the Flex Consumption deployment package), imports (uploaded import files),
//                                                   azure-webjobs-hosts (leases, timer state), azure-webjobs-secrets
//                                                   (host keys); no blob rights on the rest of the account
//   storage account  Storage Queue Data Contributor invitation-emails and imports triggers, poison queues, enqueues
//                    Storage Table Data Contributor Functions host diagnostic events table
//   key vault        Key Vault Secrets User         resolve the Key Vault references in the app settings
//   communication    email sender role              send email through the ACS REST API
//   app insights     Monitoring Metrics Publisher   send telemetry with an Entra token (local auth is disabled)
// Deploying principal:
//   key vault        Key Vault Secrets Officer      the postprovision hook creates and rotates the secrets
// (The deploying principal's PostgreSQL administration is set in postgres.bicep, not through Azure RBAC.)

@description('Object id of the function app\'s user-assigned identity.')
param appPrincipalId string

param storageAccountName string

@description('Blob containers the app\'s identity reads and writes; it gets no blob rights elsewhere in the account.')
param blobContainerNames string[]

param keyVaultName string

param communicationServiceName string

param applicationInsightsName string

@description('CustomRole: a custom role with only the three actions ACS email sending checks. BuiltIn: "Communication and Email Service Owner", for deployers who may assign roles but not define them.')
@allowed([
  'CustomRole'
  'BuiltIn'
])
param emailSenderRole string

@description('Object id of the deploying principal; empty skips its role assignment.')
param deployerPrincipalId string

@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param deployerPrincipalType string

var roleIds = {
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  communicationAndEmailServiceOwner: '09976791-48a7-449e-bb21-39d1a415f350'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

var storageAccountRoles = [
  roleIds.storageQueueDataContributor
  roleIds.storageTableDataContributor
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = [
  for containerName in blobContainerNames: {
    parent: storage::blobService
    name: containerName
  }
]

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource communicationService 'Microsoft.Communication/communicationServices@2025-05-01' existing = {
  name: communicationServiceName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource containerAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (containerName, i) in blobContainerNames: {
    name: guid(containers[i].id, appPrincipalId, roleIds.storageBlobDataContributor)
    scope: containers[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageBlobDataContributor)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource storageAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageAccountRoles: {
    name: guid(storage.id, appPrincipalId, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, roleIds.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.keyVaultSecretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource telemetryPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appPrincipalId, roleIds.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.monitoringMetricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource secretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(vault.id, deployerPrincipalId, roleIds.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.keyVaultSecretsOfficer)
    principalId: deployerPrincipalId
    principalType: deployerPrincipalType
  }
}

// The actions ACS checks for sending email with a Microsoft Entra token. Role names are unique per tenant, hence
// the suffix derived from the resource group.
resource emailSenderDefinition 'Microsoft.Authorization/roleDefinitions@2022-04-01' = if (emailSenderRole == 'CustomRole') {
  name: guid(resourceGroup().id, 'infocus-email-sender')
  properties: {
    roleName: 'InFocus Email Sender ${uniqueString(resourceGroup().id)}'
    description: 'Send email through an Azure Communication Services resource with a Microsoft Entra token.'
    type: 'CustomRole'
    permissions: [
      {
        actions: [
          'Microsoft.Communication/CommunicationServices/Read'
          'Microsoft.Communication/CommunicationServices/Write'
          'Microsoft.Communication/EmailServices/write'
        ]
        notActions: []
        dataActions: []
        notDataActions: []
      }
    ]
    assignableScopes: [
      resourceGroup().id
    ]
  }
}

var emailSenderRoleDefinitionId = emailSenderRole == 'CustomRole'
  ? emailSenderDefinition.id
  : subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.communicationAndEmailServiceOwner)

resource emailSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communicationService.id, appPrincipalId, emailSenderRole)
  scope: communicationService
  properties: {
    roleDefinitionId: emailSenderRoleDefinitionId
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}
