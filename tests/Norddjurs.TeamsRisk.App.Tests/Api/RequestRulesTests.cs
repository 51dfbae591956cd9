using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Norddjurs.TeamsRisk.App.Tests.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Tests.Api;

/// <summary>
/// What every call must bring: a valid token (401), an Idempotency-Key on a POST (400), a well-formed body within
/// its limit (400/413); a replay answers as the first time and changes nothing more; a fault answers 500 without
/// internals. Every refusal is problem details and changes nothing.
/// </summary>
public sealed class RequestRulesTests(StagedApi staged) : IClassFixture<StagedApi>
{
    private ApiFactory Api => staged.Api;

    private static string RoundBody => $$"""{"name":"Runde","deadline":"{{ApiWalk.Iso(ApiWalk.Today.AddDays(30))}}","systemIds":["{{ApiWalk.Finance}}"]}""";

    public static TheoryData<string, string> BadTokens
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var flaw in new[] { "none", "expired", "wrong audience" })
            {
                foreach (var call in new[] { "GET /api/systems", "POST /api/rounds", "POST open" })
                {
                    data.Add(flaw, call);
                }
            }

            return data;
        }
    }

    [Theory, MemberData(nameof(BadTokens))]
    public async Task Without_a_valid_token_every_call_is_401_and_changes_nothing(string flaw, string call)
    {
        var now = ApiFactory.Time.GetUtcNow();
        var valid = TeamsRiskApp.ValidToken(Callers.Coordinator.ObjectId, ApiFactory.Time) with { AppRoles = Callers.Coordinator.AppRoles };
        var token = flaw switch
        {
            "expired" => Api.Issuer.Mint(valid with { NotBefore = now.AddHours(-2), Expires = now.AddMinutes(-2) }),
            "wrong audience" => Api.Issuer.Mint(valid with { Audience = "api://some-other-api" }),
            _ => null,
        };
        var (method, path, body) = call switch
        {
            "GET /api/systems" => (HttpMethod.Get, "/api/systems", null),
            "POST /api/rounds" => (HttpMethod.Post, "/api/rounds", RoundBody),
            _ => (HttpMethod.Post, ApiWalk.PathOf(staged.Invited) + "/open", null),
        };
        var before = await staged.FingerprintAsync();

        using var client = Api.App.CreateClient();
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Api.NewKey());
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await staged.FingerprintAsync());
    }

    [Fact]
    public async Task A_post_without_an_idempotency_key_is_400_and_changes_nothing()
    {
        var before = await staged.FingerprintAsync();

        using var open = await Api.SendAsync(Callers.Owner, HttpMethod.Post, ApiWalk.PathOf(staged.Invited) + "/open", null, key: null, language: null);
        using var round = await Api.SendAsync(Callers.Coordinator, HttpMethod.Post, "/api/rounds", Json(RoundBody), key: null, language: "en");

        var danish = await ApiWalk.ExpectAsync(HttpStatusCode.BadRequest, open);
        Assert.Equal("application/problem+json", open.Content.Headers.ContentType?.MediaType);
        Assert.Equal("api.idempotency_key_missing", (string?)danish["errors"]![0]!["code"]);
        Assert.StartsWith("Headeren Idempotency-Key mangler", (string?)danish["errors"]![0]!["message"], StringComparison.Ordinal);
        var english = await ApiWalk.ExpectAsync(HttpStatusCode.BadRequest, round);
        Assert.StartsWith("The Idempotency-Key header is missing", (string?)english["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Equal(before, await staged.FingerprintAsync());
    }

    [Fact]
    public async Task An_idempotency_key_that_is_too_long_is_400()
    {
        using var response = await Api.SendAsync(Callers.Coordinator, HttpMethod.Post, "/api/rounds", Json(RoundBody), key: new string('k', 201), language: null);
        Assert.Equal(["api.idempotency_key_invalid"], await (await Expect(HttpStatusCode.BadRequest, response)).ErrorCodesAsync());
    }

    public static TheoryData<string, string, string, string> BadBodies => new()
    {
        { "malformed JSON", "/api/rounds", "{\"name\": \"Runde\",", "api.body_invalid" },
        { "wrong type", "/api/rounds", "{\"name\": 5, \"deadline\": \"2030-01-01\"}", "api.body_invalid" },
        { "not a date", "/api/rounds", "{\"name\": \"Runde\", \"deadline\": \"snart\"}", "api.body_invalid" },
        { "empty", "/api/rounds", "", "api.body_missing" },
        { "null", "/api/rounds", "null", "api.body_missing" },
        { "unknown step", "steps", "{\"step\": \"guess\"}", "api.step_unknown" },
        { "step of wrong type", "steps", "{\"step\": \"score\", \"eventId\": \"CYB-RANSOM\", \"likelihood\": \"høj\"}", "api.body_invalid" },
        { "array for an object", "decision", "[1, 2]", "api.body_invalid" },
        { "decision without a kind", "decision", "{}", "api.body_invalid" },
        { "facts step without facts", "steps", "{\"step\": \"facts\"}", "api.body_invalid" },
        { "events step without a selection", "steps", "{\"step\": \"events\"}", "api.body_invalid" },
        { "required measure without a description", "decision", "{\"kind\": \"RequireMeasures\", \"requiredMeasures\": [{\"responsibleObjectId\": \"x\", \"deadline\": \"2030-01-01\"}]}", "api.body_invalid" },
    };

    [Theory, MemberData(nameof(BadBodies))]
    public async Task A_bad_body_is_400_problem_details_and_changes_nothing(string what, string target, string body, string code)
    {
        var (caller, path) = target switch
        {
            "steps" => (Callers.Owner, ApiWalk.PathOf(staged.InProgress) + "/steps"),
            "decision" => (Callers.Directorate, "/api/escalations/any/decision"),
            _ => (Callers.Coordinator, target),
        };
        var before = await staged.FingerprintAsync();

        using var response = await Api.SendAsync(caller, HttpMethod.Post, path, Json(body), Api.NewKey(), language: null);

        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, what);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([code], await response.ErrorCodesAsync());
        Assert.Equal(before, await staged.FingerprintAsync());
    }

    [Fact]
    public async Task A_json_body_over_1_MB_is_413_and_changes_nothing()
    {
        var before = await staged.FingerprintAsync();
        var huge = $$"""{"comment":"{{new string('x', 1024 * 1024)}}"}""";

        using var sized = await Api.SendAsync(Callers.Committee, HttpMethod.Post, ApiWalk.PathOf(staged.Submitted) + "/return", Json(huge), Api.NewKey(), null);
        using var streamed = await Api.SendAsync(Callers.Committee, HttpMethod.Post, ApiWalk.PathOf(staged.Submitted) + "/return", Unsized(huge, "application/json"), Api.NewKey(), null);

        Assert.Equal(["api.body_too_large"], await (await Expect(HttpStatusCode.RequestEntityTooLarge, sized)).ErrorCodesAsync());
        Assert.Equal(["api.body_too_large"], await (await Expect(HttpStatusCode.RequestEntityTooLarge, streamed)).ErrorCodesAsync());
        Assert.Equal(before, await staged.FingerprintAsync());
    }

    [Fact]
    public async Task A_csv_import_may_be_up_to_5_MB()
    {
        // Blank lines are skipped by the import, so the padded file is the same plans.
        var padded = ApiFactory.Plans().Concat(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(";\r\n", 600_000)))).ToArray();
        Assert.InRange(padded.Length, 1024 * 1024, 5 * 1024 * 1024);
        var tooLarge = new byte[(5 * 1024 * 1024) + 1];

        using var accepted = await Api.PostCsvAsync(Callers.Coordinator, "/api/systems/import/preview", padded);
        using var refused = await Api.PostCsvAsync(Callers.Coordinator, "/api/systems/import/preview", tooLarge);

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, accepted.StatusCode);
        await Expect(HttpStatusCode.RequestEntityTooLarge, refused);
    }

    [Fact]
    public async Task A_replayed_post_answers_the_same_and_changes_nothing_more()
    {
        var key = Api.NewKey();
        using var first = await Api.SendAsync(Callers.Coordinator, HttpMethod.Post, "/api/rounds", Json(RoundBody), key, null);
        var afterFirst = await staged.FingerprintAsync();

        using var replay = await Api.SendAsync(Callers.Coordinator, HttpMethod.Post, "/api/rounds", Json(RoundBody), key, null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(afterFirst, await staged.FingerprintAsync());

        // The key belongs to its caller: someone else sending it is a new request, judged on its own.
        using var stranger = await Api.SendAsync(Callers.Owner, HttpMethod.Post, "/api/rounds", Json(RoundBody), key, null);
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
    }

    [Fact]
    public async Task A_rejected_change_lists_every_error_in_the_callers_language()
    {
        var body = """{"name":" ","deadline":"2001-01-01"}""";
        using var danish = await Api.SendAsync(Callers.Coordinator, HttpMethod.Post, "/api/rounds", Json(body), Api.NewKey(), null);
        using var english = await Api.SendAsync(Callers.Coordinator, HttpMethod.Post, "/api/rounds", Json(body), Api.NewKey(), "en-US");

        var da = await ApiWalk.ExpectAsync(HttpStatusCode.BadRequest, danish);
        var en = await ApiWalk.ExpectAsync(HttpStatusCode.BadRequest, english);
        Assert.Equal(["round.name_required", "round.deadline_not_future"], await danish.ErrorCodesAsync());
        Assert.Equal("Anmodningen blev afvist. Ret fejlene og prøv igen.", (string?)da["title"]);
        Assert.Equal("The request was rejected. Correct the errors and try again.", (string?)en["title"]);
        Assert.NotEqual((string?)da["errors"]![0]!["message"], (string?)en["errors"]![0]!["message"]);
    }

    [Fact]
    public async Task An_import_with_a_bad_cell_is_400_with_line_column_and_reason_and_imports_nothing()
    {
        var bad = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(ApiFactory.Plans()).Replace(";aktiv;Kritisk;", ";måske;Kritisk;", StringComparison.Ordinal));
        var before = await staged.FingerprintAsync();

        using var response = await Api.PostCsvAsync(Callers.Coordinator, "/api/systems/import/apply", bad);

        var body = await ApiWalk.ExpectAsync(HttpStatusCode.BadRequest, response);
        var problem = body["problems"]!.AsArray().Single()!;
        Assert.Equal(2, (int)problem["line"]!);
        Assert.Equal("status", (string?)problem["column"], StringComparer.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["reason"]));
        Assert.Equal(before, await staged.FingerprintAsync());
    }

    [Fact]
    public async Task An_import_arrives_as_a_multipart_file_too_but_not_as_json()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(ApiFactory.Plans()), "file", "plans.csv" } };
        using var multipart = await Api.SendAsync(Callers.Coordinator, HttpMethod.Post, "/api/systems/import/preview", form, Api.NewKey(), null);
        using var json = await Api.SendAsync(Callers.Coordinator, HttpMethod.Post, "/api/systems/import/preview", Json("{}"), Api.NewKey(), null);

        await ApiWalk.ExpectAsync(HttpStatusCode.OK, multipart);
        await ApiWalk.ExpectAsync(HttpStatusCode.UnsupportedMediaType, json);
    }

    [Fact]
    public async Task A_multipart_import_over_5_MB_is_413_and_a_broken_one_400()
    {
        var big = new MultipartFormDataContent { { new StreamContent(new UnseekableStream(new byte[(5 * 1024 * 1024) + 1])), "file", "plans.csv" } };
        using var broken = new StringContent("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc", Encoding.UTF8);
        broken.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");

        using var tooLarge = await Api.SendAsync(Callers.Coordinator, HttpMethod.Post, "/api/systems/import/preview", big, Api.NewKey(), null);
        using var unreadable = await Api.SendAsync(Callers.Coordinator, HttpMethod.Post, "/api/systems/import/preview", broken, Api.NewKey(), null);

        await ApiWalk.ExpectAsync(HttpStatusCode.RequestEntityTooLarge, tooLarge);
        await ApiWalk.ExpectAsync(HttpStatusCode.BadRequest, unreadable);
        big.Dispose();
    }

    [Fact]
    public async Task A_fault_is_500_problem_details_without_internals()
    {
        // A stored document this version cannot read stands in for any bug or fault below the endpoint.
        await Api.Store.CommitAsync(new StoreChange("test:broken", [DocumentWrite.Create(DocumentKinds.Assessment, "broken", "[1]")], [], [], null), CancellationToken.None);

        using var response = await Api.GetAsync(Callers.Coordinator, "/api/assessments/broken");

        var body = await ApiWalk.ExpectAsync(HttpStatusCode.InternalServerError, response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Der opstod en uventet fejl", (string?)body["title"], StringComparison.Ordinal);
        var text = body.ToJsonString();
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Norddjurs", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.Null(body["detail"]);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>A body without Content-Length, so only reading it shows its size.</summary>
    private static StreamContent Unsized(string body, string mediaType) =>
        new(new UnseekableStream(Encoding.UTF8.GetBytes(body))) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } };

    private static async Task<HttpResponseMessage> Expect(HttpStatusCode status, HttpResponseMessage response)
    {
        await ApiWalk.ExpectAsync(status, response);
        return response;
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
