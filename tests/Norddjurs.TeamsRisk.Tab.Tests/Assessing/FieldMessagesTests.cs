using Bunit;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Tab.Assessing;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Tab.Tests.Assessing;

/// <summary>The messages next to a field: one element for the input's aria-describedby to name, however many there are.</summary>
public sealed class FieldMessagesTests : TabTest
{
    private const string Field = "measures";

    [Fact]
    public void Two_messages_on_one_field_share_one_element_with_the_id_so_no_id_is_used_twice()
    {
        FlowError[] errors =
        [
            new(Field, DomainError.Of("a"), "Skriv en frist."),
            new($"{Field}[0].deadline", DomainError.Of("b"), "Fristen skal ligge efter i dag."),
            new("other", DomainError.Of("c"), "Ikke denne."),
        ];

        var cut = Context.Render<FieldMessages>(p => p.Add(f => f.Errors, errors).Add(f => f.Field, Field).Add(f => f.Prefix, true));

        var element = Assert.Single(cut.FindAll($"#{FieldMessages.IdOf(Field)}"));
        Assert.Equal(["Skriv en frist.", "Fristen skal ligge efter i dag."], element.QuerySelectorAll("p").Select(p => p.TextContent));
        Assert.Single(cut.FindAll("[id]"));
    }

    [Fact]
    public void No_message_renders_nothing_so_no_input_points_at_an_empty_description()
    {
        var cut = Context.Render<FieldMessages>(p => p.Add(f => f.Errors, [new FlowError("other", DomainError.Of("c"), "Ikke denne.")]).Add(f => f.Field, Field));

        Assert.Empty(cut.Markup.Trim());
    }
}
