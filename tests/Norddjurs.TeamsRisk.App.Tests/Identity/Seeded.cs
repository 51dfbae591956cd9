namespace Norddjurs.TeamsRisk.App.Tests.Identity;

/// <summary>The people of the App's seeded Development directory (Identity/seeded-directory.json).</summary>
internal static class Seeded
{
    public const string Tenant = "00000000-0000-0000-0000-0000000000001";
    public const string AlexWilber = "00000000-0000-0000-0000-0000000000020";
    public const string MetteLund = "5eed0000-0000-4000-8000-000000000021";
    public const string KarenHolm = "5eed0000-0000-4000-8000-000000000022";
    public const string SoerenBach = "5eed0000-0000-4000-8000-000000000023";
    public const string PiaSkov = "5eed0000-0000-4000-8000-000000000024";
    public const string JensKirk = "5eed0000-0000-4000-8000-000000000025";
}
