// Only deployed with networkMode = 'Private': a virtual network with a subnet the Flex Consumption app integrates
// into (all its outbound traffic) and a subnet for the private endpoints of PostgreSQL, Storage and Key Vault, plus
// the private DNS zones that make their public names resolve to those endpoints inside the network.

param name string

param location string

param tags object

@description('Address space of the virtual network.')
param addressPrefix string

@description('Subnet delegated to the Flex Consumption plan (Microsoft.App/environments); /27 or larger.')
param appSubnetPrefix string

@description('Subnet that holds the private endpoints.')
param privateEndpointSubnetPrefix string

// One zone per private endpoint group; the order is that of the dnsZoneIds output.
var dnsZoneNames = [
  'privatelink.postgres.database.azure.com'
  'privatelink.blob.${environment().suffixes.storage}'
  'privatelink.queue.${environment().suffixes.storage}'
  'privatelink.table.${environment().suffixes.storage}'
  'privatelink${environment().suffixes.keyvaultDns}'
]

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: appSubnetPrefix
          // The app reaches TMDB, Communication Services and Application Insights on the internet through this
          // subnet. Said explicitly because new subnets are moving to no default outbound access; where that is
          // not available, a NAT gateway on this subnet is the replacement (and gives a fixed egress address).
          defaultOutboundAccess: true
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }

  resource appSubnet 'subnets' existing = {
    name: 'app'
  }

  resource privateEndpointSubnet 'subnets' existing = {
    name: 'private-endpoints'
  }
}

resource dnsZones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for zoneName in dnsZoneNames: {
    name: zoneName
    location: 'global'
    tags: tags
  }
]

resource dnsZoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (zoneName, i) in dnsZoneNames: {
    parent: dnsZones[i]
    name: '${name}-link'
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: vnet.id
      }
    }
  }
]

output appSubnetId string = vnet::appSubnet.id
output privateEndpointSubnetId string = vnet::privateEndpointSubnet.id
output dnsZoneIds object = {
  postgres: dnsZones[0].id
  blob: dnsZones[1].id
  queue: dnsZones[2].id
  table: dnsZones[3].id
  vault: dnsZones[4].id
}
