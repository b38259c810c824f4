// Azure Communication Services with an Email Communication Service and an Azure-managed domain
// (DoNotReply@<guid>.azurecomm.net). The function app sends through the REST API with its managed identity;
// the role that allows it is assigned in app-access.bicep. Access keys are disabled.

param communicationServiceName string

param emailServiceName string

param tags object

@description('Where ACS stores data at rest, for example "United States" or "Europe". Both resources must agree.')
param dataLocation string

@description('Local part of the sender address on the Azure-managed domain.')
param senderUsername string

@description('Display name recipients see for the sender.')
param senderDisplayName string

resource emailService 'Microsoft.Communication/emailServices@2025-05-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }

  resource managedDomain 'domains' = {
    name: 'AzureManagedDomain'
    location: 'global'
    tags: tags
    properties: {
      domainManagement: 'AzureManaged'
      userEngagementTracking: 'Disabled'
    }

    resource sender 'senderUsernames' = {
      name: toLower(senderUsername)
      properties: {
        username: senderUsername
        displayName: senderDisplayName
      }
    }
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2025-05-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    // No access keys: the function app signs requests with its managed identity (Email__Acs__AccessKey is empty).
    disableLocalAuth: true
    linkedDomains: [
      emailService::managedDomain.id
    ]
  }
}

output communicationServiceName string = communicationService.name
output endpoint string = 'https://${communicationService.properties.hostName}'
output senderAddress string = '${emailService::managedDomain::sender.properties.username}@${emailService::managedDomain.properties.mailFromSenderDomain}'
