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
            foreach (var node in probe.Syntax.Body.DescendantNodesAndSelf())
            {
                if (Uses(node)) return true;
            }
        }
        return script.Syntax.GlobalStatements.SelectMany(s => s.DescendantNodesAndSelf()).Any(Uses);
    }

    private static bool Uses(SyntaxNode node) => node switch
    {
        VariableDeclarationSyntax d => d.IsReport || d.IsUnshared || NeedsMemory(WhammType.FromSyntax(d.Type)),
        StringLiteralSyntax => true,
        CallExpressionSyntax { Receiver: NameExpressionSyntax r } => r.Name.Text == LibrarySignatures.CoreLibraryName,
        CallExpressionSyntax { Receiver: null, Name.Text: "read_str" or "memid" } => true, // allocates / names the instrumentation memory
        _ => false,
    };

    private static bool NeedsMemory(WhammType t) => t.Kind is WhammTypeKind.Str or WhammTypeKind.Map || t.Elements.Any(NeedsMemory);
}
