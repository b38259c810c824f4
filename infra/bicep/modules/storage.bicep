// The function app's storage account: Functions host state (blob leases, timer schedule status, diagnostic events),
// the Flex Consumption deployment package container, and the invitation email queue with its poison queue.
// Shared keys are disabled: every client, the Functions host included, signs in with Microsoft Entra ID.
// Private mode: no public endpoint at all; the app reaches blob, queue and table through private endpoints
// (main.bicep). Writes and deletes are logged to Log Analytics (reads are left out: the host polls all day).

param name string

param location string

param tags object

@description('Blob container the Flex Consumption plan deploys the app package to.')
param deploymentContainerName string

@description('Containers the Functions host keeps its state in (leases, timer status, keys). Created here so that the app\'s identity needs rights on these containers only, not on the account.')
param hostContainerNames string[]

@description('Queue the SendEmail function listens on (app setting InvitationEmailQueue).')
param invitationEmailQueueName string

@description('Blob container of uploaded import files (app setting Imports__Container); a file is deleted once its import finished.')
param importContainerName string

@description('Queue the ProcessImport function listens on (app setting ImportQueue).')
param importQueueName string

@description('Private: public network access disabled (private endpoints only). Public: reachable from anywhere, Entra-only.')
@allowed([
  'Private'
  'Public'
])
param networkMode string

@description('Log Analytics workspace for the diagnostic settings.')
param logAnalyticsWorkspaceId string

var isPrivate = networkMode == 'Private'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: isPrivate ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: isPrivate ? 'Deny' : 'Allow'
      bypass: isPrivate ? 'None' : 'AzureServices'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'
    properties: {
      deleteRetentionPolicy: {
        enabled: true
        days: 7
      }
      containerDeleteRetentionPolicy: {
        enabled: true
        days: 7
      }
    }

    resource deploymentContainer 'containers' = {
      name: deploymentContainerName
      properties: {
        publicAccess: 'None'
      }
    }

    resource importContainer 'containers' = {
      name: importContainerName
      properties: {
        publicAccess: 'None'
      }
    }

    resource hostContainers 'containers' = [
      for containerName in hostContainerNames: {
        name: containerName
        properties: {
          publicAccess: 'None'
        }
      }
    ]
  }

  resource queueService 'queueServices' = {
    name: 'default'

    resource invitationEmailQueue 'queues' = {
      name: invitationEmailQueueName
    }

    // The Functions host moves a message here after host.json's maxDequeueCount (5) failed attempts.
    resource invitationEmailPoisonQueue 'queues' = {
      name: '${invitationEmailQueueName}-poison'
    }

    resource importQueue 'queues' = {
      name: importQueueName
    }

    resource importPoisonQueue 'queues' = {
      name: '${importQueueName}-poison'
    }
  }
}

// Writes and deletes of blobs and queue messages: who changed what, when (an audit trail without the polling noise).
resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: storage::blobService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'StorageWrite'
        enabled: true
      }
      {
        category: 'StorageDelete'
        enabled: true
      }
    ]
  }
}

resource queueDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: storage::queueService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'StorageWrite'
        enabled: true
      }
      {
        category: 'StorageDelete'
        enabled: true
      }
    ]
  }
}

output name string = storage.name
output id string = storage.id
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output invitationEmailQueueName string = storage::queueService::invitationEmailQueue.name
output invitationEmailPoisonQueueName string = storage::queueService::invitationEmailPoisonQueue.name
output importQueueName string = storage::queueService::importQueue.name
output importContainerName string = storage::blobService::importContainer.name
