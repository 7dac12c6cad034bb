using Whamm.Language.Catalogue;

namespace Whamm.Language.Semantics;

/// <summary>
/// One (package, event, mode) a probe's rule expanded to, with what its predicate and body need there.
/// Matches whose bound variables have the same types share one <see cref="Model"/>.
/// </summary>
public sealed class CheckedMatch
{
    internal CheckedMatch(CatalogueMatch match, SemanticModel model, IReadOnlyList<BoundVariableUse> boundVariables)
    {
        Match = match;
        Model = model;
        BoundVariables = boundVariables;
    }

    /// <summary>The catalogue definitions matched.</summary>
    public CatalogueMatch Match { get; }

    /// <summary>The event, or null for the package-level probes <c>wasm:begin</c>, <c>wasm:end</c>, <c>wasm:report</c>.</summary>
    public CatalogueEvent? Event => Match.Event;

    /// <summary>The mode, or null for events without modes (<c>wasm:func:entry</c>, <c>wasm:block:end</c>, …).</summary>
    public ProbeMode? Mode => Match.Mode;

    /// <summary>The rule naming exactly this match, e.g. <c>wasm:opcode:call:before</c> (built once: rewriting asks at every site).</summary>
    public string RuleName => ruleName ??= Match.RuleName;

    private string? ruleName;

    /// <summary>Types and symbols of the predicate and body at this match.</summary>
    public SemanticModel Model { get; }

    /// <summary>
    /// Every bound variable the probe needs here, in order of first use (those only derived ones need
    /// come after the variable needing them).
    /// </summary>
    public IReadOnlyList<BoundVariableUse> BoundVariables { get; }

    /// <summary>The needed bound variables that are compile-time constants per match site.</summary>
    public IEnumerable<BoundVariableUse> StaticVariables => BoundVariables.Where(v => v.IsStatic);

    /// <summary>The needed bound variables that are run-time values.</summary>
    public IEnumerable<BoundVariableUse> DynamicVariables => BoundVariables.Where(v => !v.IsStatic);

    /// <inheritdoc/>
    public override string ToString() => RuleName;
}
