using System.Text;
using Whamm.Language.Syntax;

namespace Whamm.Language.Catalogue;

/// <summary>The text of <c>whamm info</c>, or why the rule matched nothing.</summary>
/// <param name="Text">The formatted text (empty on failure).</param>
/// <param name="Error">The matching failure, or null.</param>
public sealed record CatalogueInfoResult(string Text, RuleMatchError? Error)
{
    /// <summary>True when the rule matched something.</summary>
    public bool Success => Error is null;
}

/// <summary>
/// Formats <c>whamm info --rule RULE [-v] [-f]</c> (reference §5): with <c>-v</c>/<c>-f</c> first the core
/// Whamm built-ins, then for each level the rule reaches a heading "RULE matches the following
/// providers|packages|events:" and each matched definition (<c>name kind</c>, its docs indented four
/// spaces per level, <c>VARIABLES:</c> with <c>-v</c>, <c>FUNCTIONS:</c> with <c>-f</c>), events listing
/// their matched modes; sections are separated by a line of 100 dashes. Plain text, no colour;
/// a rule that stops above the event level is fine here (it describes the package).
/// </summary>
public static class CatalogueInfo
{
    private static readonly string Rule = new('-', 100);

    /// <summary>Formats the information for a rule written as text.</summary>
    public static CatalogueInfoResult Format(string rule, bool variables = false, bool functions = false)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Format(rule, RuleMatcher.Expand(rule), variables, functions);
    }

    /// <summary>Formats the information for a parsed rule (headings show its canonical text).</summary>
    public static CatalogueInfoResult Format(ProbeRuleSyntax rule, bool variables = false, bool functions = false)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Format(rule.Text, RuleMatcher.Expand(rule), variables, functions);
    }

    /// <summary>Formats the information for an expansion already computed; <paramref name="rule"/> is the text shown in headings.</summary>
    public static CatalogueInfoResult Format(string rule, RuleExpansion expansion, bool variables = false, bool functions = false)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(expansion);
        if (expansion.Error is { Kind: not RuleMatchErrorKind.Incomplete } error) return new CatalogueInfoResult("", error);

        var sb = new StringBuilder();
        if (variables || functions)
        {
            sb.Append("CORE `whamm` FUNCTIONALITY\n\n");
            Members(sb, 1, CoreBuiltins.Variables, CoreBuiltins.Functions, variables, functions);
            sb.Append(Rule).Append("\n\n");
        }

        var matches = expansion.Matches;
        Section(sb, rule, "providers", matches.Select(m => m.Provider).Distinct(), p => Definition(sb, p, "provider", variables, functions));
        if (matches.Any(m => m.Package is not null))
        {
            Section(sb, rule, "packages", matches.Select(m => m.Package).OfType<CataloguePackage>().Distinct(),
                p => Definition(sb, p, "package", variables, functions));
        }
        if (matches.Any(m => m.Event is not null))
        {
            Section(sb, rule, "events", matches.Select(m => m.Event).OfType<CatalogueEvent>().Distinct(), e =>
            {
                Definition(sb, e, "event", variables, functions);
                var modes = matches.Where(m => m.Event == e && m.Mode is not null).Select(m => m.Mode!).ToList();
                if (modes.Count == 0) return;
                Indent(sb, 1).Append(rule).Append(" matches the following modes:\n\n");
                foreach (var mode in modes)
                {
                    Indent(sb, 1).Append(mode.Name).Append(" mode");
                    if (mode.DefinitionName != mode.Name) sb.Append(" (").Append(mode.DefinitionName).Append(')');
                    sb.Append('\n');
                    Indent(sb, 2).Append(mode.Doc).Append("\n\n");
                }
            });
        }
        return new CatalogueInfoResult(sb.ToString(), null);
    }

    private static void Section<T>(StringBuilder sb, string rule, string what, IEnumerable<T> items, Action<T> each)
    {
        sb.Append(rule).Append(" matches the following ").Append(what).Append(":\n\n");
        foreach (var item in items) each(item);
        sb.Append(Rule).Append("\n\n");
    }

    private static void Definition(StringBuilder sb, CatalogueNode node, string kind, bool variables, bool functions)
    {
        sb.Append(node.Name).Append(' ').Append(kind).Append('\n');
        Indent(sb, 1).Append(node.Doc).Append("\n\n");
        Members(sb, 1, node.Variables, node.Functions, variables, functions);
    }

    private static void Members(StringBuilder sb, int depth, IReadOnlyList<BoundVariable> vars, IReadOnlyList<BoundFunction> fns, bool variables, bool functions)
    {
        if (variables && vars.Count > 0)
        {
            Indent(sb, depth).Append("VARIABLES:\n");
            foreach (var v in vars)
            {
                Indent(sb, depth + 1).Append(v.DisplayName).Append(": ").Append(v.Type);
                if (v.DerivedFrom is not null) sb.Append(" ==> ").Append(v.DerivedFrom);
                sb.Append('\n');
                Indent(sb, depth + 2);
                if (v.EngineOnly) sb.Append("(ONLY SUPPORTED IN ENGINE INTERFACE) ");
                sb.Append('(').Append(v.IsStatic ? "static" : "dynamic").Append(") ").Append(v.Doc).Append('\n');
            }
            sb.Append('\n');
        }
        if (functions && fns.Count > 0)
        {
            Indent(sb, depth).Append("FUNCTIONS:\n");
            foreach (var f in fns)
            {
                Indent(sb, depth + 1).Append(f.Signature).Append('\n');
                Indent(sb, depth + 2).Append(f.Doc).Append('\n');
            }
            sb.Append('\n');
        }
    }

    private static StringBuilder Indent(StringBuilder sb, int depth) => sb.Append(' ', depth * 4);
}
