// Norddjurs.TeamsRisk on Azure (design.md §10, §11): App Service (Linux, .NET 10) with a user-assigned managed identity,
// Azure Bot with the Teams channel, Key Vault (RBAC) for the secrets the settings name, optional Application Insights.
// Deploy: docs/deployment.md. Compiled and linted in tests (Manifest.Tests/BicepTests), warnings are failures.
targetScope = 'resourceGroup'

@description('Region of every resource but the bot registration (global). EU regions only, so the data stays in the EU.')
@allowed([
  'swedencentral'
  'westeurope'
  'northeurope'
  'germanywestcentral'
  'francecentral'
  'italynorth'
  'polandcentral'
  'spaincentral'
])
param location string = 'swedencentral'

@description('Name of the web app (its default host name is where Teams reaches the bot and the tab) and prefix of the other resources.')
@minLength(2)
@maxLength(40)
param appName string = 'teamsrisk-${uniqueString(resourceGroup().id)}'

@description('Storage:Provider. Sqlite pins the app to one instance with the file on /home; SharePoint may scale out.')
@allowed([
  'Sqlite'
  'SharePoint'
])
param storageProvider string = 'SharePoint'

@description('Instances in SharePoint mode (Sqlite mode always runs one).')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('App Service plan size: Basic or higher for Always On; Premium v3 recommended.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'P0v3'
  'P1v3'
  'P2v3'
])
param skuName string = 'P0v3'

@description('Application Insights with a Log Analytics workspace, in the same region.')
param enableApplicationInsights bool = true

@description('The municipality\'s Entra tenant (Auth:TenantId, Bot:TenantId, Graph:TenantId).')
param tenantId string = tenant().tenantId

@description('The tab/API app registration\'s client id: Auth:ClientId, Graph:ClientId and the package\'s --app-id.')
param apiAppId string

@description('UserAssignedMSI: the bot is the web app\'s managed identity (no secret). SingleTenant: an app registration with a client secret in Key Vault.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the bot\'s app registration client id.')
param botAppId string = ''

@description('SingleTenant only: the bot\'s client secret, written to Key Vault as bot-client-secret. Or leave empty and set the secret in Key Vault yourself.')
@secure()
param botClientSecret string = ''

@description('The tab/API app registration\'s client secret for Graph, written to Key Vault as graph-client-secret. Or leave empty and set it yourself.')
@secure()
param graphClientSecret string = ''

@description('Storage:SharePoint:SiteUrl, e.g. https://norddjurs.sharepoint.com/sites/risiko (SharePoint mode).')
param sharePointSiteUrl string = ''

@description('Roles:*GroupId: the Entra groups of the roles (design.md §4); empty when app roles are used instead.')
param roleGroupIds object = {
  committee: ''
  coordinator: ''
  auditor: ''
  directorate: ''
}

@description('Teams:CommitteeTeamId and Teams:CommitteeChannelId: where submissions are posted.')
param committee object = {
  teamId: ''
  channelId: ''
}

@description('Teams:AppCatalogId: the app\'s id in the tenant catalogue, known after the package is uploaded.')
param appCatalogId string = ''

@description('Mail:SenderUserId: the mailbox the mail fallback is sent as.')
param mailSenderUserId string = ''

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-${appName}'
  location: location
}

module monitoring 'modules/monitoring.bicep' = if (enableApplicationInsights) {
  params: {
    name: appName
    location: location
  }
}

module vault 'modules/keyVault.bicep' = {
  params: {
    name: take('kv-${uniqueString(resourceGroup().id, appName)}', 24)
    location: location
    tenantId: tenantId
    readerName: identity.name
    readerPrincipalId: identity.properties.principalId
    graphClientSecret: graphClientSecret
    botClientSecret: botAppType == 'SingleTenant' ? botClientSecret : ''
  }
}

var sqlite = storageProvider == 'Sqlite'
var botIsIdentity = botAppType == 'UserAssignedMSI'

// design.md §10 as App Service settings (":" is "__" in environment variables); empty values are left out so the app's
// own defaults and start-up checks apply. Secrets are Key Vault references resolved with the managed identity.
var settings = [
  { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
  { name: 'WEBSITES_ENABLE_APP_SERVICE_STORAGE', value: 'true' }
  { name: 'Storage__Provider', value: storageProvider }
  { name: 'Storage__Sqlite__Path', value: sqlite ? '/home/data/teamsrisk.db' : '' }
  { name: 'Storage__SharePoint__SiteUrl', value: sqlite ? '' : sharePointSiteUrl }
  { name: 'Directory__Provider', value: 'Graph' }
  { name: 'Graph__TenantId', value: tenantId }
  { name: 'Graph__ClientId', value: apiAppId }
  { name: 'Graph__ClientSecret', value: vault.outputs.graphClientSecretReference }
  { name: 'Auth__TenantId', value: tenantId }
  { name: 'Auth__ClientId', value: apiAppId }
  { name: 'Bot__AppId', value: botIsIdentity ? identity.properties.clientId : botAppId }
  { name: 'Bot__TenantId', value: tenantId }
  { name: 'Bot__UseManagedIdentity', value: botIsIdentity ? 'true' : '' }
  { name: 'Bot__ClientSecret', value: botIsIdentity ? '' : vault.outputs.botClientSecretReference }
  { name: 'Roles__CommitteeGroupId', value: roleGroupIds.?committee ?? '' }
  { name: 'Roles__CoordinatorGroupId', value: roleGroupIds.?coordinator ?? '' }
  { name: 'Roles__AuditorGroupId', value: roleGroupIds.?auditor ?? '' }
  { name: 'Roles__DirectorateGroupId', value: roleGroupIds.?directorate ?? '' }
  { name: 'Teams__CommitteeTeamId', value: committee.?teamId ?? '' }
  { name: 'Teams__CommitteeChannelId', value: committee.?channelId ?? '' }
  { name: 'Teams__AppCatalogId', value: appCatalogId }
  { name: 'Mail__SenderUserId', value: mailSenderUserId }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: monitoring.?outputs.?connectionString ?? '' }
]

module web 'modules/webApp.bicep' = {
  params: {
    name: appName
    location: location
    skuName: skuName
    // SQLite: one file, opened by one host (design.md §11); the store's WAL index must not be shared across hosts.
    instanceCount: sqlite ? 1 : instanceCount
    identityId: identity.id
    apiAppId: apiAppId
    settings: toObject(filter(settings, s => !empty(s.value)), s => s.name, s => s.value)
  }
}

module bot 'modules/bot.bicep' = {
  params: {
    name: appName
    endpoint: 'https://${web.outputs.hostName}/api/messages'
    appType: botAppType
    appId: botIsIdentity ? identity.properties.clientId : botAppId
    tenantId: tenantId
    identityId: botIsIdentity ? identity.id : ''
  }
}

@description('The host name for `package --host` and for the API\'s Application ID URI api://{host}/{apiAppId}.')
output hostName string = web.outputs.hostName

@description('The bot\'s app id for `package --bot-id` (the managed identity\'s client id with UserAssignedMSI).')
output botId string = bot.outputs.appId

@description('The managed identity\'s principal (object) id, e.g. for Graph app roles if Graph ever runs on it.')
output identityPrincipalId string = identity.properties.principalId

@description('The Key Vault holding graph-client-secret (and bot-client-secret with SingleTenant).')
output keyVaultName string = vault.outputs.name
