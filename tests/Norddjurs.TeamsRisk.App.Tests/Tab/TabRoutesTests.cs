using Microsoft.AspNetCore.Components;
using Norddjurs.TeamsRisk.App.Hosting;

namespace Norddjurs.TeamsRisk.App.Tests.Tab;

/// <summary>The manifest's URLs (TabRoutes) are the paths the Tab's pages really answer.</summary>
public sealed class TabRoutesTests
{
    [Theory]
    [InlineData(TabRoutes.Personal)]
    [InlineData(TabRoutes.Config)]
    [InlineData(TabRoutes.Committee)]
    public void Each_manifest_route_is_a_page_of_the_tab(string route)
    {
        var pages = typeof(Norddjurs.TeamsRisk.Tab.Shell.App).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(RouteAttribute), inherit: false).Cast<RouteAttribute>())
            .Select(r => r.Template);

        Assert.Contains(route, pages);
    }
}
