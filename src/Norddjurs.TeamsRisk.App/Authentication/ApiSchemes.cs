namespace Norddjurs.TeamsRisk.App.Authentication;

/// <summary>The authentication schemes and the policy of <c>/api/*</c>.</summary>
internal static class ApiSchemes
{
    /// <summary>Chooses between the two below for each request.</summary>
    public const string Api = "Api";

    /// <summary>Entra ID access tokens.</summary>
    public const string Bearer = "EntraBearer";

    /// <summary>Development only: <see cref="DevelopmentUserHeader"/> names a seeded user.</summary>
    public const string DevelopmentSignIn = "DevelopmentSignIn";

    public const string DevelopmentUserHeader = "X-Dev-User";

    /// <summary>An authenticated person with a tenant and an object id.</summary>
    public const string SignedInPolicy = "SignedInPerson";
}
