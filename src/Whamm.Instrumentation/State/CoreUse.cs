using Whamm.Language.Catalogue;
using Whamm.Language.Semantics;
using Whamm.Language.Syntax;

namespace Whamm.Instrumentation.State;

/// <summary>
/// Decides before anything is emitted whether the script needs the core library and its memory (reports,
/// per-site variables, strings at run time, maps, direct <c>whamm_core</c> calls, <c>wasm:report</c>, <c>read_str</c>,
/// <c>memid(whamm_core)</c>, shadow tables). Scripts
/// that only count in numeric globals get neither: their output has no memory or function of ours beyond
/// the getters.
/// </summary>
internal static class CoreUse
{
    public static bool Needed(CheckedScript script)
    {
        if (script.HasReports) return true;
        if (script.Globals.Any(g => NeedsMemory(g.Type))) return true;
        if (Passes.ShadowTables.IsNeeded(script)) return true;
        foreach (var probe in script.Probes)
        {
            if (probe.Matches.Any(m => m.Match.Package?.Kind == PackageKind.Report)) return true;
            if (probe.Syntax.Body.DescendantNodesAndSelf().Any(Uses)) return true;
            if (probe.Syntax.Predicate is { } p && probe.Matches.Count > 0 && PredicateNeedsStrings(p, probe.Matches[0].Model)) return true;
        }
        return script.Syntax.GlobalStatements.SelectMany(s => s.DescendantNodesAndSelf()).Any(Uses)
            || script.Functions.SelectMany(f => f.Symbol.Syntax!.DescendantNodesAndSelf()).Any(Uses);
    }

    /// <summary>
    /// A predicate's string literals are needed at run time only next to a string that is not static (a residual
    /// <c>strcmp</c>, a <c>str</c> variable); <c>target_fn_name == "f"</c> folds at every site.
    /// </summary>
    private static bool PredicateNeedsStrings(ExpressionSyntax predicate, SemanticModel model)
    {
        var nodes = predicate.DescendantNodesAndSelf().ToArray();
        return nodes.Any(n => n is not StringLiteralSyntax && Uses(n))
            || nodes.Any(n => n is StringLiteralSyntax) && nodes.Any(n => n switch
            {
                CallExpressionSyntax { Receiver: null, Name.Text: "strcmp" or "strcontains" } => true,
                NameExpressionSyntax name => model.SymbolOf(name) is VariableSymbol { IsStatic: false } v && v.Type.Kind == WhammTypeKind.Str,
                _ => false,
            });
    }

    private static bool Uses(SyntaxNode node) => node switch
    {
        VariableDeclarationSyntax d => d.IsReport || d.IsUnshared || NeedsMemory(WhammType.FromSyntax(d.Type)),
        StringLiteralSyntax => true,
        CallExpressionSyntax { Receiver: NameExpressionSyntax r } => r.Name.Text == LibrarySignatures.CoreLibraryName,
        NameExpressionSyntax { Name.Text: LibrarySignatures.CoreLibraryName } => true, // memid(whamm_core)
        CallExpressionSyntax { Receiver: null, Name.Text: "read_str" or "memid" } => true, // allocates / names the instrumentation memory
        _ => false,
    };

    private static bool NeedsMemory(WhammType t) => t.Kind is WhammTypeKind.Str or WhammTypeKind.Map || t.Elements.Any(NeedsMemory);
}
