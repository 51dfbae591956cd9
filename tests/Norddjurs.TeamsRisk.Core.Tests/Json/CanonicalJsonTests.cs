using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Json;

namespace Norddjurs.TeamsRisk.Core.Tests.Json;

public sealed class CanonicalJsonTests
{
    [Theory]
    [InlineData("333333333.33333329", "333333333.3333333")]
    [InlineData("1E30", "1e+30")]
    [InlineData("4.50", "4.5")]
    [InlineData("2e-3", "0.002")]
    [InlineData("0.000000000000000000000000001", "1e-27")]
    [InlineData("1e21", "1e+21")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("1e-6", "0.000001")]
    [InlineData("-0", "0")]
    [InlineData("0", "0")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("123.456e-10", "1.23456e-8")]
    [InlineData("9007199254740992", "9007199254740992")]
    [InlineData("295147905179352830000", "295147905179352830000")]
    [InlineData("5e-324", "5e-324")]
    [InlineData("1.7976931348623157e308", "1.7976931348623157e+308")]
    public void Numbers_are_written_as_ECMAScript_writes_them(string json, string canonical)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(canonical, CanonicalJson.Serialize(JsonNode.Parse(json)));
        Assert.Equal(canonical, CanonicalJson.Serialize(document.RootElement));
    }

    [Theory]
    [InlineData("0000000000000000", "0")]
    [InlineData("8000000000000000", "0")]
    [InlineData("0000000000000001", "5e-324")]
    [InlineData("8000000000000001", "-5e-324")]
    [InlineData("7fefffffffffffff", "1.7976931348623157e+308")]
    [InlineData("ffefffffffffffff", "-1.7976931348623157e+308")]
    [InlineData("4340000000000000", "9007199254740992")]
    [InlineData("c340000000000000", "-9007199254740992")]
    [InlineData("4430000000000000", "295147905179352830000")]
    [InlineData("44b52d02c7e14af5", "9.999999999999997e+22")]
    [InlineData("44b52d02c7e14af6", "1e+23")]
    [InlineData("44b52d02c7e14af7", "1.0000000000000001e+23")]
    [InlineData("444b1ae4d6e2ef4e", "999999999999999700000")]
    [InlineData("444b1ae4d6e2ef4f", "999999999999999900000")]
    [InlineData("444b1ae4d6e2ef50", "1e+21")]
    [InlineData("3eb0c6f7a0b5ed8c", "9.999999999999997e-7")]
    [InlineData("3eb0c6f7a0b5ed8d", "0.000001")]
    [InlineData("41b3de4355555553", "333333333.3333332")]
    [InlineData("41b3de4355555554", "333333333.33333325")]
    [InlineData("41b3de4355555555", "333333333.3333333")]
    [InlineData("41b3de4355555556", "333333333.3333334")]
    [InlineData("41b3de4355555557", "333333333.33333343")]
    [InlineData("becbf647612f3696", "-0.0000033333333333333333")]
    [InlineData("43143ff3c1cb0959", "1424953923781206.2")]
    public void The_IEEE_754_samples_of_RFC_8785_appendix_B_are_written_as_listed(string bits, string canonical)
    {
        var value = BitConverter.Int64BitsToDouble(long.Parse(bits, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

        Assert.Equal(canonical, CanonicalJson.Serialize(JsonValue.Create(value)));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NaN_and_infinity_are_refused(double value)
    {
        Assert.Throws<ArgumentException>(() => CanonicalJson.Serialize(JsonValue.Create(value)));
    }

    [Fact]
    public void A_number_too_large_for_a_double_is_refused()
    {
        using var document = JsonDocument.Parse("1e400");

        Assert.Throws<ArgumentException>(() => CanonicalJson.Serialize(JsonNode.Parse("1e400")));
        Assert.Throws<ArgumentException>(() => CanonicalJson.Serialize(document.RootElement));
    }

    [Fact]
    public void Integers_and_decimals_held_as_CLR_values_are_written_like_doubles()
    {
        var node = new JsonObject
        {
            ["int"] = 42,
            ["long"] = 1234567890123L,
            ["decimal"] = 4.50m,
            ["double"] = 1e30,
            ["negativeZero"] = -0.0,
            ["short"] = (short)7,
        };

        Assert.Equal(
            """{"decimal":4.5,"double":1e+30,"int":42,"long":1234567890123,"negativeZero":0,"short":7}""",
            CanonicalJson.Serialize(node));
    }

    [Fact]
    public void An_integer_beyond_two_to_the_53rd_is_refused_rather_than_rounded()
    {
        Assert.Throws<ArgumentException>(() => CanonicalJson.Serialize(JsonValue.Create(9007199254740993L)));
    }

    [Fact]
    public void Strings_are_escaped_as_in_the_RFC_8785_sample()
    {
        // RFC 8785 §3.2.2.2: "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/"
        var node = JsonNode.Parse("\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\"");

        Assert.Equal("\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"", CanonicalJson.Serialize(node));
    }

    [Fact]
    public void Short_control_characters_use_their_escapes_and_others_lower_case_hex()
    {
        var node = JsonValue.Create("\b\f\n\r\t\u0000\u001f\u007f é😀");

        Assert.Equal("\"\\b\\f\\n\\r\\t\\u0000\\u001f\u007f é😀\"", CanonicalJson.Serialize(node));
    }

    [Fact]
    public void Members_are_sorted_by_UTF16_code_units_as_in_the_RFC_8785_sample()
    {
        var node = JsonNode.Parse("""
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """);

        var values = CanonicalJson.Serialize(node);

        Assert.Equal(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"ö\":\"Latin Small Letter O With Diaeresis\"," +
            "\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
            values);
    }

    [Fact]
    public void Nested_structures_have_no_whitespace_and_sorted_members_at_every_level()
    {
        var node = JsonNode.Parse("""
            { "b": [ 1, { "z": null, "a": true } , "x" ], "a": { "d": false, "c": [] , "e": {} } }
            """);

        Assert.Equal("""{"a":{"c":[],"d":false,"e":{}},"b":[1,{"a":true,"z":null},"x"]}""", CanonicalJson.Serialize(node));
    }

    [Fact]
    public void The_UTF8_bytes_are_the_canonical_text()
    {
        var node = JsonNode.Parse("""{"navn":"Økonomisystem"}""");

        Assert.Equal(Encoding.UTF8.GetBytes("""{"navn":"Økonomisystem"}"""), CanonicalJson.SerializeToUtf8(node));
    }

    [Fact]
    public void Documents_differing_only_in_key_order_and_whitespace_have_the_same_hash()
    {
        var first = JsonNode.Parse("""{"id":"nk-risk-method","version":"1.0.0","scale":{"min":1,"max":4},"weights":[1.0,2.50]}""");
        var second = JsonNode.Parse("""
            {
              "weights": [ 1, 2.5 ],
              "scale": { "max": 4, "min": 1 },
              "version": "1.0.0",
              "id": "nk-risk-method"
            }
            """);

        Assert.Equal(CanonicalJson.Sha256Hex(first), CanonicalJson.Sha256Hex(second));
        Assert.Matches("^[0-9a-f]{64}$", CanonicalJson.Sha256Hex(first));
    }

    [Fact]
    public void A_changed_value_changes_the_hash()
    {
        Assert.NotEqual(
            CanonicalJson.Sha256Hex(JsonNode.Parse("""{"a":1}""")),
            CanonicalJson.Sha256Hex(JsonNode.Parse("""{"a":2}""")));
    }

    [Fact]
    public void The_hash_is_SHA256_of_the_canonical_bytes()
    {
        // sha256 of the three bytes "{}" is well known.
        Assert.Equal("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", CanonicalJson.Sha256Hex(new JsonObject()));
    }

    [Fact]
    public void A_lone_surrogate_has_no_UTF8_form_and_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CanonicalJson.Serialize(JsonValue.Create("a\ud83d")));
        Assert.Throws<ArgumentException>(() => CanonicalJson.SerializeToUtf8(JsonValue.Create("\ude00b")));
    }

    [Theory]
    [InlineData("\"a\\ud83d\"")]
    [InlineData("{\"\\udc00\":1}")]
    [InlineData("[{\"x\":\"\\ud800\\ud800\"}]")]
    public void An_escaped_lone_surrogate_in_parsed_JSON_is_refused_as_an_argument(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Throws<ArgumentException>(() => CanonicalJson.Serialize(JsonNode.Parse(json)));
        Assert.Throws<ArgumentException>(() => CanonicalJson.Sha256Hex(document.RootElement));
    }

    [Fact]
    public void A_JsonElement_canonicalises_and_hashes_exactly_as_the_same_JsonNode()
    {
        const string json = """
            { "\u20ac": [1.50, {"b": null, "a": "\u000f"}], "\r": true, "\ud83d\ude00": 1E30, "1": -0 }
            """;
        using var document = JsonDocument.Parse(json);

        Assert.Equal("{\"\\r\":true,\"1\":0,\"€\":[1.5,{\"a\":\"\\u000f\",\"b\":null}],\"😀\":1e+30}", CanonicalJson.Serialize(document.RootElement));
        Assert.Equal(CanonicalJson.SerializeToUtf8(JsonNode.Parse(json)), CanonicalJson.SerializeToUtf8(document.RootElement));
        Assert.Equal(CanonicalJson.Sha256Hex(JsonNode.Parse(json)), CanonicalJson.Sha256Hex(document.RootElement));
    }

    [Fact]
    public void A_JsonElement_with_a_duplicate_member_name_is_refused()
    {
        using var document = JsonDocument.Parse("""{"a":1,"b":2,"a":1}""");

        Assert.Throws<ArgumentException>(() => CanonicalJson.Serialize(document.RootElement));
    }
}
