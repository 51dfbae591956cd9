using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Workflows.Queries.Exports;

namespace Norddjurs.TeamsRisk.Tab.Exports;

/// <summary>Renders <see cref="SystemReportDocument"/> to one HTML string (the renderer encodes every value).</summary>
public static class SystemReportHtml
{
    public const string ContentType = "text/html; charset=utf-8";

    public static async Task<string> RenderAsync(SystemReport report, Language language, IServiceProvider? services = null)
    {
        var provider = services ?? new ServiceCollection().BuildServiceProvider();
        var loggers = provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        await using var renderer = new HtmlRenderer(provider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(SystemReportDocument.Report)] = report,
                [nameof(SystemReportDocument.Language)] = language,
            });
            var output = await renderer.RenderComponentAsync<SystemReportDocument>(parameters);
            return output.ToHtmlString();
        });
    }
}
