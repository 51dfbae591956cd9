using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>What one step's answers did: the updated assessment, or the errors that kept it unchanged.</summary>
internal sealed record StepOutcome(Assessment Assessment, IReadOnlyList<FieldError> Errors)
{
    public bool Accepted => Errors.Count == 0;

    public static StepOutcome Saved(Assessment assessment) => new(assessment, []);

    public static StepOutcome Refused(Assessment unchanged, IReadOnlyList<FieldError> errors) => new(unchanged, errors);

    /// <summary>Core's result, its errors placed on fields by <paramref name="field"/>.</summary>
    public static StepOutcome From(Assessment unchanged, Result<Assessment> result, Func<DomainError, string> field) =>
        result.IsSuccess ? Saved(result.Value) : Refused(unchanged, [.. result.Errors.Select(e => new FieldError(field(e), e))]);
}

/// <summary>The pinned method and catalogue the steps apply, and where new ids come from.</summary>
internal sealed record FlowRules(RiskMethod Method, EventCatalogue Catalogue, IIdSource Ids);
