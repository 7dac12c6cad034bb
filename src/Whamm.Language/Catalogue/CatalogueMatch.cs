namespace Whamm.Language.Catalogue;

/// <summary>The levels of a probe rule.</summary>
public enum RuleLevel : byte
{
#pragma warning disable CS1591 // the four rule parts
    Provider, Package, Event, Mode,
#pragma warning restore CS1591
}

/// <summary>
/// One definition a rule matched, down to the level where the rule stops: for a complete rule
/// (<see cref="IsComplete"/>) this is one probe — a (package, event, mode) triple, or a package or
/// event for the levels that have no children (<c>wasm:begin</c>, <c>wasm:func:entry</c>).
/// </summary>
/// <param name="Provider">The provider.</param>
/// <param name="Package">The package, when the rule reaches that level.</param>
/// <param name="Event">The event, when the rule reaches that level.</param>
/// <param name="Mode">The mode, when the rule reaches that level.</param>
public sealed record CatalogueMatch(CatalogueProvider Provider, CataloguePackage? Package, CatalogueEvent? Event, ProbeMode? Mode)
{
    /// <summary>The deepest level matched.</summary>
    public RuleLevel Level => Mode is not null ? RuleLevel.Mode
        : Event is not null ? RuleLevel.Event
        : Package is not null ? RuleLevel.Package
        : RuleLevel.Provider;

    /// <summary>The deepest definition matched.</summary>
    public string Name => Mode?.Name ?? Event?.Name ?? Package?.Name ?? Provider.Name;

    /// <summary>
    /// True when the matched definition has no further levels, so this is a probe; false when the rule
    /// stopped too early (<c>wasm:opcode:call</c> needs a mode).
    /// </summary>
    public bool IsComplete => Level switch
    {
        RuleLevel.Provider => Provider.Packages.Count == 0,
        RuleLevel.Package => Package!.Events.Count == 0,
        RuleLevel.Event => Event!.Modes.Count == 0,
        _ => true,
    };

    /// <summary>The rule naming exactly this definition, e.g. <c>wasm:opcode:call:before</c> or <c>wasm:func:entry</c>.</summary>
    public string RuleName => string.Join(":", Names());

    /// <summary>
    /// The variable a probe of this match sees under <paramref name="name"/>: the event's, else the
    /// package's, else the provider's (exact names before indexed families at each level). Null when unbound.
    /// </summary>
    public BoundVariable? FindVariable(string name) =>
        Event?.FindVariable(name) ?? Package?.FindVariable(name) ?? Provider.FindVariable(name);

    /// <summary>The bound function a probe of this match sees under <paramref name="name"/>, or null.</summary>
    public BoundFunction? FindFunction(string name) =>
        Event?.FindFunction(name) ?? Package?.FindFunction(name) ?? Provider.FindFunction(name);

    /// <summary>Every variable in scope, innermost level first.</summary>
    public IEnumerable<BoundVariable> Variables =>
        (Event?.Variables ?? []).Concat(Package?.Variables ?? []).Concat(Provider.Variables);

    /// <summary>Every bound function in scope, innermost level first.</summary>
    public IEnumerable<BoundFunction> Functions =>
        (Event?.Functions ?? []).Concat(Package?.Functions ?? []).Concat(Provider.Functions);

    /// <inheritdoc/>
    public override string ToString() => RuleName;

    private IEnumerable<string> Names()
    {
        yield return Provider.Name;
        if (Package is not null) yield return Package.Name;
        if (Event is not null) yield return Event.Name;
        if (Mode is not null) yield return Mode.Name;
    }
}
