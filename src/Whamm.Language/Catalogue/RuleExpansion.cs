namespace Whamm.Language.Catalogue;

/// <summary>The result of matching a probe rule against the catalogue.</summary>
public sealed class RuleExpansion
{
    internal RuleExpansion(IReadOnlyList<CatalogueMatch> matches, RuleMatchError? error)
    {
        Matches = matches;
        Error = error;
    }

    /// <summary>
    /// Every definition matched at the level where the rule stops, in catalogue order (provider, then
    /// package, event and mode definition order). Includes incomplete matches, for <c>whamm info</c>.
    /// </summary>
    public IReadOnlyList<CatalogueMatch> Matches { get; }

    /// <summary>The failure, or null.</summary>
    public RuleMatchError? Error { get; }

    /// <summary>True when the rule expands to probes.</summary>
    public bool Success => Error is null;

    /// <summary>The probes to create, one per match in catalogue order (probe numbering follows it); empty on failure.</summary>
    public IReadOnlyList<CatalogueMatch> Probes => Success ? Matches : [];
}
