using System.Diagnostics.CodeAnalysis;
using Norddjurs.TeamsRisk.BotProtocol.Activities;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>Why a body is not an activity we can work with; each one is a 400 (or 413 for <see cref="TooLarge"/>).</summary>
public enum ActivityParseError
{
    EmptyBody,
    TooLarge,
    MalformedJson,
    NotAnObject,
    MissingRequiredField,
    WrongFieldType,
    InvalidServiceUrl,
}

/// <summary>An activity, or the reason there is none; <see cref="Detail"/> names a field, never echoes content.</summary>
public sealed record ActivityParseResult
{
    private ActivityParseResult(Activity? activity, ActivityParseError? error, string? detail)
    {
        Activity = activity;
        Error = error;
        Detail = detail;
    }

    public Activity? Activity { get; }

    public ActivityParseError? Error { get; }

    public string? Detail { get; }

    [MemberNotNullWhen(true, nameof(Activity))]
    [MemberNotNullWhen(false, nameof(Error), nameof(Detail))]
    public bool Succeeded => Activity is not null;

    public static ActivityParseResult Parsed(Activity activity) => new(activity, null, null);

    public static ActivityParseResult Failed(ActivityParseError error, string detail) => new(null, error, detail);
}
