using System.Net;
using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.App.Tests.Api;

/// <summary>
/// Every endpoint × role (style-examples.md §6): a role that may act gets 2xx, one that may see but not act 403,
/// someone with no role for the system 404 (IDOR: the id's existence does not leak). A refusal changes nothing.
/// </summary>
public sealed class AccessMatrixTests(StagedApi staged) : IClassFixture<StagedApi>
{
    private ApiFactory Api => staged.Api;

    public static TheoryData<string, HttpStatusCode> ReadAssessment => new()
    {
        { "owner", HttpStatusCode.OK }, { "committee", HttpStatusCode.OK }, { "coordinator", HttpStatusCode.OK }, { "auditor", HttpStatusCode.OK },
        { "directorate", HttpStatusCode.OK }, { "area manager", HttpStatusCode.OK }, { "other owner", HttpStatusCode.NotFound }, { "no role", HttpStatusCode.NotFound },
    };

    [Theory, MemberData(nameof(ReadAssessment))]
    public async Task Reading_an_assessment(string caller, HttpStatusCode expected)
    {
        using var response = await Api.GetAsync(Callers.ByName[caller], ApiWalk.PathOf(staged.Submitted));
        var body = await ApiWalk.ExpectAsync(expected, response);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("Submitted", (string?)body["state"]);
            Assert.Equal("Summary", (string?)body["view"]!["kind"]);
        }
    }

    [Fact]
    public async Task An_assessment_shows_each_role_only_its_own_actions()
    {
        Assert.Equal(["approve", "return"], await ActionsAsync(Callers.Committee, staged.Submitted));
        Assert.Empty(await ActionsAsync(Callers.Auditor, staged.Submitted));
        Assert.Equal(["open"], await ActionsAsync(Callers.Owner, staged.Invited));
        Assert.Equal(["cancel"], await ActionsAsync(Callers.Coordinator, staged.Invited));
        Assert.Equal(["submit"], await ActionsAsync(Callers.Owner, staged.InProgress));
    }

    [Fact]
    public async Task The_current_steps_input_comes_back_without_a_step_so_the_client_names_it()
    {
        using var response = await Api.GetAsync(Callers.Owner, ApiWalk.PathOf(staged.InProgress));
        var view = (await ApiWalk.ExpectAsync(HttpStatusCode.OK, response))["view"]!;
        Assert.Equal("Facts", (string?)view["kind"]);
        Assert.NotNull(view["input"]!["facts"]);
        Assert.False(view["input"]!.AsObject().ContainsKey("step"));
    }

    [Fact]
    public async Task The_step_view_is_in_the_callers_language_Danish_by_default()
    {
        using var danish = await Api.GetAsync(Callers.Owner, ApiWalk.PathOf(staged.Submitted));
        using var english = await Api.GetAsync(Callers.Owner, ApiWalk.PathOf(staged.Submitted), "en-GB, da;q=0.5");
        Assert.Equal("Danish", (string?)(await danish.JsonAsync())["view"]!["language"]);
        Assert.Equal("English", (string?)(await english.JsonAsync())["view"]!["language"]);
    }

    public static TheoryData<string, string, string, HttpStatusCode> RefusedChanges
    {
        get
        {
            var data = new TheoryData<string, string, string, HttpStatusCode>();
            void Add(string endpoint, string state, HttpStatusCode status, params string[] callers)
            {
                foreach (var caller in callers)
                {
                    data.Add(endpoint, state, caller, status);
                }
            }

            Add("open", "invited", HttpStatusCode.Forbidden, "committee", "coordinator", "auditor", "directorate");
            Add("open", "invited", HttpStatusCode.NotFound, "other owner", "no role");
            Add("steps", "in progress", HttpStatusCode.Forbidden, "committee", "coordinator", "auditor", "directorate");
            Add("steps", "in progress", HttpStatusCode.NotFound, "other owner", "no role");
            Add("submit", "in progress", HttpStatusCode.Forbidden, "committee", "coordinator", "auditor", "directorate");
            Add("submit", "in progress", HttpStatusCode.NotFound, "other owner", "no role");
            Add("return", "submitted", HttpStatusCode.Forbidden, "owner", "coordinator", "auditor", "directorate");
            Add("return", "submitted", HttpStatusCode.NotFound, "other owner", "no role");
            Add("approve", "submitted", HttpStatusCode.Forbidden, "owner", "coordinator", "auditor", "directorate");
            Add("approve", "submitted", HttpStatusCode.NotFound, "other owner", "no role");
            Add("cancel", "invited", HttpStatusCode.Forbidden, "owner", "committee", "auditor", "directorate");
            Add("cancel", "invited", HttpStatusCode.NotFound, "other owner", "no role");
            return data;
        }
    }

    [Theory, MemberData(nameof(RefusedChanges))]
    public async Task An_assessment_action_without_the_role_is_refused_and_changes_nothing(string endpoint, string state, string caller, HttpStatusCode expected)
    {
        var id = state switch { "invited" => staged.Invited, "in progress" => staged.InProgress, _ => staged.Submitted };
        JsonObject? body = endpoint switch
        {
            "steps" => new JsonObject { ["step"] = "profile", ["confidentiality"] = 1, ["integrity"] = 1 },
            "return" => new JsonObject { ["comment"] = "Uddyb" },
            "approve" => new JsonObject { ["recommendations"] = new JsonObject() },
            "cancel" => new JsonObject { ["reason"] = "Udfases" },
            _ => null,
        };
        var before = await staged.FingerprintAsync();

        using var response = await Api.PostAsync(Callers.ByName[caller], ApiWalk.PathOf(id) + "/" + endpoint, body);

        await ApiWalk.ExpectAsync(expected, response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await staged.FingerprintAsync());
    }

    public static TheoryData<string, string, HttpStatusCode> ReadSystem => new()
    {
        { "owner", ApiWalk.HomeCare, HttpStatusCode.OK }, { "owner", ApiWalk.Finance, HttpStatusCode.NotFound },
        { "other owner", ApiWalk.Finance, HttpStatusCode.OK }, { "other owner", ApiWalk.HomeCare, HttpStatusCode.NotFound },
        { "committee", ApiWalk.Finance, HttpStatusCode.OK }, { "coordinator", ApiWalk.Finance, HttpStatusCode.OK },
        { "auditor", ApiWalk.Finance, HttpStatusCode.OK }, { "directorate", ApiWalk.Finance, HttpStatusCode.OK },
        { "no role", ApiWalk.HomeCare, HttpStatusCode.NotFound }, { "coordinator", "NO-SUCH", HttpStatusCode.NotFound },
    };

    [Theory, MemberData(nameof(ReadSystem))]
    public async Task Reading_a_system(string caller, string systemId, HttpStatusCode expected)
    {
        using var response = await Api.GetAsync(Callers.ByName[caller], "/api/systems/" + Uri.EscapeDataString(systemId));
        var body = await ApiWalk.ExpectAsync(expected, response);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal(systemId, (string?)body["systemId"]);
        }
    }

    public static TheoryData<string, string[], string[]> SystemLists => new()
    {
        { "owner", [ApiWalk.HomeCare, ApiWalk.DemoBooking], [ApiWalk.Finance] },
        { "other owner", [ApiWalk.Finance], [ApiWalk.HomeCare, ApiWalk.DemoBooking] },
        { "committee", [ApiWalk.HomeCare, ApiWalk.Finance, ApiWalk.DemoBooking], [] },
        { "coordinator", [ApiWalk.HomeCare, ApiWalk.Finance, ApiWalk.DemoBooking], [] },
        { "auditor", [ApiWalk.HomeCare, ApiWalk.Finance, ApiWalk.DemoBooking], [] },
        { "directorate", [ApiWalk.HomeCare, ApiWalk.Finance, ApiWalk.DemoBooking], [] },
        { "no role", [], [ApiWalk.HomeCare, ApiWalk.Finance, ApiWalk.DemoBooking] },
    };

    [Theory, MemberData(nameof(SystemLists))]
    public async Task Listing_systems_shows_what_the_caller_may_see(string caller, string[] shown, string[] hidden)
    {
        using var response = await Api.GetAsync(Callers.ByName[caller], "/api/systems?page=1&pageSize=200");
        var body = await ApiWalk.ExpectAsync(HttpStatusCode.OK, response);
        var ids = body["items"]!.AsArray().Select(s => (string)s!["systemId"]!).ToList();
        Assert.All(shown, id => Assert.Contains(id, ids));
        Assert.All(hidden, id => Assert.DoesNotContain(id, ids));
        Assert.Equal(ids.Count, (int)body["total"]!);
    }

    [Fact]
    public async Task Listing_systems_pages()
    {
        using var response = await Api.GetAsync(Callers.Coordinator, "/api/systems?page=2&pageSize=2");
        var body = await ApiWalk.ExpectAsync(HttpStatusCode.OK, response);
        Assert.Equal(2, body["items"]!.AsArray().Count);
        Assert.True((int)body["total"]! > 4);
    }

    [Fact]
    public async Task My_assessments_are_those_of_the_systems_I_own()
    {
        Assert.Equal(new[] { staged.Submitted, staged.InProgress, staged.Invited }.Order(StringComparer.Ordinal), await AssessmentIdsAsync(Callers.Owner, mine: true));
        Assert.Equal([staged.OtherOwners], await AssessmentIdsAsync(Callers.OtherOwner, mine: true));
        Assert.Empty(await AssessmentIdsAsync(Callers.NoRole, mine: true));
        Assert.Empty(await AssessmentIdsAsync(Callers.Committee, mine: true));
        Assert.Equal(4, (await AssessmentIdsAsync(Callers.Committee, mine: false)).Count);
        Assert.Equal([staged.OtherOwners], await AssessmentIdsAsync(Callers.OtherOwner, mine: false));
    }

    public static TheoryData<string, HttpStatusCode> RoundProgressReaders => new()
    {
        { "coordinator", HttpStatusCode.OK }, { "committee", HttpStatusCode.OK }, { "auditor", HttpStatusCode.OK },
        { "owner", HttpStatusCode.Forbidden }, { "other owner", HttpStatusCode.Forbidden }, { "directorate", HttpStatusCode.Forbidden }, { "no role", HttpStatusCode.Forbidden },
    };

    [Theory, MemberData(nameof(RoundProgressReaders))]
    public async Task Reading_a_rounds_progress(string caller, HttpStatusCode expected)
    {
        using var response = await Api.GetAsync(Callers.ByName[caller], $"/api/rounds/{staged.RoundId}/progress");
        var body = await ApiWalk.ExpectAsync(expected, response);
        if (expected == HttpStatusCode.OK)
        {
            var owner = body["owners"]!.AsArray().Single(o => (string?)o!["ownerObjectId"] == Callers.Owner.ObjectId)!;
            Assert.Equal((3, 2, 1, 0), ((int)owner["invited"]!, (int)owner["opened"]!, (int)owner["submitted"]!, (int)owner["overdue"]!));
            var other = body["owners"]!.AsArray().Single(o => (string?)o!["ownerObjectId"] == Callers.OtherOwner.ObjectId)!;
            Assert.Equal((1, 0, 0), ((int)other["invited"]!, (int)other["opened"]!, (int)other["submitted"]!));
        }
    }

    [Fact]
    public async Task The_progress_of_an_unknown_round_is_404()
    {
        using var response = await Api.GetAsync(Callers.Coordinator, "/api/rounds/round-0000/progress");
        await ApiWalk.ExpectAsync(HttpStatusCode.NotFound, response);
    }

    public static TheoryData<string, string, HttpStatusCode> AuditReaders
    {
        get
        {
            var data = new TheoryData<string, string, HttpStatusCode>();
            foreach (var path in new[] { "/api/audit?fromSeq=1&max=5", "/api/audit/verify", "/api/audit/export" })
            {
                // The committee reads the whole trail (design.md §4), so it exports it too: the audit page offers it the link.
                foreach (var caller in new[] { "auditor", "coordinator", "committee" })
                {
                    data.Add(path, caller, HttpStatusCode.OK);
                }

                foreach (var caller in new[] { "owner", "other owner", "directorate", "no role" })
                {
                    data.Add(path, caller, HttpStatusCode.Forbidden);
                }
            }

            return data;
        }
    }

    [Theory, MemberData(nameof(AuditReaders))]
    public async Task Reading_the_audit_trail(string path, string caller, HttpStatusCode expected)
    {
        using var response = await Api.GetAsync(Callers.ByName[caller], path);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_audit_trail_reads_in_pages_of_canonical_entries()
    {
        using var response = await Api.GetAsync(Callers.Auditor, "/api/audit?fromSeq=2&max=3");
        var body = await ApiWalk.ExpectAsync(HttpStatusCode.OK, response);
        Assert.Equal([2L, 3L, 4L], body["entries"]!.AsArray().Select(e => (long)e!["seq"]!));
        Assert.Equal(5L, (long?)body["nextSeq"]);
        Assert.True((long)body["head"]!["seq"]! >= 5);
    }

    public static TheoryData<string> NotCoordinators => ["owner", "other owner", "committee", "auditor", "directorate", "no role"];

    [Theory, MemberData(nameof(NotCoordinators))]
    public async Task Only_the_coordinator_starts_rounds_and_imports(string caller)
    {
        var before = await staged.FingerprintAsync();

        using var round = await Api.PostAsync(Callers.ByName[caller], "/api/rounds", new { name = "Runde", deadline = ApiWalk.Iso(ApiWalk.Today.AddDays(30)), systemIds = new[] { ApiWalk.Finance } });
        using var import = await Api.PostCsvAsync(Callers.ByName[caller], "/api/systems/import/apply", ApiFactory.Plans());
        using var preview = await Api.PostCsvAsync(Callers.ByName[caller], "/api/systems/import/preview", ApiFactory.Plans());

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], [round.StatusCode, import.StatusCode, preview.StatusCode]);
        Assert.Equal(["workflow.role_missing"], await round.ErrorCodesAsync());
        Assert.Equal(before, await staged.FingerprintAsync());
    }

    [Fact]
    public async Task The_coordinators_preview_of_the_same_file_changes_nothing()
    {
        var before = await staged.FingerprintAsync();
        using var response = await Api.PostCsvAsync(Callers.Coordinator, "/api/systems/import/preview", ApiFactory.Plans());
        var body = await ApiWalk.ExpectAsync(HttpStatusCode.OK, response);
        Assert.All(body["systems"]!.AsArray(), s => Assert.Equal("Unchanged", (string?)s!["kind"]));
        Assert.Equal(0, (int)body["applied"]!);
        Assert.Equal(before, await staged.FingerprintAsync());
    }

    private async Task<IReadOnlyList<string>> ActionsAsync(Caller caller, string id)
    {
        using var response = await Api.GetAsync(caller, ApiWalk.PathOf(id));
        return [.. (await ApiWalk.ExpectAsync(HttpStatusCode.OK, response))["availableActions"]!.AsArray().Select(a => (string)a!).Order(StringComparer.Ordinal)];
    }

    private async Task<IReadOnlyList<string>> AssessmentIdsAsync(Caller caller, bool mine)
    {
        using var response = await Api.GetAsync(caller, "/api/assessments" + (mine ? "?mine=true" : string.Empty));
        return [.. (await ApiWalk.ExpectAsync(HttpStatusCode.OK, response)).AsArray().Select(a => (string)a!["id"]!)];
    }
}
