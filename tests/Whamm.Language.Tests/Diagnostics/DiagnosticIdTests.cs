using System.Reflection;
using Whamm.Language.Diagnostics;
using Whamm.Language.Parsing;

namespace Whamm.Language.Tests.Diagnostics;

/// <summary>Ids are stable codes: well-formed, unique across the whole library, in their phase's range.</summary>
public class DiagnosticIdTests
{
    private static IEnumerable<(string Owner, DiagnosticDescriptor Descriptor)> AllDescriptors() =>
        typeof(Parser).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => ($"{f.DeclaringType!.Name}.{f.Name}", (DiagnosticDescriptor)f.GetValue(null)!));

    [Fact]
    public void Every_id_is_unique()
    {
        var duplicates = AllDescriptors().GroupBy(d => d.Descriptor.Id).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Owner))}").ToList();
        Assert.True(duplicates.Count == 0, "duplicate diagnostic ids:\n" + string.Join("\n", duplicates));
    }

    [Fact]
    public void Syntax_ids_are_in_the_parser_range_and_kind()
    {
        var syntax = typeof(SyntaxDiagnostics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!).ToList();
        Assert.True(syntax.Count >= 40);
        foreach (var d in syntax)
        {
            Assert.InRange(int.Parse(d.Id[2..], System.Globalization.CultureInfo.InvariantCulture), 1, 999);
            Assert.Equal(d.Severity == DiagnosticSeverity.Error ? DiagnosticKind.ParsingError : DiagnosticKind.ParsingWarning, d.Kind);
        }
    }

    [Fact]
    public void Malformed_ids_are_refused() =>
        Assert.Throws<ArgumentException>(() => new DiagnosticDescriptor("E0001", DiagnosticKind.GeneralError, DiagnosticSeverity.Error, "x"));
}
