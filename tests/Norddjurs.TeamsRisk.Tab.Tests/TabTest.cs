using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FluentUI.AspNetCore.Components;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Tab.Shell;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Tab.Tests;

/// <summary>A bUnit context with Fluent UI's services, and step views from the real guided flow on the home-care example (risk-method.md §3.6).</summary>
public abstract class TabTest : IDisposable
{
    public const string Owner = "00000000-0000-0000-0000-0000000000020";
    public static readonly DateOnly Today = new(2026, 3, 2);

    protected TabTest()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddFluentUIComponents();
    }

    protected BunitContext Context { get; } = new();

    protected static GuidedFlow Flow { get; } = new(Examples.Method, Examples.Catalogue, new Ids());

    protected static TabSession Session(Language language) =>
        new(Actor.Of("00000000-0000-0000-0000-0000000000001", Owner, "Alex Wilber"), "Alex Wilber", new HashSet<Role>(), language);

    protected static FlowState Started() =>
        GuidedFlow.Start(AssessmentStart.Invite("a-1", Examples.HomeCare, Examples.Method, Examples.Catalogue, roundId: "2026", trigger: null) with { State = AssessmentState.InProgress });

    protected static FlowState AtProfile() => Accepted(Flow.Next(Started(), new FactsStepInput(Examples.HomeCare), Today));

    /// <summary>The suggested profile accepted.</summary>
    protected static FlowState AtEvents()
    {
        var profile = AtProfile();
        return Accepted(Flow.Next(profile, ((ProfileStepView)Flow.View(profile, Today)).Input, Today));
    }

    /// <summary>The pre-selected events kept: the first Score step.</summary>
    protected static FlowState AtFirstScore()
    {
        var events = AtEvents();
        return Accepted(Flow.Next(events, ((EventsStepView)Flow.View(events, Today)).Input, Today));
    }

    protected static FlowState Accepted(FlowResult result)
    {
        Assert.True(result.Accepted, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.State;
    }

    public void Dispose()
    {
        Context.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class Ids : IIdSource
    {
        private int _next;

        public string NewId() => $"id-{++_next}";
    }
}
