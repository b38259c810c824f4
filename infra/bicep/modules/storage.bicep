// The function app's storage account: Functions host state (blob leases, timer schedule status, diagnostic events),
// the Flex Consumption deployment package container, and the invitation email queue with its poison queue.
// Shared keys are disabled: every client, the Functions host included, signs in with Microsoft Entra ID.

param name string

param location string

param tags object

@description('Blob container the Flex Consumption plan deploys the app package to.')
param deploymentContainerName string

@description('Queue the SendInvitationEmail function listens on (app setting InvitationEmailQueue).')
param invitationEmailQueueName string

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
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
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
  }
}

output name string = storage.name
output id string = storage.id
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output invitationEmailQueueName string = storage::queueService::invitationEmailQueue.name
output invitationEmailPoisonQueueName string = storage::queueService::invitationEmailPoisonQueue.name
