using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Norddjurs.TeamsRisk.App.Endpoints;
using Norddjurs.TeamsRisk.Workflows.Method;
using Norddjurs.TeamsRisk.Workflows.Queries;
using Norddjurs.TeamsRisk.Workflows.Queries.Exports;
using Norddjurs.TeamsRisk.Workflows.Queries.Register;
using Norddjurs.TeamsRisk.Workflows.Queries.Review;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.App.Hosting;

internal static class ApiHosting
{
    /// <summary>The reads behind <c>/api</c>, its JSON (enums by name, register people as text), body limits and the one exception handler.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddSingleton<Visibility>();
        services.AddSingleton<SystemQueries>();
        services.AddSingleton<AssessmentQueries>();
        services.AddSingleton<RoundProgressQuery>();
        services.AddSingleton<RoundListQuery>();
        services.AddSingleton<AuditQueries>();
        services.AddSingleton<RegisterQuery>();
        services.AddSingleton<HeatmapQuery>();
        services.AddSingleton<SystemHistoryQuery>();
        services.AddSingleton<ReviewQueueQuery>();
        services.AddSingleton<ExportQueries>();
        services.AddSingleton<RecordExport>();
        services.AddSingleton<MethodVersionsQuery>();

        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.Converters.Add(new PersonRefJsonConverter());
        });

        // Endpoints check their own limit (1 MB JSON, 5 MB CSV); Kestrel refuses anything bigger before it is read.
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = BodyLimit.Largest);
        services.Configure<FormOptions>(options => options.MultipartBodyLengthLimit = BodyLimit.Largest);
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }
}
