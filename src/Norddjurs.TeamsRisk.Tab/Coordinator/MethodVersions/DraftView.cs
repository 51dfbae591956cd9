using Microsoft.AspNetCore.Components;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Tab.Common;
using Norddjurs.TeamsRisk.Workflows.Method;

namespace Norddjurs.TeamsRisk.Tab.Coordinator.MethodVersions;

/// <summary>
/// What the parts of the draft editor share: the draft, the loader's problems of the last check (each by its JSON
/// path, so a field shows its own), the reader's language, and a callback when the draft changed.
/// </summary>
public abstract class DraftView : ComponentBase
{
    [Parameter, EditorRequired]
    public MethodDraft Draft { get; set; } = null!;

    [Parameter]
    public IReadOnlyList<DomainError> Problems { get; set; } = [];

    [Parameter]
    public Language Language { get; set; } = Language.Danish;

    [Parameter]
    public EventCallback Changed { get; set; }

    protected string T(string key, params (string Name, object? Value)[] args) => TabTexts.Get(key, Language, args);

    /// <summary>The problems the loader found at this path of this document (<see cref="MethodDocuments.Method"/> or <see cref="MethodDocuments.Catalogue"/>).</summary>
    protected IReadOnlyList<string> ProblemsAt(string document, string path) =>
        [.. Problems.Where(p => MethodDocuments.PathOf(p) == path && MethodDocuments.DocumentOf(p) == document).Select(p => p.Message(Language))];

    /// <summary>"Changed" as text (and a sign), never by colour alone (WCAG 1.4.1).</summary>
    protected string Mark(bool changed) => changed ? "✎ " + T("method.changed") : string.Empty;
}
