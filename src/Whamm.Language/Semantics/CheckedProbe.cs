using Whamm.Language.Catalogue;
using Whamm.Language.Syntax;

namespace Whamm.Language.Semantics;

/// <summary>A probe after checking: its matches in catalogue order, each with what it needs.</summary>
public sealed class CheckedProbe
{
    internal CheckedProbe(ProbeSyntax syntax, int index, IReadOnlyList<CheckedMatch> matches, IReadOnlyList<CatalogueMatch> excluded,
        IReadOnlyDictionary<string, WhammType> typeBounds)
    {
        Syntax = syntax;
        Index = index;
        Matches = matches;
        ExcludedMatches = excluded;
        TypeBounds = typeBounds;
    }

    /// <summary>The probe as written.</summary>
    public ProbeSyntax Syntax { get; }

    /// <summary>The probe's position among the script's probes (0-based, source order).</summary>
    public int Index { get; }

    /// <summary>
    /// The definitions the rule expands to, in catalogue order (probe numbering follows it), without those
    /// its type bounds exclude. Empty when the rule matches nothing (a diagnostic says why).
    /// </summary>
    public IReadOnlyList<CheckedMatch> Matches { get; }

    /// <summary>Matches the type bounds rule out: a bounded variable the event lacks, or whose Wasm type differs.</summary>
    public IReadOnlyList<CatalogueMatch> ExcludedMatches { get; }

    /// <summary>The type bounds of the rule by variable name (all parts together).</summary>
    public IReadOnlyDictionary<string, WhammType> TypeBounds { get; }

    /// <summary>The distinct models of the matches (one per group of matches with the same bound-variable types).</summary>
    public IEnumerable<SemanticModel> Models => Matches.Select(m => m.Model).Distinct();

    /// <inheritdoc/>
    public override string ToString() => Syntax.Rule.Text;
}
