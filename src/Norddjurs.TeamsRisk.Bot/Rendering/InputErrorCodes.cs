namespace Norddjurs.TeamsRisk.Bot.Rendering;

/// <summary>
/// What the input reader refuses: values it cannot turn into the input's types. Whether a value is allowed by the
/// method (ranges, required fields, reasons) is the engine's to say, not the reader's. Texts: InputTexts.resx.
/// </summary>
public static class InputErrorCodes
{
    public const string NotANumber = "input.not_a_number";
    public const string NotAWholeNumber = "input.not_a_whole_number";
    public const string NotADate = "input.not_a_date";

    /// <summary>A choice, toggle or multi-select value the card never offers.</summary>
    public const string NotAllowed = "input.not_allowed";
    public const string NotAnEmail = "input.not_an_email";
    public const string UnknownEmail = "input.unknown_email";

    /// <summary>An event key that cannot be an event id, or a reason for an event the card does not show.</summary>
    public const string UnknownEvent = "input.unknown_event";
    public const string TooLong = "input.too_long";
}
