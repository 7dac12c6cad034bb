using Whamm.Language.Text;

namespace Whamm.Language.Syntax;

/// <summary>The level of a probe-rule part.</summary>
public enum RulePartKind
{
    /// <summary>The first part (<c>wasm</c>).</summary>
    Provider,
    /// <summary>The second part (<c>opcode</c>, <c>func</c>, <c>begin</c>, …).</summary>
    Package,
    /// <summary>The third part (<c>call</c>, <c>entry</c>, …).</summary>
    Event,
    /// <summary>The fourth part (<c>before</c>, <c>after</c>, <c>alt</c>, …).</summary>
    Mode,
}

/// <summary>
/// One part of a probe rule: a <see cref="RulePattern"/> and an optional type-bound group
/// (<c>call(arg0: i32)</c>). Any part may carry a group, and a rule may have any number of them.
/// </summary>
/// <param name="Span">The part including its type-bound group (zero-length for an empty part without one).</param>
/// <param name="Kind">Which level the part is.</param>
/// <param name="Pattern">The compiled pattern (a malformed pattern, already reported, matches nothing).</param>
/// <param name="PatternSpan">The source range of the pattern text alone.</param>
/// <param name="TypeBounds">The type bounds declared on this part (empty when there is no group).</param>
public sealed record RulePartSyntax(TextSpan Span, RulePartKind Kind, RulePattern Pattern, TextSpan PatternSpan, IReadOnlyList<ParameterSyntax> TypeBounds)
    : SyntaxNode(Span)
{
    /// <summary>True when <paramref name="name"/> matches the part's pattern (ignoring ASCII case).</summary>
    public bool Matches(string name) => Pattern.Matches(name);

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => TypeBounds;
}

/// <summary>
/// A probe rule <c>provider:package[:event[:mode]]</c>, each part a pattern with an optional type-bound
/// group. Matching against the event catalogue is the catalogue's job; this is the clean model.
/// </summary>
/// <param name="Span">The whole rule.</param>
/// <param name="Parts">The parts in order: two to four of them (fewer or more only after a reported error).</param>
public sealed record ProbeRuleSyntax(TextSpan Span, IReadOnlyList<RulePartSyntax> Parts) : SyntaxNode(Span)
{
    /// <summary>The provider part.</summary>
    public RulePartSyntax Provider => Parts[0];

    /// <summary>The package part, or null (only after a reported error).</summary>
    public RulePartSyntax? Package => Parts.Count > 1 ? Parts[1] : null;

    /// <summary>The event part, or null when the rule stops at the package (<c>wasm:begin</c>).</summary>
    public RulePartSyntax? Event => Parts.Count > 2 ? Parts[2] : null;

    /// <summary>The mode part, or null when the rule stops at the event (<c>wasm:func:entry</c>).</summary>
    public RulePartSyntax? Mode => Parts.Count > 3 ? Parts[3] : null;

    /// <summary>All type bounds of all parts, in source order.</summary>
    public IEnumerable<ParameterSyntax> TypeBounds => Parts.SelectMany(p => p.TypeBounds);

    /// <summary>The rule in canonical form (<c>wasm:opcode:call(arg0: i32):before</c>), as diagnostics name it after <c>@</c>.</summary>
    public string Text => SyntaxPrinter.Print(this);

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => Parts;
}
