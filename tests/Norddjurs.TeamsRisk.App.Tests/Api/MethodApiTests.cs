using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Tests.Api;

/// <summary>
/// <c>/api/methods</c> (risk-method.md §3.8) on the Development app, where the shipped 1.0.0 is active: coordinator,
/// committee, auditor and directorate read the versions; only the coordinator publishes and approves. A broken
/// document is a 400 naming each problem's document and JSON path, an incomplete approval a 400; neither changes anything.
/// </summary>
public sealed class MethodApiTests : IAsyncLifetime
{
    private const string Next = "/api/methods/nk-risk-method/1.1.0";
    private readonly ApiFactory _api = new();

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    public static TheoryData<string> Readers => new() { "coordinator", "committee", "auditor", "directorate" };

    public static TheoryData<string> Others => new() { "owner", "other owner", "area manager", "no role" };

    public static TheoryData<string> NotCoordinators => new() { "committee", "auditor", "directorate", "owner", "no role" };

    [Theory, MemberData(nameof(Readers))]
    public async Task Each_reader_lists_the_versions_and_reads_the_active_documents(string reader)
    {
        using var list = await _api.GetAsync(Callers.ByName[reader], "/api/methods");
        var version = (await ExpectAsync(HttpStatusCode.OK, list)).AsArray().Single()!;
        Assert.Equal(("1.0.0", "Active", "nk-event-catalog"), ((string)version["version"]!, (string)version["state"]!, (string)version["catalogueId"]!));
        Assert.Equal(DefaultMethod.Load().Value.Sha256, (string?)version["sha256"]);

        using var read = await _api.GetAsync(Callers.ByName[reader], "/api/methods/nk-risk-method/1.0.0");
        var documents = await ExpectAsync(HttpStatusCode.OK, read);
        Assert.Equal(("nk-risk-method", "nk-event-catalog"), ((string)documents["method"]!["id"]!, (string)documents["catalogue"]!["id"]!));
        using var unknown = await _api.GetAsync(Callers.ByName[reader], "/api/methods/nk-risk-method/9.9.9");
        await ExpectAsync(HttpStatusCode.NotFound, unknown);
    }

    [Theory, MemberData(nameof(Others))]
    public async Task Owners_and_people_without_a_role_are_refused_the_versions(string caller)
    {
        using var list = await _api.GetAsync(Callers.ByName[caller], "/api/methods");
        using var read = await _api.GetAsync(Callers.ByName[caller], "/api/methods/nk-risk-method/1.0.0");

        await ExpectAsync(HttpStatusCode.Forbidden, list);
        await ExpectAsync(HttpStatusCode.Forbidden, read);
    }

    [Fact]
    public async Task The_coordinator_publishes_a_draft_is_refused_an_incomplete_approval_then_approves_and_the_old_is_retired()
    {
        var key = _api.NewKey();
        using var published = await _api.PostAsync(Callers.Coordinator, "/api/methods", new { method = Changed() }, key);
        Assert.Equal("Draft", (string?)(await ExpectAsync(HttpStatusCode.OK, published))["state"]);
        using var replayed = await _api.PostAsync(Callers.Coordinator, "/api/methods", new { method = Changed() }, key);
        Assert.Equal("Draft", (string?)(await ExpectAsync(HttpStatusCode.OK, replayed))["state"]);
        var before = await _api.FingerprintAsync((DocumentKinds.MethodVersion, "nk-risk-method@1.1.0"), (DocumentKinds.MethodVersion, "nk-risk-method@1.0.0"));

        using var incomplete = await _api.PostAsync(Callers.Coordinator, Next + "/approve", new { approvedBy = "Direktionen", approvedAt = "2026-03-02" });
        await ExpectAsync(HttpStatusCode.BadRequest, incomplete);
        Assert.Equal(["method.approval_incomplete"], await incomplete.ErrorCodesAsync());
        Assert.Equal(before, await _api.FingerprintAsync((DocumentKinds.MethodVersion, "nk-risk-method@1.1.0"), (DocumentKinds.MethodVersion, "nk-risk-method@1.0.0")));

        using var approved = await _api.PostAsync(Callers.Coordinator, Next + "/approve", new { approvedBy = "Direktionen", approvedAt = "2026-03-02", decisionRef = "Direktionsmøde 2-3-2026, pkt. 4" });
        Assert.Equal("Active", (string?)(await ExpectAsync(HttpStatusCode.OK, approved))["state"]);

        using var list = await _api.GetAsync(Callers.Auditor, "/api/methods");
        var versions = (await ExpectAsync(HttpStatusCode.OK, list)).AsArray().ToDictionary(v => (string)v!["version"]!, v => v!);
        Assert.Equal("Retired", (string?)versions["1.0.0"]["state"]);
        Assert.Equal(("Active", "Direktionen", "2026-03-02", "Direktionsmøde 2-3-2026, pkt. 4"), (
            (string)versions["1.1.0"]["state"]!, (string)versions["1.1.0"]["approval"]!["approvedBy"]!,
            (string)versions["1.1.0"]["approval"]!["approvedAt"]!, (string)versions["1.1.0"]["approval"]!["decisionRef"]!));
        using var read = await _api.GetAsync(Callers.Committee, Next);
        Assert.Equal("high", (string?)(await ExpectAsync(HttpStatusCode.OK, read))["method"]!["appetite"]!["highestAcceptableBand"]);
    }

    [Fact]
    public async Task A_broken_document_is_a_problem_naming_each_path_in_the_callers_language_and_nothing_is_stored()
    {
        var method = Changed();
        method["bands"]![0]!["color"] = "grøn";
        var catalogue = JsonNode.Parse(Encoding.UTF8.GetString(Core.Catalogue.DefaultCatalogue.Json()))!;
        catalogue["version"] = "1.1.0";
        catalogue["events"]![0]!["baseline"] = "yes";
        method["eventCatalog"]!["version"] = "1.1.0";
        var before = await _api.FingerprintAsync((DocumentKinds.MethodVersion, "nk-risk-method@1.1.0"), (DocumentKinds.CatalogueVersion, "nk-event-catalog@1.1.0"));

        using var refused = await _api.PostAsync(Callers.Coordinator, "/api/methods", new { method, catalogue }, language: "en");

        var problem = await ExpectAsync(HttpStatusCode.BadRequest, refused);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problems = problem["problems"]!.AsArray().Select(p => ((string)p!["document"]!, (string)p["path"]!, (string)p["code"]!, (string)p["message"]!)).ToList();
        Assert.Contains(("method", "$.bands[0].color", "data.invalid_color", "\"grøn\" is not a valid colour (#RRGGBB)."), problems);
        Assert.Contains(problems, p => p is ("catalogue", "$.events[0].baseline", _, _));
        Assert.Equal(before, await _api.FingerprintAsync((DocumentKinds.MethodVersion, "nk-risk-method@1.1.0"), (DocumentKinds.CatalogueVersion, "nk-event-catalog@1.1.0")));
    }

    [Fact]
    public async Task A_body_that_is_not_json_or_has_no_method_is_a_bad_request()
    {
        using var text = await _api.SendAsync(Callers.Coordinator, HttpMethod.Post, "/api/methods", new StringContent("{ \"method\": ", Encoding.UTF8, "application/json"), _api.NewKey(), null);
        using var empty = await _api.PostAsync(Callers.Coordinator, "/api/methods", new { catalogue = new JsonObject() });

        await ExpectAsync(HttpStatusCode.BadRequest, text);
        await ExpectAsync(HttpStatusCode.BadRequest, empty);
    }

    [Theory, MemberData(nameof(NotCoordinators))]
    public async Task Only_the_coordinator_publishes_and_approves_and_a_refusal_changes_nothing(string caller)
    {
        using (var draft = await _api.PostAsync(Callers.Coordinator, "/api/methods", new { method = Changed() }))
        {
            await ExpectAsync(HttpStatusCode.OK, draft);
        }

        var before = await _api.FingerprintAsync((DocumentKinds.MethodVersion, "nk-risk-method@1.1.0"), (DocumentKinds.MethodVersion, "nk-risk-method@1.2.0"));
        var other = Changed();
        other["version"] = "1.2.0";

        using var publish = await _api.PostAsync(Callers.ByName[caller], "/api/methods", new { method = other });
        using var approve = await _api.PostAsync(Callers.ByName[caller], Next + "/approve", new { approvedBy = "Direktionen", approvedAt = "2026-03-02", decisionRef = "D-1" });

        await ExpectAsync(HttpStatusCode.Forbidden, publish);
        await ExpectAsync(HttpStatusCode.Forbidden, approve);
        Assert.Equal(before, await _api.FingerprintAsync((DocumentKinds.MethodVersion, "nk-risk-method@1.1.0"), (DocumentKinds.MethodVersion, "nk-risk-method@1.2.0")));
    }

    /// <summary>The shipped method as 1.1.0 with another appetite: the catalogue it names (1.0.0) is already stored.</summary>
    private static JsonNode Changed()
    {
        var method = JsonNode.Parse(Encoding.UTF8.GetString(DefaultMethod.Json()))!;
        method["version"] = "1.1.0";
        method["appetite"]!["highestAcceptableBand"] = "high";
        return method;
    }

    private static Task<JsonNode> ExpectAsync(HttpStatusCode status, HttpResponseMessage response) => ApiWalk.ExpectAsync(status, response);
}
