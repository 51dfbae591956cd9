using System.Reflection;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Workflows.Tests.Assessing;

public sealed class FlowTextsTests
{
    public static TheoryData<string> Codes => [.. typeof(FlowErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)];

    [Theory, MemberData(nameof(Codes))]
    public void Every_flow_code_has_a_Danish_and_an_English_text(string code)
    {
        Assert.NotNull(Texts.Find(code, Language.Danish));
        Assert.NotNull(Texts.Find(code, Language.English));
        Assert.NotEqual(Texts.Find(code, Language.Danish), Texts.Find(code, Language.English));
    }
}
