// Key Vault with RBAC authorisation: the web app's identity may read secrets (Key Vault Secrets User), nothing more.
// A secret given as a parameter is written; an empty one is left for the administrator to set (docs/deployment.md).
param name string
param location string
param tenantId string

@description('Name of the identity that reads the secrets (for a stable role assignment name).')
param readerName string
param readerPrincipalId string

@secure()
param graphClientSecret string

@secure()
param botClientSecret string

var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6' // Key Vault Secrets User (built-in)
var graphSecretName = 'graph-client-secret'
var botSecretName = 'bot-client-secret'

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerName, secretsUserRoleId)
  scope: vault
  properties: {
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
  }
}

resource graphSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(graphClientSecret)) {
  parent: vault
  name: graphSecretName
  properties: {
    value: graphClientSecret
  }
}

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(botClientSecret)) {
  parent: vault
  name: botSecretName
  properties: {
    value: botClientSecret
  }
}

output name string = vault.name

// App Service Key Vault references (names only, never values), resolved at run time with the app's identity.
output graphClientSecretReference string = '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${graphSecretName})'
output botClientSecretReference string = '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${botSecretName})'
