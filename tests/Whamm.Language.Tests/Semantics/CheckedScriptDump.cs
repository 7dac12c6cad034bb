using System.Text;
using Whamm.Language.Semantics;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Tests.Semantics;

/// <summary>
/// A readable summary of a <see cref="CheckedScript"/> for expectation files: globals, functions,
/// libraries, and per probe its matches grouped by model with the bound variables they need (static or
/// dynamic), the variables the body declares, and the type every literal took from its context.
/// </summary>
public static class CheckedScriptDump
{
    private const int MatchesShown = 4;

    public static string Print(CheckedScript script)
    {
        var sb = new StringBuilder();
        var source = script.Syntax.Source;
        foreach (var lib in script.Libraries)
            sb.Append("use ").Append(lib.Name).Append(": ").Append(lib.Signatures.Functions.Count).Append(" functions")
              .Append(lib.Signatures.MemoryExport is null ? "" : ", memory").Append('\n');
        foreach (var g in script.Globals)
            sb.Append("global ").Append(g.Name).Append(": ").Append(g.Type).Append(g.IsReport ? " (report)" : "").Append('\n');
        AppendLiterals(sb, "  ", script.GlobalModel, source);
        foreach (var f in script.Functions)
        {
            sb.Append("fn ").Append(f.Symbol.Signature).Append('\n');
            AppendVariables(sb, f.Model);
            AppendLiterals(sb, "  ", f.Model, source);
        }
        if (script.HasReports) sb.Append("has reports\n");
        foreach (var probe in script.Probes)
        {
            sb.Append("probe #").Append(probe.Index).Append(' ').Append(probe.Syntax.Rule.Text).Append(": ")
              .Append(probe.Matches.Count).Append(probe.Matches.Count == 1 ? " match" : " matches");
            if (probe.ExcludedMatches.Count > 0) sb.Append(", ").Append(probe.ExcludedMatches.Count).Append(" excluded by type bounds");
            sb.Append('\n');
            // Per model (a group of matches checked together): its matches by needed variables, then what the body declares.
            foreach (var model in probe.Models)
            {
                foreach (var group in probe.Matches.Where(m => m.Model == model).GroupBy(m => string.Join("; ", m.BoundVariables)))
                {
                    var list = group.ToList();
                    sb.Append("  ").Append(list.Count == 1 ? "" : $"{list.Count}: ")
                      .Append(string.Join(", ", list.Take(MatchesShown).Select(m => m.RuleName)))
                      .Append(list.Count > MatchesShown ? $", … {list[^1].RuleName}" : "").Append('\n');
                    if (group.Key.Length > 0) sb.Append("    needs ").Append(group.Key).Append('\n');
                }
                AppendVariables(sb, model);
                AppendLiterals(sb, "    ", model, source);
            }
        }
        return sb.ToString();
    }

    private static void AppendVariables(StringBuilder sb, SemanticModel model)
    {
        if (model.DeclaredVariables.Count == 0) return;
        sb.Append("    declares ").Append(string.Join(", ", model.DeclaredVariables.Select(v =>
            $"{v.Name}: {v.Type} ({v.VariableKind.ToString().ToLowerInvariant()}{(v.IsReport ? ", report" : "")})"))).Append('\n');
    }

    private static void AppendLiterals(StringBuilder sb, string indent, SemanticModel model, SourceText source)
    {
        var literals = model.Types
            .Where(t => t.Key is IntegerLiteralSyntax or FloatLiteralSyntax)
            .OrderBy(t => t.Key.Span.Start)
            .Select(t => $"{source.GetLinePosition(t.Key.Span.Start)} {t.Key}: {t.Value}")
            .ToList();
        if (literals.Count > 0) sb.Append(indent).Append("literals ").Append(string.Join(", ", literals)).Append('\n');
    }
}
