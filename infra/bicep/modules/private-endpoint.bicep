// A private endpoint for one sub-resource (group) of a service, registered in its private DNS zone, so that the
// service's usual host name resolves to the endpoint's private address inside the virtual network.

param name string

param location string

param tags object

param subnetId string

@description('Resource id of the service the endpoint connects to.')
param serviceId string

@description('Sub-resource of the service: postgresqlServer, blob, queue, table, vault.')
param groupId string

@description('Private DNS zone of that sub-resource.')
param dnsZoneId string

resource endpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: {
      id: subnetId
    }
    privateLinkServiceConnections: [
      {
        name: groupId
        properties: {
          privateLinkServiceId: serviceId
          groupIds: [
            groupId
          ]
        }
      }
    ]
  }

  resource zoneGroup 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: groupId
          properties: {
            privateDnsZoneId: dnsZoneId
          }
        }
      ]
    }
  }
}
