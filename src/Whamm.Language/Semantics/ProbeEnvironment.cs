using System.Text;
using Whamm.Language.Catalogue;
using Whamm.Language.Syntax;

namespace Whamm.Language.Semantics;

/// <summary>
/// What a probe body sees of its event at one match: the bound variables and functions (the
/// package-level probes <c>wasm:begin</c>, <c>wasm:end</c> and <c>wasm:report</c> have no match site, so
/// they see none of the provider's), their types after the rule's type bounds, the mode, and the result
/// an <c>alt</c> probe stands in for.
/// </summary>
internal sealed class ProbeEnvironment
{
    public ProbeEnvironment(CatalogueMatch match, IReadOnlyDictionary<string, (WhammType Type, ParameterSyntax Syntax)> typeBounds)
    {
        Match = match;
        TypeBounds = typeBounds;
    }

    public CatalogueMatch Match { get; }

    public IReadOnlyDictionary<string, (WhammType Type, ParameterSyntax Syntax)> TypeBounds { get; }

    public ModeKind? Mode => Match.Mode?.Kind;

    public string RuleName => Match.RuleName;

    public static BoundVariable? FindVariable(CatalogueMatch match, string name) =>
        match.Event is null ? match.Package?.FindVariable(name) : match.FindVariable(name);

    public static BoundFunction? FindFunction(CatalogueMatch match, string name) =>
        match.Event is null ? match.Package?.FindFunction(name) : match.FindFunction(name);

    public BoundVariable? FindVariable(string name) => FindVariable(Match, name);

    public BoundFunction? FindFunction(string name) => FindFunction(Match, name);

    /// <summary>The type a probe sees for a bound variable: its type bound, else the catalogue's.</summary>
    public WhammType TypeOf(string name, BoundVariable variable) =>
        TypeBounds.TryGetValue(name, out var bound) ? bound.Type : variable.Type;

    /// <summary>True for <c>resN</c> (instruction results).</summary>
    public static bool IsResult(string name, BoundVariable variable) =>
        variable.IsIndexedFamily ? variable.Name == "res" : IsNumbered(name, "res");

    /// <summary>True for <c>argN</c> (instruction operands).</summary>
    public static bool IsArgument(string name, BoundVariable variable) =>
        variable.IsIndexedFamily ? variable.Name == "arg" : IsNumbered(name, "arg");

    private static bool IsNumbered(string name, string prefix) =>
        name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) && name.AsSpan(prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>
    /// The names a bound variable needs, itself first, then what its derivation mentions, transitively
    /// (only names bound at this match).
    /// </summary>
    public static List<(string Name, BoundVariable Variable)> Closure(CatalogueMatch match, string name)
    {
        var result = new List<(string, BoundVariable)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var work = new Stack<string>();
        work.Push(name);
        while (work.Count > 0)
        {
            var n = work.Pop();
            if (!seen.Add(n)) continue;
            if (FindVariable(match, n) is not { } v) continue;
            result.Add((n, v));
            if (v.DerivedFrom is { } derived)
            {
                var deps = DerivedVariables.Dependencies(derived);
                for (var i = deps.Count - 1; i >= 0; i--) work.Push(deps[i]);
            }
        }
        return result;
    }

    /// <summary>
    /// The result variable a bound variable is or is computed from (<c>failed</c> → <c>res0</c>), or null.
    /// </summary>
    public string? ResultDependency(string name)
    {
        foreach (var (n, v) in Closure(Match, name))
        {
            if (IsResult(n, v)) return n;
        }
        return null;
    }

    /// <summary>
    /// The type an <c>alt</c> probe's <c>return value;</c> must have: the instruction's single result type;
    /// <see cref="WhammType.Unit"/> when it has no result; null when unknown here (results vary per site,
    /// several results, or not an <c>alt</c> of an instruction).
    /// </summary>
    public WhammType? AltResultType()
    {
        if (Mode != ModeKind.Alt || Match.Event is not { Kind: CatalogueEventKind.Opcode } evt) return null;
        WhammType? single = null;
        var count = 0;
        foreach (var v in evt.Variables)
        {
            if (!IsResult(v.Name, v)) continue;
            if (v.IsIndexedFamily || v.NeedsTypeBound) return null;
            count++;
            single = v.Type;
        }
        return count switch
        {
            0 => WhammType.Unit,
            1 => single,
            _ => null,
        };
    }

    /// <summary>How a derivation matters to checking: what it depends on, and whether it is a plain alias.</summary>
    private static string Derivation(string? derivedFrom) => derivedFrom is null ? ""
        : (DerivedVariables.AliasOf(derivedFrom) is not null ? "=" : "~") + string.Join(",", DerivedVariables.Dependencies(derivedFrom));

    /// <summary>
    /// A key that is equal for two matches exactly when checking the same body gives the same result:
    /// how each of <paramref name="names"/> (and what they derive from) resolves, the mode, and the alt result.
    /// </summary>
    public static string Signature(CatalogueMatch match, IEnumerable<string> names, IReadOnlyDictionary<string, (WhammType Type, ParameterSyntax Syntax)> bounds)
    {
        var sb = new StringBuilder();
        sb.Append(match.Mode?.Kind.ToString() ?? "-").Append(match.Event is null ? "|pkg" : "|evt");
        var env = new ProbeEnvironment(match, bounds);
        sb.Append("|alt:").Append(env.AltResultType()?.ToString() ?? "?");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            foreach (var (n, v) in Closure(match, name))
            {
                if (!seen.Add(n)) continue;
                sb.Append('|').Append(n).Append(':').Append(env.TypeOf(n, v)).Append(v.IsStatic ? 's' : 'd')
                    .Append(v.IsIndexedFamily ? 'f' : 'n').Append(v.EngineOnly ? 'e' : '-').Append(Derivation(v.DerivedFrom));
            }
            if (!seen.Contains(name)) sb.Append('|').Append(name).Append(":none");
            if (FindFunction(match, name) is { } f) sb.Append("|fn ").Append(f.Signature);
        }
        return sb.ToString();
    }
}
