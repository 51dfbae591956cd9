using System.Net;
using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.App.Tests.Api;

/// <summary>The steps every HTTP scenario shares, through the API only, as a client would take them.</summary>
public static class ApiWalk
{
    public const string HomeCare = "OMS-01";
    public const string Finance = "ØKO-02";
    public const string DemoBooking = "DEMO-BOOK";
    public const string Power = "PHY-POWER";
    public const string Network = "TEC-NETWORK";
    public const string Ransomware = "CYB-RANSOM";

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task ImportAsync(ApiFactory api)
    {
        using var response = await api.PostCsvAsync(Callers.Coordinator, "/api/systems/import/apply", ApiFactory.Plans());
        await ExpectAsync(HttpStatusCode.OK, response);
    }

    /// <summary>A round over the given systems; the assessment id per system.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> StartRoundAsync(ApiFactory api, params string[] systemIds)
    {
        using var response = await api.PostAsync(Callers.Coordinator, "/api/rounds", new { name = "Runde 2027", deadline = Iso(Today.AddDays(30)), systemIds });
        var body = await ExpectAsync(HttpStatusCode.OK, response);
        return body["assessmentIds"]!.AsArray().Select(id => (string)id!).ToDictionary(id => id[(id.IndexOf(':', StringComparison.Ordinal) + 1)..]);
    }

    public static string RoundOf(string assessmentId) => assessmentId[..assessmentId.IndexOf(':', StringComparison.Ordinal)];

    public static string PathOf(string assessmentId) => "/api/assessments/" + Uri.EscapeDataString(assessmentId);

    public static async Task<JsonNode> ViewAsync(ApiFactory api, string assessmentId)
    {
        using var response = await api.GetAsync(Callers.Owner, PathOf(assessmentId));
        return (await ExpectAsync(HttpStatusCode.OK, response))["view"]!;
    }

    public static async Task StepAsync(ApiFactory api, string assessmentId, string step, JsonObject fields)
    {
        fields["step"] = step;
        using var response = await api.PostAsync(Callers.Owner, PathOf(assessmentId) + "/steps", fields);
        await ExpectAsync(HttpStatusCode.OK, response);
    }

    /// <summary>Opened and walked to the summary: power accepted, network and ransomware (Høj) reduced with measures.</summary>
    public static async Task AtSummaryAsync(ApiFactory api, string id)
    {
        using (var open = await api.PostAsync(Callers.Owner, PathOf(id) + "/open"))
        {
            await ExpectAsync(HttpStatusCode.OK, open);
        }

        await StepAsync(api, id, "facts", (JsonObject)(await ViewAsync(api, id))["input"]!.DeepClone());
        await StepAsync(api, id, "profile", (JsonObject)(await ViewAsync(api, id))["input"]!.DeepClone());
        var events = await ViewAsync(api, id);
        string[] keep = [Power, Network, Ransomware];
        var reasons = new JsonObject();
        foreach (var option in events["groups"]!.AsArray().SelectMany(g => g!["events"]!.AsArray()))
        {
            var eventId = (string)option!["event"]!["id"]!;
            if (!keep.Contains(eventId))
            {
                reasons[eventId] = "Dækkes af en anden vurdering";
            }
        }

        await StepAsync(api, id, "events", new JsonObject { ["selected"] = new JsonArray([.. keep.Select(k => (JsonNode)k)]), ["deselectionReasons"] = reasons });
        await StepAsync(api, id, "score", new JsonObject { ["eventId"] = Power, ["likelihood"] = 2, ["expectedOutageHours"] = 1 });
        await StepAsync(api, id, "score", new JsonObject { ["eventId"] = Network, ["likelihood"] = 3, ["expectedOutageHours"] = 6 });
        await StepAsync(api, id, "score", new JsonObject { ["eventId"] = Ransomware, ["likelihood"] = 2, ["expectedOutageHours"] = 120 });
        await StepAsync(api, id, "treatment", new JsonObject { ["eventId"] = Power, ["kind"] = "Accept", ["justification"] = "UPS dækker" });
        await StepAsync(api, id, "treatment", Reduce(Network, "net", "Ekstra internetlinje"));
        await StepAsync(api, id, "treatment", Reduce(Ransomware, "backup", "Uforanderlig backup"));
    }

    public static async Task SubmittedAsync(ApiFactory api, string id)
    {
        await AtSummaryAsync(api, id);
        using var response = await api.PostAsync(Callers.Owner, PathOf(id) + "/submit");
        Assert.Equal("Submitted", (string?)(await ExpectAsync(HttpStatusCode.OK, response))["state"]);
    }

    /// <summary>A recommendation for every line; the committee must give one for each line above the appetite.</summary>
    public static object Recommendations => new
    {
        recommendations = new Dictionary<string, string>
        {
            [Power] = "Udvalget tager det til efterretning",
            [Network] = "Udvalget anbefaler en ekstra linje",
            [Ransomware] = "Udvalget anbefaler uforanderlig backup",
        },
    };

    public static async Task<JsonNode> ExpectAsync(HttpStatusCode status, HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    private static JsonObject Reduce(string eventId, string measureId, string description) => new()
    {
        ["eventId"] = eventId,
        ["kind"] = "Reduce",
        ["justification"] = "Reduceres",
        ["measures"] = new JsonArray(new JsonObject
        {
            ["id"] = measureId,
            ["description"] = description,
            ["responsibleObjectId"] = Callers.Owner.ObjectId,
            ["deadline"] = Iso(Today.AddMonths(3)),
            ["targetLikelihood"] = 1,
            ["targetConsequence"] = 2,
        }),
    };
}
