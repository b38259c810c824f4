// The InFocus function app on the Flex Consumption plan: Linux, .NET 10 isolated worker, a user-assigned identity
// (identity.bicep; its roles exist before the app does), HTTPS only, TLS 1.2, FTP and basic-auth publishing off.
// Its logs go to Log Analytics. The app settings below are the complete set the code
// reads; tests/InFocus.Infrastructure.Tests checks them against local.settings.sample.json.

param planName string

param functionAppName string

param location string

param tags object

@description('Memory of each instance in MB; it also sets the vCPU share and the price per second.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Upper bound on scale-out; it also bounds the number of concurrent database connections.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Resource id of the app\'s user-assigned identity.')
param identityId string

@description('Client id of that identity: Azure.Identity (AZURE_CLIENT_ID) and the Functions host pick it with this.')
param identityClientId string

param storageAccountName string

param storageBlobEndpoint string

param deploymentContainerName string

param invitationEmailQueueName string

@description('Queue of the ProcessImport function (app setting ImportQueue).')
param importQueueName string

@description('Blob container of uploaded import files (app setting Imports__Container).')
param importContainerName string

param keyVaultName string

param postgresHost string

param postgresDatabaseName string

@description('Npgsql pool size per instance: main.bicep computes it so that all instances together stay within the server\'s connection limit.')
@minValue(2)
param databaseMaxPoolSize int

param acsEndpoint string

param emailSenderAddress string

param applicationInsightsConnectionString string

@description('Log Analytics workspace for the function app\'s logs.')
param logAnalyticsWorkspaceId string

@description('Subnet for outbound virtual network integration; empty for none.')
param virtualNetworkSubnetId string

@description('Browser origins allowed to call the API; empty allows none.')
param corsAllowedOrigins string[]

@description('Public https base URL (custom domain). Empty uses the app\'s default host name.')
param publicBaseUrl string

param jwtAudience string

@description('Point Jwt__PreviousSigningKeys at the jwt-previous-signing-keys secret (only during a key rotation).')
param jwtPreviousSigningKeysEnabled bool

@description('Point Tmdb__ApiKey at the tmdb-api-key secret (alternative to the read access token).')
param tmdbApiKeyEnabled bool

@minValue(4)
@maxValue(31)
param bcryptWorkFactor int

@minValue(1)
param invitationExpiryDays int

@minValue(1)
param tmdbProviderMaxAgeHours int

// Names of the Key Vault secrets the app settings reference; the postprovision hook and the rotation runbook use
// the same names.
var secretNames = {
  jwtSigningKey: 'jwt-signing-key'
  jwtPreviousSigningKeys: 'jwt-previous-signing-keys'
  tmdbReadAccessToken: 'tmdb-read-access-token'
  tmdbApiKey: 'tmdb-api-key'
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    keyVaultReferenceIdentity: identityId
    virtualNetworkSubnetId: empty(virtualNetworkSubnetId) ? null : virtualNetworkSubnetId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      cors: {
        allowedOrigins: corsAllowedOrigins
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

var baseUrl = empty(publicBaseUrl) ? 'https://${site.properties.defaultHostName}' : publicBaseUrl

// The complete list of settings. FUNCTIONS_WORKER_RUNTIME is deliberately absent: on Flex Consumption the runtime
// comes from functionAppConfig.runtime and the platform rejects the setting.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    // Production is what Azure assumes without the setting; pinned so that nothing Development-only (the public sample
    // JWT signing key, for one) can ever be switched on here by a stray portal edit surviving a provision.
    AZURE_FUNCTIONS_ENVIRONMENT: 'Production'
    // Azure.Identity's DefaultAzureCredential (database, queues, email, telemetry) signs in as this identity.
    AZURE_CLIENT_ID: identityClientId
    // Functions host and our QueueServiceClient: identity-based connection to the storage account.
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    // Npgsql: no password; the app adds a Microsoft Entra token of its identity (Database__UseEntraAuthentication).
    // The pool is capped so that every instance together stays within the server's connection limit.
    Database__ConnectionString: 'Host=${postgresHost};Database=${postgresDatabaseName};Username=${functionAppName};Ssl Mode=VerifyFull;Maximum Pool Size=${databaseMaxPoolSize}'
    Database__UseEntraAuthentication: 'true'
    Jwt__Issuer: baseUrl
    Jwt__Audience: jwtAudience
    Jwt__SigningKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${secretNames.jwtSigningKey})'
    Jwt__PreviousSigningKeys: jwtPreviousSigningKeysEnabled
      ? '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${secretNames.jwtPreviousSigningKeys})'
      : ''
    Auth__BcryptWorkFactor: string(bcryptWorkFactor)
    // Only test runs may go below work factor 10; a deployed app states that it never does.
    Auth__AllowWeakBcryptWorkFactorForTests: 'false'
    // Sign-in lockout and account-email limits (docs/deployment.md, "Limits"); the defaults of local.settings.sample.json.
    Auth__LoginFailuresPerAccountAndClient: '5'
    Auth__LoginFailuresPerClient: '20'
    Auth__LoginFailuresPerAccountBeforeDelay: '10'
    Auth__LoginPressureDelayMilliseconds: '2000'
    Auth__LoginWindowMinutes: '15'
    // bcrypt computations at once per instance (0: half the cores, at least one) and how long a check waits for one
    // before it is answered 503 (docs/performance.md, "Sign-in bursts").
    Auth__PasswordHashingConcurrency: '0'
    Auth__PasswordHashingMaxWaitMilliseconds: '1000'
    Auth__RegistrationsPerClientPerHour: '10'
    Auth__AccountEmailsPerAddressPerHour: '3'
    Auth__AccountEmailsPerClientPerHour: '10'
    Auth__EmailVerificationHours: '24'
    Auth__PasswordResetMinutes: '30'
    Tmdb__BaseUrl: 'https://api.themoviedb.org/3/'
    Tmdb__ReadAccessToken: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${secretNames.tmdbReadAccessToken})'
    Tmdb__ApiKey: tmdbApiKeyEnabled
      ? '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${secretNames.tmdbApiKey})'
      : ''
    Tmdb__ImageBaseUrl: 'https://image.tmdb.org/t/p/'
    Tmdb__ProviderMaxAgeHours: string(tmdbProviderMaxAgeHours)
    // TMDB client resilience and the provider refresh job (docs/tmdb.md); the defaults of local.settings.sample.json.
    Tmdb__RequestsPerSecond: '40'
    Tmdb__AttemptTimeout: '00:00:03'
    Tmdb__TotalTimeout: '00:00:08'
    Tmdb__MaxRetries: '2'
    Tmdb__RetryBaseDelay: '00:00:00.300'
    Tmdb__MaxRetryAfter: '00:00:03'
    Tmdb__CircuitBreakDuration: '00:00:30'
    Tmdb__CircuitBreakerMinimumThroughput: '10'
    Tmdb__RefreshBatchSize: '100'
    Tmdb__RefreshParallelism: '4'
    Tmdb__RefreshTimeBudget: '00:05:00'
    Tmdb__AiringSeasonsMaxAgeHours: '12'
    Tmdb__EndedSeasonsMaxAgeDays: '30'
    Email__Provider: 'AzureCommunicationServices'
    Email__SenderAddress: emailSenderAddress
    Email__Acs__Endpoint: acsEndpoint
    // Empty on purpose: the ACS client signs requests with the managed identity, not an access key.
    Email__Acs__AccessKey: ''
    // Email limits (docs/deployment.md, "Limits"): keep DailyBudget below the ACS quota of the deployment.
    Email__Limits__InvitationsPerInviterPerDay: '20'
    Email__Limits__InvitationsPerFamilyPerDay: '50'
    Email__Limits__InvitationsPerRecipientPerDay: '3'
    Email__Limits__ResendCooldownSeconds: '60'
    Email__Limits__DailyBudget: '5000'
    Notifications__Digest__BatchSize: '100'
    Notifications__Digest__MaxBatchesPerRun: '50'
    Notifications__Digest__MaxItems: '20'
    Invitations__PublicBaseUrl: baseUrl
    Invitations__ExpiryDays: string(invitationExpiryDays)
    InvitationEmailQueue: invitationEmailQueueName
    // Imports (docs/api.md, "Imports"): they cost TMDB requests, so they are limited per user and app-wide.
    ImportQueue: importQueueName
    Imports__Container: importContainerName
    Imports__PerUserPerDay: '10'
    Imports__MaxBytes: '20971520'
    Imports__MaxRows: '100000'
    Imports__MaxUncompressedBytes: '209715200'
    Imports__MaxZipEntries: '1000'
    Imports__BatchSize: '100'
    Imports__LookupParallelism: '8'
    Imports__RunTimeBudget: '00:02:00'
    Imports__Lease: '00:05:00'
    Imports__MaxAttempts: '5'
    Imports__AppPerHour: '200'
    // Webhooks (docs/api.md, "Webhooks"): limits, delivery batches, timeouts and retries.
    Webhooks__MaxPerUser: '10'
    Webhooks__CreatesPerUserPerDay: '20'
    Webhooks__CreatesAppPerHour: '1000'
    Webhooks__BatchSize: '50'
    Webhooks__Parallelism: '8'
    Webhooks__Timeout: '00:00:10'
    Webhooks__Lease: '00:02:00'
    Webhooks__RunTimeBudget: '00:00:20'
    Webhooks__MaxAttempts: '8'
    Webhooks__RetryBaseDelay: '00:00:30'
    Webhooks__MaxRetryDelay: '06:00:00'
    Webhooks__DisableAfterFailures: '15'
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    // Application Insights accepts Entra-authenticated telemetry only: the host and the worker sign it as the identity.
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'FunctionAppLogs'
        enabled: true
      }
    ]
  }
}

output name string = site.name
output id string = site.id
output uri string = 'https://${site.properties.defaultHostName}'
output publicBaseUrl string = baseUrl
