using Norddjurs.TeamsRisk.App.Cli;
using Norddjurs.TeamsRisk.App.Endpoints;
using Norddjurs.TeamsRisk.App.Hosting;
using Norddjurs.TeamsRisk.App.Reach;
using Norddjurs.TeamsRisk.App.Storage;

// A command (verify-audit, …) runs without the web host; see Cli/CommandLine.cs.
if (CommandLine.Run(args, Console.Out, Console.Error) is { } exitCode) { Environment.ExitCode = exitCode; return; }

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddProblemDetails();
builder.Services.AddMethodData();
builder.Services.AddDirectoryAndRoles();
builder.Services.AddApiAuthentication();
builder.Services.AddStoreAndUseCases();
builder.Services.AddApi();
builder.Services.AddBot();
builder.Services.AddJobs();
builder.Services.AddTeamsSender();
builder.Services.AddOwnerReach(builder.Configuration);
builder.Services.AddTab(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapHealth();
app.MapApi();
app.MapBot();
app.MapTab();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
