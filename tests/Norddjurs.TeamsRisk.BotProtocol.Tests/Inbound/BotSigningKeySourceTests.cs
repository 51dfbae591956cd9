using System.Text.Json;
using Norddjurs.TeamsRisk.BotProtocol.Inbound;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Inbound;

/// <summary>Reading the Bot Framework JWKS (teams-bot-protocol.md §2.1): RSA signing keys by kid, with their endorsements.</summary>
public sealed class BotSigningKeySourceTests
{
    private const string Modulus = "sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw";

    [Fact]
    public void Keys_carry_their_endorsements()
    {
        var keys = Parse($$"""
            { "keys": [
              { "kty": "RSA", "use": "sig", "kid": "k1", "n": "{{Modulus}}", "e": "AQAB", "endorsements": ["msteams", "webchat"] },
              { "kty": "RSA", "use": "sig", "kid": "k2", "n": "{{Modulus}}", "e": "AQAB" }
            ] }
            """);

        Assert.True(keys["k1"].IsEndorsedFor("msteams"));
        Assert.True(keys["k1"].IsEndorsedFor("webchat"));
        Assert.False(keys["k1"].IsEndorsedFor("MSTEAMS"));
        Assert.Empty(keys["k2"].Endorsements);
        Assert.False(keys["k2"].IsEndorsedFor("msteams"));
    }

    [Fact]
    public void Keys_that_cannot_sign_RS256_or_have_no_id_are_left_out()
    {
        var keys = Parse($$"""
            { "keys": [
              { "kty": "RSA", "use": "enc", "kid": "encryption", "n": "{{Modulus}}", "e": "AQAB", "endorsements": ["msteams"] },
              { "kty": "EC", "kid": "elliptic", "crv": "P-256", "x": "AA", "y": "AA", "endorsements": ["msteams"] },
              { "kty": "RSA", "n": "{{Modulus}}", "e": "AQAB", "endorsements": ["msteams"] },
              "not a key",
              { "kty": "RSA", "kid": "good", "n": "{{Modulus}}", "e": "AQAB", "endorsements": ["msteams"] }
            ] }
            """);

        Assert.Equal(["good"], keys.Keys);
    }

    [Fact]
    public void A_document_without_keys_is_not_a_key_set() =>
        Assert.Throws<InvalidOperationException>(() => Parse("""{ "issuer": "https://api.botframework.com" }"""));

    private static Dictionary<string, BotSigningKey> Parse(string json) =>
        BotSigningKeySource.ParseKeys(JsonDocument.Parse(json).RootElement);
}
