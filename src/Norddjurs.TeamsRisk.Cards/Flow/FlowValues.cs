using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Cards.Flow;

// Plain values the step cards show; each mirrors a Workflows view record of the same shape (StepView.cs),
// with texts already in the card's language.

/// <summary>A band: its label and its Fluent colour (risk-method.md §3.3). The label is always shown with the colour.</summary>
public sealed record CardBand(string Label, string Color, string TextColor);

/// <summary>A level with its label ("4 Meget alvorlig").</summary>
public sealed record CardLevel(int Value, string Label);

public sealed record CardLikelihoodLevel(int Value, string Label, string Anchor, string Guidance);

public sealed record CardConsequenceLevel(int Value, string Label, string Citizens, string Municipality);

public sealed record CardDimension(Dimension Dimension, string Id, string Label);

public sealed record CardEvent(string Id, string Name, string Description, string? GroupLabel, IReadOnlyList<CardDimension> Cia, bool Custom);

/// <summary>Points = likelihood × consequence, the band, and whether it is within the appetite.</summary>
public sealed record CardScore(CardLevel Likelihood, CardLevel Consequence, int Points, CardBand Band, bool WithinAppetite);

/// <summary>An error with the input it is about (a <see cref="Actions.CardInputIds"/> id, or a field no input has).</summary>
public sealed record CardFieldError(string Field, string Message);
