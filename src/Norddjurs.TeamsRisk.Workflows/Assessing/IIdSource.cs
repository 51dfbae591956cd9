namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>
/// New ids for what an owner adds in the flow: custom events and measures. Injected so the flow stays pure and
/// deterministic (style-examples.md §5 rule 1: ids come in from outside).
/// </summary>
public interface IIdSource
{
    string NewId();
}
