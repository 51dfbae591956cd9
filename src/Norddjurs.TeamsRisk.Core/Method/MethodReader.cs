using System.Globalization;
using System.Text.Json;
using Norddjurs.TeamsRisk.Core.Data;

namespace Norddjurs.TeamsRisk.Core.Method;

/// <summary>Reads the shape of a method document (§3.7): keys, types and closed vocabularies. Rules across fields live in <see cref="MethodRules"/>.</summary>
internal static class MethodReader
{
    /// <summary>The method and the catalogue share one schema version; another is reported, not guessed at.</summary>
    public static int? SchemaVersion(ObjectScope doc, DataReader reader)
    {
        var schemaVersion = doc.Int("schemaVersion");
        if (schemaVersion is { } found && found != MethodVocabulary.SupportedSchemaVersion)
        {
            reader.Report(doc.Child("schemaVersion"), DataErrorCodes.NotAllowed, ("value", found), ("allowed", MethodVocabulary.SupportedSchemaVersion));
        }

        return schemaVersion;
    }

    public static RiskMethod? Read(JsonElement root, DataReader reader, string sha256)
    {
        var doc = reader.Object(root, "$");
        if (doc is null)
        {
            return null;
        }

        var schemaVersion = SchemaVersion(doc, reader);

        var id = doc.String("id");
        var version = Semver(doc, "version", reader);
        var status = Enum(doc, "status", MethodVocabulary.Statuses, reader);
        var name = doc.Text("name");
        var approval = ReadApproval(doc, reader);
        var effectiveFrom = Date(doc, "effectiveFrom", reader, required: false);
        var catalogue = ReadCatalogueRef(doc, reader);
        var scale = ReadScale(doc, reader);
        var likelihood = ReadLikelihood(doc, reader);
        var consequence = ConsequenceReader.Read(doc, reader);
        var points = ReadPoints(doc, reader);
        var bands = doc.Array("bands", (e, p) => ReadBand(e, p, reader));
        var appetite = ReadAppetite(doc, reader);
        var bandRules = ReadBandRules(doc, reader);
        var roles = ReadRoles(doc, reader);
        var deadlines = ReadDeadlines(doc, reader);
        var cycle = ReadCycle(doc, reader);
        var triggers = doc.Strings("reassessmentTriggers", each: (trigger, path) => Allowed(reader, path, trigger, MethodVocabulary.Triggers));

        var gdpr = ReadGdpr(doc, reader);
        var gaps = ReadComplianceGaps(doc, reader);
        var legal = ReadLegalStatus(doc, reader);
        doc.End();

        if (schemaVersion is null || id is null || version is null || status is null || name is null || approval is null ||
            catalogue is null || scale is null || likelihood is null || consequence is null || points is null ||
            appetite is null || deadlines is null || cycle is null || gdpr is null || gaps is null || legal is null)
        {
            return null;
        }

        return new RiskMethod(
            schemaVersion.Value, id, version, status == "active" ? MethodStatus.Active : MethodStatus.Draft, name, approval,
            effectiveFrom, catalogue, scale, likelihood, consequence, points, bands, appetite, bandRules, roles, deadlines, cycle,
            triggers, gdpr, gaps, legal, sha256);
    }

    internal static string? Enum(ObjectScope scope, string name, IReadOnlyList<string> allowed, DataReader reader, bool required = true)
    {
        var value = scope.String(name, required);
        return value is null ? null : Allowed(reader, scope.Child(name), value, allowed) ? value : null;
    }

    internal static bool Allowed(DataReader reader, string path, string value, IReadOnlyList<string> allowed)
    {
        if (allowed.Contains(value))
        {
            return true;
        }

        reader.Report(path, DataErrorCodes.NotAllowed, ("value", value), ("allowed", string.Join(", ", allowed)));
        return false;
    }

    internal static DateOnly? Date(ObjectScope scope, string name, DataReader reader, bool required = true)
    {
        var text = scope.String(name, required);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        reader.Report(scope.Child(name), DataErrorCodes.InvalidDate, ("value", text));
        return null;
    }

    internal static string? Semver(ObjectScope scope, string name, DataReader reader)
    {
        var text = scope.String(name);
        if (text is null)
        {
            return null;
        }

        var parts = text.Split('.');
        if (parts.Length == 3 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit) && (p.Length == 1 || p[0] != '0')))
        {
            return text;
        }

        reader.Report(scope.Child(name), DataErrorCodes.InvalidVersion, ("value", text));
        return null;
    }

    private static MethodApproval? ReadApproval(ObjectScope doc, DataReader reader)
    {
        var scope = doc.Object("approval");
        if (scope is null)
        {
            return null;
        }

        var approval = new MethodApproval(
            scope.String("approvedBy", required: false),
            Date(scope, "approvedAt", reader, required: false),
            scope.String("decisionRef", required: false));
        scope.End();
        return approval;
    }

    private static CatalogueRef? ReadCatalogueRef(ObjectScope doc, DataReader reader)
    {
        var scope = doc.Object("eventCatalog");
        if (scope is null)
        {
            return null;
        }

        var id = scope.String("id");
        var version = Semver(scope, "version", reader);
        scope.End();
        return id is null || version is null ? null : new CatalogueRef(id, version);
    }

    private static Scale? ReadScale(ObjectScope doc, DataReader reader)
    {
        var scope = doc.Object("scale");
        if (scope is null)
        {
            return null;
        }

        var min = scope.Int("min");
        var max = scope.Int("max");
        scope.End();
        if (min is null || max is null)
        {
            return null;
        }

        if (min < 1 || max < min || max > 10)
        {
            reader.Report(scope.Child("max"), DataErrorCodes.OutOfRange, ("value", $"{min}..{max}"), ("min", 1), ("max", 10));
            return null;
        }

        return new Scale(min.Value, max.Value);
    }

    private static LikelihoodScale? ReadLikelihood(ObjectScope doc, DataReader reader)
    {
        var scope = doc.Object("likelihood");
        if (scope is null)
        {
            return null;
        }

        var question = scope.Text("question");
        var levels = scope.Array("levels", (e, p) =>
        {
            var level = reader.Object(e, p);
            if (level is null)
            {
                return null;
            }

            var value = level.Int("value");
            var label = level.Text("label");
            var anchor = level.Text("anchor");
            var guidance = level.Text("guidance");
            level.End();
            return value is null || label is null || anchor is null || guidance is null ? null : new LikelihoodLevel(value.Value, label, anchor, guidance);
        });
        scope.End();
        return question is null ? null : new LikelihoodScale(question, levels);
    }

    private static PointsRule? ReadPoints(ObjectScope doc, DataReader reader)
    {
        var scope = doc.Object("points");
        if (scope is null)
        {
            return null;
        }

        var formula = Enum(scope, "formula", ["likelihood*consequence"], reader);
        var overrides = scope.Array("cellOverrides", (e, p) =>
        {
            var cell = reader.Object(e, p);
            if (cell is null)
            {
                return null;
            }

            var l = cell.Int("likelihood");
            var c = cell.Int("consequence");
            var band = cell.String("band");
            cell.End();
            return l is null || c is null || band is null ? null : new CellOverride(l.Value, c.Value, band);
        });
        scope.End();
        return formula is null ? null : new PointsRule(formula, overrides);
    }

    private static Band? ReadBand(JsonElement element, string path, DataReader reader)
    {
        var scope = reader.Object(element, path);
        if (scope is null)
        {
            return null;
        }

        var id = scope.String("id");
        var order = scope.Int("order");
        var label = scope.Text("label");
        var min = scope.Int("minPoints");
        var max = scope.Int("maxPoints");
        var color = Color(scope, "color", reader);
        var textColor = Color(scope, "textColor", reader);
        scope.End();
        return id is null || order is null || label is null || min is null || max is null || color is null || textColor is null
            ? null
            : new Band(id, order.Value, label, min.Value, max.Value, color, textColor);
    }

    private static string? Color(ObjectScope scope, string name, DataReader reader)
    {
        var value = scope.String(name);
        if (value is null)
        {
            return null;
        }

        if (value.Length == 7 && value[0] == '#' && value.Skip(1).All(char.IsAsciiHexDigit))
        {
            return value;
        }

        reader.Report(scope.Child(name), DataErrorCodes.InvalidColor, ("value", value));
        return null;
    }

    private static Appetite? ReadAppetite(ObjectScope doc, DataReader reader)
    {
        var scope = doc.Object("appetite");
        if (scope is null)
        {
            return null;
        }

        var band = scope.String("highestAcceptableBand");
        var statement = scope.Text("statement");
        scope.End();
        return band is null || statement is null ? null : new Appetite(band, statement);
    }

    private static Dictionary<string, BandRule> ReadBandRules(ObjectScope doc, DataReader reader)
    {
        var rules = new Dictionary<string, BandRule>(StringComparer.Ordinal);
        if (doc.Member("bandRules") is not { } element || reader.Object(element, doc.Child("bandRules")) is null)
        {
            return rules;
        }

        foreach (var property in element.EnumerateObject())
        {
            var path = $"{doc.Child("bandRules")}.{property.Name}";
            if (BandRuleReader.Read(property.Value, path, reader) is { } rule)
            {
                rules[property.Name] = rule;
            }
        }

        return rules;
    }

    private static Dictionary<string, RoleDefinition> ReadRoles(ObjectScope doc, DataReader reader)
    {
        var roles = new Dictionary<string, RoleDefinition>(StringComparer.Ordinal);
        if (doc.Member("roles") is not { } element || reader.Object(element, doc.Child("roles")) is null)
        {
            return roles;
        }

        foreach (var property in element.EnumerateObject())
        {
            var path = $"{doc.Child("roles")}.{property.Name}";
            var scope = reader.Object(property.Value, path);
            if (scope is null)
            {
                continue;
            }

            var da = scope.String("da");
            var en = scope.String("en");
            var rank = scope.Int("rank", required: false);
            if (!scope.IsPresent("rank"))
            {
                reader.Report(scope.Child("rank"), DataErrorCodes.MissingKey, ("key", "rank"));
            }

            scope.End();
            if (!RoleIds.TryParse(property.Name, out var role) || role is Role.System)
            {
                reader.Report(path, DataErrorCodes.NotAllowed, ("value", property.Name), ("allowed", string.Join(", ", RoleIds.All.Where(r => r != "system"))));
                continue;
            }

            if (da is not null && en is not null)
            {
                roles[property.Name] = new RoleDefinition(role, new LocalizedText(da, en), rank);
            }
        }

        return roles;
    }

    private static Deadlines? ReadDeadlines(ObjectScope doc, DataReader reader)
    {
        var scope = doc.Object("deadlines");
        if (scope is null)
        {
            return null;
        }

        var ownerDays = NonNegative(scope, "ownerAssessmentDays", reader);
        var reminders = scope.Array("ownerReminderDaysBefore", (e, p) => reader.Int(e, p) is { } v ? (int?)v : null).Select(v => v!.Value).ToArray();
        var overdue = NonNegative(scope, "ownerOverdueEscalateAfterDays", reader);
        var committee = NonNegative(scope, "committeeReviewWorkingDays", reader);
        var areaManager = NonNegative(scope, "areaManagerDecisionWorkingDays", reader);
        var directorate = NonNegative(scope, "directorateDecisionWorkingDays", reader);
        var measureReminder = NonNegative(scope, "measureReminderDaysBefore", reader);
        var steps = scope.Array("measureOverdueEscalation", (e, p) =>
        {
            var step = reader.Object(e, p);
            if (step is null)
            {
                return null;
            }

            var after = NonNegative(step, "afterDays", reader);
            var to = step.String("to");
            step.End();
            if (to is not null && (!RoleIds.TryParse(to, out var role) || role is Role.System))
            {
                reader.Report(step.Child("to"), DataErrorCodes.UnknownReference, ("value", to), ("kind", "role"));
                return null;
            }

            return after is null || to is null ? null : new OverdueEscalationStep(after.Value, RoleIds.TryParse(to, out var r) ? r : default);
        });
        scope.End();
        return ownerDays is null || overdue is null || committee is null || areaManager is null || directorate is null || measureReminder is null
            ? null
            : new Deadlines(ownerDays.Value, reminders, overdue.Value, committee.Value, areaManager.Value, directorate.Value, measureReminder.Value, steps);
    }

    internal static int? NonNegative(ObjectScope scope, string name, DataReader reader, bool required = true)
    {
        var value = scope.Int(name, required);
        if (value is < 0)
        {
            reader.Report(scope.Child(name), DataErrorCodes.OutOfRange, ("value", value), ("min", 0), ("max", int.MaxValue));
            return null;
        }

        return value;
    }

    private static Cycle? ReadCycle(ObjectScope doc, DataReader reader)
    {
        var scope = doc.Object("cycle");
        if (scope is null)
        {
            return null;
        }

        var frequency = Enum(scope, "frequency", ["annual"], reader);
        var month = scope.Int("defaultRoundStartMonth");
        if (month is < 1 or > 12)
        {
            reader.Report(scope.Child("defaultRoundStartMonth"), DataErrorCodes.OutOfRange, ("value", month), ("min", 1), ("max", 12));
            month = null;
        }

        var maxMonths = scope.Int("maxMonthsBetweenApprovedAssessments");
        if (maxMonths is < 1)
        {
            reader.Report(scope.Child("maxMonthsBetweenApprovedAssessments"), DataErrorCodes.OutOfRange, ("value", maxMonths), ("min", 1), ("max", int.MaxValue));
            maxMonths = null;
        }

        scope.End();
        return frequency is null || month is null || maxMonths is null ? null : new Cycle(frequency, month.Value, maxMonths.Value);
    }

    private static GdprRules? ReadGdpr(ObjectScope doc, DataReader reader)
    {
        var scope = doc.Object("gdpr");
        if (scope is null)
        {
            return null;
        }

        var dims = scope.Dimensions("personalDataDimensions");

        var dpia = scope.String("dpiaFlagFromBand");
        var prior = scope.String("priorConsultationFlagIfResidualFromBand");
        scope.End();
        return dpia is null || prior is null ? null : new GdprRules(dims, dpia, prior);
    }

    private static ComplianceGapRules? ReadComplianceGaps(ObjectScope doc, DataReader reader)
    {
        var scope = doc.Object("complianceGaps");
        if (scope is null)
        {
            return null;
        }

        var acceptable = scope.Bool("acceptable");
        var kinds = scope.Strings("kinds", each: (kind, path) => Allowed(reader, path, kind, MethodVocabulary.ComplianceGapKinds));

        scope.End();
        return acceptable is null ? null : new ComplianceGapRules(acceptable.Value, kinds);
    }

    private static LegalStatus? ReadLegalStatus(ObjectScope doc, DataReader reader)
    {
        var scope = doc.Object("legalStatus");
        var dpf = scope?.Object("euUsDpf");
        scope?.End();
        if (dpf is null)
        {
            return null;
        }

        var status = Enum(dpf, "status", ["valid", "suspended", "invalid"], reader);
        var checkedAt = Date(dpf, "checkedAt", reader);
        var note = dpf.String("note");
        dpf.End();
        return status is null || checkedAt is null || note is null ? null : new LegalStatus(new DpfStatus(status, checkedAt.Value, note));
    }
}
