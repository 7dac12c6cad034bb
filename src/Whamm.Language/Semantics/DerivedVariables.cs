using System.Collections.Concurrent;
using Whamm.Language.Catalogue;
using Whamm.Language.Parsing;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Semantics;

/// <summary>
/// Reads the <see cref="BoundVariable.DerivedFrom"/> texts of the catalogue: a literal is a per-event
/// constant (no dependencies); an identifier is an alias (<c>addr</c> is <c>arg0</c>); any other
/// expression is computed from the names it mentions (<c>effective_addr</c> from <c>addr</c> and <c>offset</c>).
/// </summary>
internal static class DerivedVariables
{
    private static readonly ConcurrentDictionary<string, (string[] Names, string? Alias)> Cache = new(StringComparer.Ordinal);

    /// <summary>The names <paramref name="derivedFrom"/> mentions (variables and functions), in order of appearance.</summary>
    public static IReadOnlyList<string> Dependencies(string derivedFrom) => Parse(derivedFrom).Names;

    /// <summary>The variable a plain-identifier <paramref name="derivedFrom"/> aliases, or null.</summary>
    public static string? AliasOf(string derivedFrom) => Parse(derivedFrom).Alias;

    private static (string[] Names, string? Alias) Parse(string derivedFrom) => Cache.GetOrAdd(derivedFrom, static text =>
    {
        var (expression, diagnostics) = Parser.ParseExpression(SourceText.From(text, "<catalogue>"));
        if (diagnostics.Any(d => d.IsError)) return ([], null);
        var names = new List<string>();
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            var name = node switch
            {
                NameExpressionSyntax n => n.Name.Text,
                CallExpressionSyntax { Receiver: null } c => c.Name.Text,
                _ => null,
            };
            if (name is not null && !names.Contains(name)) names.Add(name);
        }
        return ([.. names], expression is NameExpressionSyntax alias ? alias.Name.Text : null);
    });
}
