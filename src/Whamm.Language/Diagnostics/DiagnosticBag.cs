using System.Collections;
using Whamm.Language.Text;

namespace Whamm.Language.Diagnostics;

/// <summary>
/// A growing collection of diagnostics for one phase. Adding the same diagnostic (same id, source and
/// span) twice keeps only the first, so a phase may safely re-examine text.
/// </summary>
public sealed class DiagnosticBag : IReadOnlyCollection<Diagnostic>
{
    private readonly List<Diagnostic> items = [];
    private readonly HashSet<(string Id, SourceText? Source, TextSpan? Span)> seen = [];

    /// <summary>Number of diagnostics.</summary>
    public int Count => items.Count;

    /// <summary>Number of errors.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>True when at least one error was added.</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>Adds <paramref name="diagnostic"/> unless the same one is already here; returns whether it was added.</summary>
    public bool Add(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (!seen.Add((diagnostic.Id, diagnostic.Source, diagnostic.Span)))
            return false;
        items.Add(diagnostic);
        if (diagnostic.IsError)
            ErrorCount++;
        return true;
    }

    /// <summary>Adds every diagnostic of <paramref name="diagnostics"/>.</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var d in diagnostics)
            Add(d);
    }

    /// <summary>The diagnostics ordered by source path, then position (diagnostics without a span last), then insertion order.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList() =>
        [.. items
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.Source?.Path ?? "", StringComparer.Ordinal)
            .ThenBy(x => x.d.Span?.Start ?? int.MaxValue)
            .ThenBy(x => x.i)
            .Select(x => x.d)];

    /// <inheritdoc/>
    public IEnumerator<Diagnostic> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
