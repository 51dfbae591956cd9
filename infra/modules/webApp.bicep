// App Service plan and web app (design.md §11): Linux, .NET 10, Always On, WebSockets and ARR affinity for the Blazor
// Server tab, HTTPS only, TLS 1.2 or newer, no FTP; the user-assigned identity resolves the Key Vault references.
param name string
param location string
param skuName string
param instanceCount int
param identityId string
param apiAppId string

@description('App settings (design.md §10) without the ones derived from the host name.')
param settings object

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: 'asp-${name}'
  location: location
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true
    elasticScaleEnabled: false
    perSiteScaling: false
    zoneRedundant: false
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      webSocketsEnabled: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
    }
  }
}

resource ftp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(settings, {
    // The API's Application ID URI, as Teams SSO requires it (manifest webApplicationInfo.resource).
    Auth__Audience: 'api://${site.properties.defaultHostName}/${apiAppId}'
  })
}

output hostName string = site.properties.defaultHostName
