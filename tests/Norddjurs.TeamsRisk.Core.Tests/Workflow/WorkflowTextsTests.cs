using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Workflow;

namespace Norddjurs.TeamsRisk.Core.Tests.Workflow;

public sealed class WorkflowTextsTests
{
    public static TheoryData<string> Codes => [.. typeof(WorkflowErrorCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!)];

    [Theory, MemberData(nameof(Codes))]
    public void Every_workflow_error_has_a_Danish_and_an_English_text(string code)
    {
        Assert.False(string.IsNullOrWhiteSpace(Texts.Find(code, Language.Danish)), code);
        Assert.False(string.IsNullOrWhiteSpace(Texts.Find(code, Language.English)), code);
        Assert.NotEqual(Texts.Find(code, Language.Danish), Texts.Find(code, Language.English));
    }
}
