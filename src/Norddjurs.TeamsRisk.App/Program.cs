using Norddjurs.TeamsRisk.App.Endpoints;
using Norddjurs.TeamsRisk.App.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddProblemDetails();
builder.Services.AddMethodData();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapHealth();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
