using Norddjurs.TeamsRisk.App.Hosting;

namespace Norddjurs.TeamsRisk.Manifest.Tests;

/// <summary>Every tab URL in the manifest is on the app's host and at a path the app maps (<see cref="TabRoutes"/>).</summary>
public sealed class TabUrlTests(BuiltPackage package) : IClassFixture<BuiltPackage>
{
    [Fact]
    public void Every_tab_url_is_an_https_url_of_the_host_at_one_of_the_tabs_routes()
    {
        var urls = TabUrls().ToList();

        Assert.NotEmpty(urls);
        Assert.All(urls, url =>
        {
            var uri = new Uri(url);
            Assert.Equal(("https", BuiltPackage.Host), (uri.Scheme, uri.Host));
            Assert.Contains(uri.AbsolutePath, TabRoutes.InManifest);
            Assert.Equal(string.Empty, uri.Query + uri.Fragment);
        });
    }

    [Fact]
    public void The_personal_tab_and_the_channel_tabs_configuration_page_are_where_the_tab_serves_them()
    {
        var personal = Assert.Single(package.Manifest["staticTabs"]!.AsArray(), t => t!["contentUrl"] is not null);
        var channel = Assert.Single(package.Manifest["configurableTabs"]!.AsArray());

        Assert.Equal($"https://{BuiltPackage.Host}{TabRoutes.Personal}", personal!["contentUrl"]!.GetValue<string>());
        Assert.Equal($"https://{BuiltPackage.Host}{TabRoutes.Config}", channel!["configurationUrl"]!.GetValue<string>());
        Assert.Equal(["team"], channel["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    private IEnumerable<string> TabUrls()
    {
        var manifest = package.Manifest;
        var staticTabs = manifest["staticTabs"]!.AsArray()
            .SelectMany(t => new[] { t!["contentUrl"], t["websiteUrl"], t["searchUrl"] });
        var configurable = manifest["configurableTabs"]!.AsArray().Select(t => t!["configurationUrl"]);
        return staticTabs.Concat(configurable).Where(u => u is not null).Select(u => u!.GetValue<string>());
    }
}
