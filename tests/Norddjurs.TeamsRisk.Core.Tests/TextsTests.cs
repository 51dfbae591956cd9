using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Errors;

namespace Norddjurs.TeamsRisk.Core.Tests;

public sealed class TextsTests
{
    [Fact]
    public void Every_text_exists_in_Danish_and_English()
    {
        var keys = Texts.AllKeys();
        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.NotNull(Texts.Find(key, Language.Danish));
            Assert.True(Texts.Find(key, Language.English) is not null, $"'{key}' has no English text");
        });
    }

    [Fact]
    public void Error_messages_fill_in_named_arguments_in_the_chosen_language()
    {
        var error = DomainError.Of("value.required", ("field", "navn"));
        Assert.Equal("Feltet navn skal udfyldes.", error.Message(Language.Danish));
        Assert.Equal("The field navn is required.", error.Message(Language.English));
    }
}
