using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound.Fakes;

/// <summary>Just the environment name, for settings that are allowed in Development only.</summary>
public sealed class TestHostEnvironment(string name) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = name;

    public string ApplicationName { get; set; } = "tests";

    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
