// The function app's user-assigned managed identity. It exists, and holds its roles (app-access.bicep), before the
// app is created, so the first start already reaches storage, Key Vault, email and Application Insights; and it
// survives re-creating the app, so its PostgreSQL role (named after the app, bound to this identity's object id)
// stays valid.

param name string

param location string

param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
