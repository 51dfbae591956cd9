using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.FluentUI.AspNetCore.Components;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Tab.Shell;

public static class TabServices
{
    /// <summary>The tab's components' services: Fluent UI and the session reader. The use cases and queries come from App's wiring.</summary>
    public static IServiceCollection AddTeamsRiskTab(this IServiceCollection services)
    {
        services.AddFluentUIComponents();
        services.TryAddSingleton(sp => new UserPreferences(sp.GetRequiredService<IDocumentStore>()));
        services.AddScoped<TabSessionReader>();
        services.AddSingleton<Assessing.ResponsiblePeople>();
        services.AddSingleton<Assessing.TabAssessments>();
        services.AddSingleton<MyAssessments.MyFollowUp>();
        return services;
    }
}
