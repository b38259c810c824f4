// Who may do what, by Azure RBAC. Every assignment is scoped to the one resource it is about.
//
// Function app identity:
//   storage account  Storage Blob Data Owner        host leases and timer state, Flex deployment package container
//                    Storage Queue Data Contributor invitation-emails trigger, poison queue, outbox sweep enqueues
//                    Storage Table Data Contributor Functions host diagnostic events table
//   key vault        Key Vault Secrets User         resolve the Key Vault references in the app settings
//   communication    email sender role              send email through the ACS REST API
// Deploying principal:
//   key vault        Key Vault Secrets Officer      the postprovision hook creates and rotates the secrets
// (The deploying principal's PostgreSQL administration is set in postgres.bicep, not through Azure RBAC.)

@description('Name of the function app whose system-assigned identity gets the roles.')
param functionAppName string

param storageAccountName string

param keyVaultName string

param communicationServiceName string

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
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  communicationAndEmailServiceOwner: '09976791-48a7-449e-bb21-39d1a415f350'
}

var storageRoles = [
  roleIds.storageBlobDataOwner
  roleIds.storageQueueDataContributor
  roleIds.storageTableDataContributor
]

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

var functionAppPrincipalId = site.identity.principalId

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource communicationService 'Microsoft.Communication/communicationServices@2025-05-01' existing = {
  name: communicationServiceName
}

resource storageAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoles: {
    name: guid(storage.id, site.id, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: functionAppPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, site.id, roleIds.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.keyVaultSecretsUser)
    principalId: functionAppPrincipalId
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
  name: guid(communicationService.id, site.id, emailSenderRole)
  scope: communicationService
  properties: {
    roleDefinitionId: emailSenderRoleDefinitionId
    principalId: functionAppPrincipalId
    principalType: 'ServicePrincipal'
  }
}
