using System.Text;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Data;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Core.Tests.Data;

namespace Norddjurs.TeamsRisk.Core.Tests.Method;

/// <summary>
/// Loading a method document (risk-method.md §3.7): its shape, the rules across fields of §3.5 rule 9, and the
/// hash of §3.8. Every bad document is the shipped default with one thing changed.
/// </summary>
public sealed class MethodLoadingTests
{
    private static LoadResult<RiskMethod> Load(Action<JsonObject> edit) => Documents.LoadMethod(edit);

    private static LoadResult<RiskMethod> LoadWith(string path, JsonNode? value) => Load(d => d.Set(path, value));

    // Shape: JSON, keys, types and closed vocabularies.

    [Fact]
    public void Bad_JSON_is_reported_with_its_line()
    {
        var lines = Encoding.UTF8.GetString(DefaultMethod.Json()).Split('\n');
        var broken = Array.FindIndex(lines, l => l.Contains("\"scale\":", StringComparison.Ordinal));
        lines[broken] = lines[broken].Replace("\"scale\":", "\"scale\"", StringComparison.Ordinal);

        var result = MethodLoader.Load(Encoding.UTF8.GetBytes(string.Join('\n', lines)));

        var problem = Problems.Only(result, "$", DataErrorCodes.BadJson);
        Assert.StartsWith($"line {broken + 1},", problem.Error.Args["detail"], StringComparison.Ordinal);
        Assert.Contains($"line {broken + 1}", problem.Message(Language.Danish), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"id\": \"nk-risk-method\"")]
    [InlineData("{\"id\": \"nk-risk-method\"} {}")]
    [InlineData("{\"id\": \"nk-risk-method\", /* a comment */ \"version\": \"1.0.0\"}")]
    public void Incomplete_or_non_standard_JSON_is_bad_JSON(string json) =>
        Problems.Only(MethodLoader.Load(Encoding.UTF8.GetBytes(json)), "$", DataErrorCodes.BadJson);

    [Fact]
    public void A_byte_order_mark_is_not_bad_JSON()
    {
        var method = MethodLoader.Load([0xEF, 0xBB, 0xBF, .. DefaultMethod.Json()]).Value;
        Assert.Equal(DefaultMethod.Load().Value.Sha256, method.Sha256);
    }

    [Theory]
    [InlineData("[]", "array")]
    [InlineData("\"nk-risk-method\"", "string")]
    [InlineData("null", "null")]
    public void The_root_must_be_an_object(string json, string actual)
    {
        var problem = Problems.Only(MethodLoader.Load(Encoding.UTF8.GetBytes(json)), "$", DataErrorCodes.WrongType);
        Assert.Equal("object", problem.Error.Args["expected"]);
        Assert.Equal(actual, problem.Error.Args["actual"]);
    }

    [Theory]
    [InlineData("$.colour")]
    [InlineData("$.scale.step")]
    [InlineData("$.bands[2].colour")]
    [InlineData("$.bandRules.high.escalateTo")]
    [InlineData("$.roles.committee.rank2")]
    [InlineData("$.consequence.availability.mtdRatioToLevel[1].from")]
    [InlineData("$.likelihood.levels[0].label.de")]
    public void An_unknown_key_is_reported_where_it_is(string path)
    {
        var problem = Problems.Only(LoadWith(path, "x"), path, DataErrorCodes.UnknownKey);
        Assert.Equal(path[(path.LastIndexOf('.') + 1)..], problem.Error.Args["key"]);
    }

    [Theory]
    [InlineData("$.scale")]
    [InlineData("$.version")]
    [InlineData("$.bands[1].color")]
    [InlineData("$.bandRules.high.measureDeadlineMaxDays")]
    [InlineData("$.consequence.availability.hoursToLevelWithoutMtd[3].upTo")]
    [InlineData("$.roles.committee.rank")]
    [InlineData("$.likelihood.levels[2].guidance")]
    public void A_missing_key_is_reported_where_it_belongs(string path)
    {
        var problem = Problems.Only(Load(d => d.Delete(path)), path, DataErrorCodes.MissingKey);
        Assert.Equal(path[(path.LastIndexOf('.') + 1)..], problem.Error.Args["key"]);
    }

    [Fact]
    public void A_required_value_may_not_be_null()
    {
        var problem = Problems.Only(LoadWith("$.bands[0].id", null), "$.bands[0].id", DataErrorCodes.WrongType);
        Assert.Equal("null", problem.Error.Args["actual"]);
    }

    [Theory]
    [InlineData("$.scale.max", "\"4\"", "integer", "string")]
    [InlineData("$.bands[0].minPoints", "1.5", "integer", "number")]
    [InlineData("$.schemaVersion", "true", "integer", "boolean")]
    [InlineData("$.id", "7", "string", "integer")]
    [InlineData("$.name", "\"Risikovurdering\"", "object", "string")]
    [InlineData("$.bands", "{}", "array", "object")]
    [InlineData("$.bandRules.low.justificationRequired", "\"no\"", "boolean", "string")]
    [InlineData("$.consequence.availability.mtdRatioToLevel[0].upTo", "\"0.5\"", "number", "string")]
    [InlineData("$.reassessmentTriggers[0]", "{}", "string", "object")]
    public void A_value_of_the_wrong_type_is_reported_with_what_was_expected(string path, string json, string expected, string actual)
    {
        var problem = Problems.Only(LoadWith(path, JsonNode.Parse(json)), path, DataErrorCodes.WrongType);
        Assert.Equal(expected, problem.Error.Args["expected"]);
        Assert.Equal(actual, problem.Error.Args["actual"]);
    }

    [Fact]
    public void An_item_of_the_wrong_type_does_not_shift_the_paths_of_the_items_after_it()
    {
        var result = Load(d => d.Set("$.reassessmentTriggers[0]", 5).Set("$.reassessmentTriggers[1]", "rainyDay"));

        Assert.Equal(2, result.Problems.Count);
        Problems.Has(result, "$.reassessmentTriggers[0]", DataErrorCodes.WrongType);
        Problems.Has(result, "$.reassessmentTriggers[1]", DataErrorCodes.NotAllowed);
    }

    [Theory]
    [InlineData("$.bands[2].color", "#F7630")]
    [InlineData("$.bands[2].color", "F7630C0")]
    [InlineData("$.bands[2].color", "orange")]
    [InlineData("$.bands[3].textColor", "#GGGGGG")]
    [InlineData("$.bands[0].color", "#107C10 ")]
    public void A_colour_must_be_hex_RRGGBB(string path, string color) =>
        Problems.Only(LoadWith(path, color), path, DataErrorCodes.InvalidColor);

    [Theory]
    [InlineData("$.version", "1.0")]
    [InlineData("$.version", "1.0.0.0")]
    [InlineData("$.version", "v1.0.0")]
    [InlineData("$.version", "01.0.0")]
    [InlineData("$.version", "1.0.0-rc1")]
    [InlineData("$.eventCatalog.version", "1..0")]
    public void A_version_must_be_major_minor_patch(string path, string version) =>
        Problems.Only(LoadWith(path, version), path, DataErrorCodes.InvalidVersion);

    [Theory]
    [InlineData("$.status", "retired")]
    [InlineData("$.status", "Active")]
    [InlineData("$.consequence.combine", "average")]
    [InlineData("$.consequence.dimensions[1].assessedAt", "round")]
    [InlineData("$.reassessmentTriggers[4]", "rainyDay")]
    [InlineData("$.bandRules.high.allowedDecisions[0]", "ignore")]
    [InlineData("$.legalStatus.euUsDpf.status", "unknown")]
    public void A_value_outside_its_closed_set_is_not_allowed(string path, string value)
    {
        var problem = Problems.Only(LoadWith(path, value), path, DataErrorCodes.NotAllowed);
        Assert.Equal(value, problem.Error.Args["value"]);
    }

    [Fact]
    public void An_unsupported_schema_version_is_not_allowed() =>
        Problems.Only(LoadWith("$.schemaVersion", 2), "$.schemaVersion", DataErrorCodes.NotAllowed);

    [Theory]
    [InlineData("$.approval.approvedAt", "1-12-2026")]
    [InlineData("$.effectiveFrom", "2026-02-30")]
    [InlineData("$.legalStatus.euUsDpf.checkedAt", "2026-06-30T00:00:00Z")]
    public void A_date_must_be_year_month_day(string path, string date) =>
        Problems.Only(LoadWith(path, date), path, DataErrorCodes.InvalidDate);

    // §3.5 rule 9: the rules across fields, one test per rule.

    [Theory]
    [InlineData(5, "gap: 4 is in no band")]
    [InlineData(3, "overlap: 3 is in two bands")]
    public void Band_ranges_must_be_contiguous(int mediumMin, string why)
    {
        var problem = Problems.Only(LoadWith("$.bands[1].minPoints", mediumMin), "$.bands[1].minPoints", DataErrorCodes.BandsNotContiguous);
        Assert.True(problem.Error.Args["expected"] == "4", why);
        Assert.Equal("medium", problem.Error.Args["band"]);
    }

    [Theory]
    [InlineData("$.bands[0].minPoints", 2, "2", "16")]
    [InlineData("$.bands[3].maxPoints", 15, "1", "15")]
    [InlineData("$.bands[3].maxPoints", 17, "1", "17")]
    public void Bands_must_cover_min_squared_to_max_squared(string path, int value, string from, string to)
    {
        var problem = Problems.Only(LoadWith(path, value), "$.bands", DataErrorCodes.BandsDoNotCover);
        Assert.Equal(("1", "16"), (problem.Error.Args["min"], problem.Error.Args["max"]));
        Assert.Equal((from, to), (problem.Error.Args["from"], problem.Error.Args["to"]));
    }

    [Fact]
    public void Every_band_needs_a_rule() =>
        Problems.Only(Load(d => d.Delete("$.bandRules.high")), "$.bandRules.high", DataErrorCodes.BandWithoutRule);

    [Fact]
    public void A_rule_must_belong_to_a_band() =>
        Problems.Only(Load(d => d.Set("$.bandRules.extreme", d.CopyOf("$.bandRules.critical"))), "$.bandRules.extreme", DataErrorCodes.UnknownReference);

    [Theory]
    [InlineData("moderate")]
    [InlineData("Medium")]
    public void The_appetite_band_must_exist(string band)
    {
        var problem = Problems.Only(LoadWith("$.appetite.highestAcceptableBand", band), "$.appetite.highestAcceptableBand", DataErrorCodes.UnknownReference);
        Assert.Equal(band, problem.Error.Args["value"]);
    }

    public static TheoryData<string, Action<JsonObject>, string> IncompleteLevels => new()
    {
        { "$.likelihood.levels", d => d.Delete("$.likelihood.levels[2]"), "1, 2, 4" },
        { "$.likelihood.levels", d => d.Set("$.likelihood.levels[2].value", 2), "1, 2, 2, 4" },
        { "$.likelihood.levels", d => d.Append("$.likelihood.levels", d.CopyOf("$.likelihood.levels[3]").Set("$.value", 5)), "1, 2, 3, 4, 5" },
        { "$.consequence.levels", d => d.Delete("$.consequence.levels[2]"), "1, 2, 4" },
        { "$.consequence.levels", d => d.Set("$.consequence.levels[0].value", 2), "2, 2, 3, 4" },
        { "$.consequence.levels", d => d.Append("$.consequence.levels", d.CopyOf("$.consequence.levels[3]").Set("$.value", 5)), "1, 2, 3, 4, 5" },
    };

    [Theory, MemberData(nameof(IncompleteLevels))]
    public void Likelihood_and_consequence_levels_must_be_exactly_one_to_max(string path, Action<JsonObject> edit, string found)
    {
        var problem = Problems.Only(Load(edit), path, DataErrorCodes.LevelsIncomplete);
        Assert.Equal(found, problem.Error.Args["found"]);
    }

    [Fact]
    public void Band_ids_must_be_unique()
    {
        var result = LoadWith("$.bands[1].id", "low");

        // The medium band is gone as well, so everything that names it is reported too.
        var problem = Problems.Has(result, "$.bands[1].id", DataErrorCodes.DuplicateId);
        Assert.Equal("low", problem.Error.Args["id"]);
        Problems.Has(result, "$.bandRules.medium", DataErrorCodes.UnknownReference);
        Problems.Has(result, "$.appetite.highestAcceptableBand", DataErrorCodes.UnknownReference);
    }

    [Fact]
    public void Dimension_ids_must_be_unique()
    {
        var result = LoadWith("$.consequence.dimensions[1].id", "C");

        Problems.Has(result, "$.consequence.dimensions[1].id", DataErrorCodes.DuplicateId);
        var missing = Problems.Has(result, "$.consequence.dimensions", DataErrorCodes.MissingKey);
        Assert.Equal("I", missing.Error.Args["key"]);
        Assert.Equal(2, result.Problems.Count);
    }

    [Fact]
    public void Trigger_ids_must_be_unique()
    {
        var problem = Problems.Only(Load(d => d.Append("$.reassessmentTriggers", "incident")), "$.reassessmentTriggers[12]", DataErrorCodes.DuplicateId);
        Assert.Equal("incident", problem.Error.Args["id"]);
    }

    [Theory]
    [InlineData("mayor")]
    [InlineData("committee")]
    [InlineData("coordinator")]
    public void The_decision_authority_must_be_a_role_with_a_rank(string role) =>
        Problems.Only(LoadWith("$.bandRules.high.decisionAuthority", role), "$.bandRules.high.decisionAuthority", DataErrorCodes.UnknownReference);

    [Fact]
    public void The_residual_target_band_must_exist() =>
        Problems.Only(LoadWith("$.bandRules.critical.residualTargetBand", "moderate"), "$.bandRules.critical.residualTargetBand", DataErrorCodes.UnknownReference);

    [Theory]
    [InlineData("mayor")]
    [InlineData("auditor")]
    public void Roles_notified_on_submit_must_be_defined_in_the_method(string role)
    {
        var problem = Problems.Only(Load(d => d.Append("$.bandRules.critical.notifyOnSubmit", role)), "$.bandRules.critical.notifyOnSubmit[2]", DataErrorCodes.UnknownReference);
        Assert.Equal(role, problem.Error.Args["value"]);
    }

    public static TheoryData<string, Action<JsonObject>, string> BadThresholds => new()
    {
        { "$.consequence.availability.mtdRatioToLevel[1].upTo", d => d.Set("$.consequence.availability.mtdRatioToLevel[1].upTo", 0.5), DataErrorCodes.ThresholdsNotAscending },
        { "$.consequence.availability.hoursToLevelWithoutMtd[2].upTo", d => d.Set("$.consequence.availability.hoursToLevelWithoutMtd[2].upTo", 12), DataErrorCodes.ThresholdsNotAscending },
        { "$.consequence.availability.mtdRatioToLevel[2].level", d => d.Set("$.consequence.availability.mtdRatioToLevel[2].level", 1), DataErrorCodes.ThresholdsNotAscending },
        { "$.consequence.availability.mtdRatioToLevel[1].upTo", d => d.Set("$.consequence.availability.mtdRatioToLevel[1].upTo", null), DataErrorCodes.ThresholdsOpenEnd },
        { "$.consequence.availability.hoursToLevelWithoutMtd[3].upTo", d => d.Set("$.consequence.availability.hoursToLevelWithoutMtd[3].upTo", 240), DataErrorCodes.ThresholdsOpenEnd },
        { "$.consequence.availability.mtdRatioToLevel", d => d.Set("$.consequence.availability.mtdRatioToLevel", new JsonArray()), DataErrorCodes.Empty },
        { "$.consequence.availability.expectedOutageQuickPicksHours[3]", d => d.Set("$.consequence.availability.expectedOutageQuickPicksHours[3]", 8), DataErrorCodes.ThresholdsNotAscending },
    };

    [Theory, MemberData(nameof(BadThresholds))]
    public void Availability_thresholds_ascend_and_only_the_last_is_open(string path, Action<JsonObject> edit, string code) =>
        Problems.Only(Load(edit), path, code);

    [Theory]
    [InlineData("$.consequence.confidentialitySuggestion.byDataClass[3].many", 5)]
    [InlineData("$.consequence.confidentialitySuggestion.byDataClass[0].few", 0)]
    [InlineData("$.consequence.integritySuggestion.lifeOrHealth", 5)]
    [InlineData("$.consequence.integritySuggestion.other", 0)]
    [InlineData("$.consequence.availability.mtdRatioToLevel[3].level", 5)]
    [InlineData("$.consequence.availability.hoursToLevelWithoutMtd[0].level", 0)]
    [InlineData("$.consequence.availability.dataLossBeyondRpoMinLevel", 5)]
    public void Levels_in_suggestions_and_thresholds_must_be_on_the_scale(string path, int level)
    {
        var problem = Problems.Only(LoadWith(path, level), path, DataErrorCodes.OutOfRange);
        Assert.Equal((level.ToString(System.Globalization.CultureInfo.InvariantCulture), "1", "4"), (problem.Error.Args["value"], problem.Error.Args["min"], problem.Error.Args["max"]));
    }

    [Theory]
    [InlineData(5, 4, "high", "$.points.cellOverrides[0].likelihood", DataErrorCodes.OutOfRange)]
    [InlineData(1, 0, "high", "$.points.cellOverrides[0].consequence", DataErrorCodes.OutOfRange)]
    [InlineData(1, 4, "extreme", "$.points.cellOverrides[0].band", DataErrorCodes.UnknownReference)]
    public void A_cell_override_must_name_a_cell_on_the_scale_and_a_known_band(int likelihood, int consequence, string band, string path, string code)
    {
        var cell = new JsonObject { ["likelihood"] = likelihood, ["consequence"] = consequence, ["band"] = band };
        Problems.Only(Load(d => d.Append("$.points.cellOverrides", cell)), path, code);
    }

    [Fact]
    public void A_cell_may_be_overridden_only_once()
    {
        var cell = new JsonObject { ["likelihood"] = 1, ["consequence"] = 4, ["band"] = "high" };
        Problems.Only(Load(d => d.Append("$.points.cellOverrides", cell).Append("$.points.cellOverrides", cell.DeepClone())), "$.points.cellOverrides[1]", DataErrorCodes.DuplicateId);
    }

    public static TheoryData<string, string?, string?, string?> IncompleteApprovals => new()
    {
        { "no approval", null, null, null },
        { "no decision reference", "direktionen", "2026-12-01", null },
        { "no date", "direktionen", null, "ISU-2026-12" },
        { "a blank approver", " ", "2026-12-01", "ISU-2026-12" },
    };

    [Theory, MemberData(nameof(IncompleteApprovals))]
    public void An_active_method_needs_a_complete_approval(string why, string? approvedBy, string? approvedAt, string? decisionRef)
    {
        var result = Load(d => d
            .Set("$.status", "active")
            .Set("$.approval", new JsonObject { ["approvedBy"] = approvedBy, ["approvedAt"] = approvedAt, ["decisionRef"] = decisionRef }));

        Assert.False(result.IsValid, why);
        Problems.Only(result, "$.approval", DataErrorCodes.ApprovalIncomplete);
    }

    [Fact]
    public void An_approved_method_loads_as_active()
    {
        var method = Load(Approve).Value;

        Assert.Equal(MethodStatus.Active, method.Status);
        Assert.Equal(new MethodApproval("direktionen", new DateOnly(2026, 12, 1), "ISU-2026-12"), method.Approval);
        Assert.Equal(new DateOnly(2027, 1, 1), method.EffectiveFrom);
    }

    // Every problem, not just the first.

    [Fact]
    public void Every_problem_in_the_shape_is_reported_at_once()
    {
        var result = Load(d => d
            .Set("$.version", "1.0")
            .Set("$.scale.max", "4")
            .Set("$.bands[2].color", "orange")
            .Set("$.colour", "red")
            .Delete("$.bandRules.low.notifyOnSubmit")
            .Set("$.reassessmentTriggers[0]", "rainyDay"));

        Assert.Null(result.ValueOrNull);
        Assert.Equal(
            [
                ("$.bandRules.low.notifyOnSubmit", DataErrorCodes.MissingKey),
                ("$.bands[2].color", DataErrorCodes.InvalidColor),
                ("$.colour", DataErrorCodes.UnknownKey),
                ("$.reassessmentTriggers[0]", DataErrorCodes.NotAllowed),
                ("$.scale.max", DataErrorCodes.WrongType),
                ("$.version", DataErrorCodes.InvalidVersion),
            ],
            result.Problems.Select(p => (p.Path, p.Error.Code)).OrderBy(p => p.Path, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_rule_broken_across_fields_is_reported_at_once()
    {
        var result = Load(d => d
            .Set("$.bands[1].minPoints", 5)
            .Delete("$.bandRules.high")
            .Set("$.appetite.highestAcceptableBand", "moderate")
            .Set("$.consequence.integritySuggestion.lifeOrHealth", 5)
            .Append("$.reassessmentTriggers", "incident")
            .Set("$.status", "active"));

        Assert.Equal(6, result.Problems.Count);
        Problems.Has(result, "$.bands[1].minPoints", DataErrorCodes.BandsNotContiguous);
        Problems.Has(result, "$.bandRules.high", DataErrorCodes.BandWithoutRule);
        Problems.Has(result, "$.appetite.highestAcceptableBand", DataErrorCodes.UnknownReference);
        Problems.Has(result, "$.consequence.integritySuggestion.lifeOrHealth", DataErrorCodes.OutOfRange);
        Problems.Has(result, "$.reassessmentTriggers[12]", DataErrorCodes.DuplicateId);
        Problems.Has(result, "$.approval", DataErrorCodes.ApprovalIncomplete);
    }

    [Fact]
    public void Problems_read_in_Danish_and_English_with_their_path()
    {
        var problem = Problems.Only(LoadWith("$.bands[2].color", "orange"), "$.bands[2].color", DataErrorCodes.InvalidColor);

        Assert.Equal("$.bands[2].color: \"orange\" er ikke en gyldig farve (#RRGGBB).", problem.Message(Language.Danish));
        Assert.StartsWith("$.bands[2].color: ", problem.Message(Language.English), StringComparison.Ordinal);
        Assert.DoesNotContain("gyldig", problem.Message(Language.English), StringComparison.Ordinal);
    }

    // §3.8: the hash of the canonical JSON.

    [Fact]
    public void The_hash_ignores_key_order_and_whitespace()
    {
        var shuffled = Shuffle(Documents.Method(), new Random(2026));
        var bytes = Documents.Bytes(shuffled, indented: true);
        Assert.NotEqual(Encoding.UTF8.GetString(DefaultMethod.Json()), Encoding.UTF8.GetString(bytes));
        Assert.NotEqual(Documents.Method().Select(p => p.Key), shuffled.AsObject().Select(p => p.Key));

        Assert.Equal(DefaultMethod.Load().Value.Sha256, MethodLoader.Load(bytes).Value.Sha256);
    }

    public static TheoryData<string, Action<JsonObject>> Changes => new()
    {
        { "a band rule", d => d.Set("$.bandRules.high.measureDeadlineMaxDays", 120) },
        { "a band range", d => d.Set("$.bands[1].maxPoints", 6).Set("$.bands[2].minPoints", 7) },
        { "the appetite", d => d.Set("$.appetite.highestAcceptableBand", "low") },
        { "a guidance text", d => d.Set("$.likelihood.levels[0].label.da", "Meget usandsynlig") },
        { "the version", d => d.Set("$.version", "1.0.1") },
    };

    [Theory, MemberData(nameof(Changes))]
    public void The_hash_changes_when_a_rule_or_text_changes(string what, Action<JsonObject> change)
    {
        var changed = Load(change).Value;

        Assert.True(changed.Sha256 != DefaultMethod.Load().Value.Sha256, $"changing {what} kept the hash");
    }

    [Fact]
    public void The_hash_ignores_status_approval_and_effective_date()
    {
        Assert.Equal(DefaultMethod.Load().Value.Sha256, Load(Approve).Value.Sha256);
        Assert.Equal(["status", "approval", "effectiveFrom"], MethodLoader.NotHashed);
    }

    private static void Approve(JsonObject d) => d
        .Set("$.status", "active")
        .Set("$.approval", new JsonObject { ["approvedBy"] = "direktionen", ["approvedAt"] = "2026-12-01", ["decisionRef"] = "ISU-2026-12" })
        .Set("$.effectiveFrom", "2027-01-01");

    private static JsonNode Shuffle(JsonNode node, Random random) => node switch
    {
        JsonObject obj => new JsonObject(obj.ToArray().OrderBy(_ => random.Next()).Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Shuffle(p.Value, random)))),
        JsonArray array => new JsonArray([.. array.Select(item => item is null ? null : Shuffle(item, random))]),
        _ => node.DeepClone(),
    };
}
