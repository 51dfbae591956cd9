// Azure Bot (teams-bot-protocol.md §2.5): single-tenant or user-assigned managed identity, the Teams channel on,
// messaging endpoint on the web app. The registration is global; the bot's code and data stay in the EU region.
param name string
param endpoint string

@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param appType string
param appId string
param tenantId string

@description('The managed identity\'s resource id with UserAssignedMSI; empty with SingleTenant.')
param identityId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${name}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: 'Risikovurdering'
    endpoint: endpoint
    msaAppType: appType
    msaAppId: appId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: empty(identityId) ? null : identityId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output appId string = bot.properties.msaAppId
