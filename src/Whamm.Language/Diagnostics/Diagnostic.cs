using Whamm.Language.Text;

namespace Whamm.Language.Diagnostics;

/// <summary>
/// One immutable error or warning: what (<see cref="Descriptor"/>, <see cref="Message"/>), where
/// (<see cref="Source"/>, <see cref="Span"/>, secondary <see cref="Labels"/>) and in which probe
/// (<see cref="Rule"/>). Rendering is the business of <see cref="DiagnosticRenderer"/>.
/// </summary>
public sealed class Diagnostic
{
    /// <summary>A diagnostic; prefer <see cref="DiagnosticDescriptor.Create"/>.</summary>
    public Diagnostic(DiagnosticDescriptor descriptor, string message, SourceText? source, TextSpan? span,
        IReadOnlyList<DiagnosticLabel>? labels = null, string? rule = null, string? primaryLabel = null)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(message);
        if (span is { } s && source is not null && s.End > source.Length)
            throw new ArgumentOutOfRangeException(nameof(span), $"span {s} reaches past the end of the source ({source.Length})");
        Descriptor = descriptor;
        Message = message;
        Source = source;
        Span = source is null ? null : span;
        Labels = labels ?? [];
        Rule = rule;
        PrimaryLabel = primaryLabel;
    }

    /// <summary>The descriptor this diagnostic was made from.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The stable id (<c>WH…</c>).</summary>
    public string Id => Descriptor.Id;

    /// <summary>Error or warning.</summary>
    public DiagnosticSeverity Severity => Descriptor.Severity;

    /// <summary>The Whamm error kind.</summary>
    public DiagnosticKind Kind => Descriptor.Kind;

    /// <summary>True for errors.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The message.</summary>
    public string Message { get; }

    /// <summary>The script the diagnostic is about, or null when it has no location at all.</summary>
    public SourceText? Source { get; }

    /// <summary>The primary location, or null for a diagnostic about the whole file.</summary>
    public TextSpan? Span { get; }

    /// <summary>Secondary locations in the same source.</summary>
    public IReadOnlyList<DiagnosticLabel> Labels { get; }

    /// <summary>The probe rule the diagnostic arose in (printed as <c>@rule</c> in the header), or null.</summary>
    public string? Rule { get; }

    /// <summary>The note under the primary span; null means the message itself.</summary>
    public string? PrimaryLabel { get; }

    /// <summary>The 1-based line and column of the primary span's start, when there is one.</summary>
    public LinePosition? Position => Source is not null && Span is { } s ? Source.GetLinePosition(s.Start) : null;

    /// <summary>A copy with one more secondary label.</summary>
    public Diagnostic WithLabel(TextSpan span, string message) =>
        new(Descriptor, Message, Source, Span, [.. Labels, new DiagnosticLabel(span, message)], Rule, PrimaryLabel);

    /// <summary>A copy that names the probe rule it arose in.</summary>
    public Diagnostic WithRule(string? rule) =>
        new(Descriptor, Message, Source, Span, Labels, rule, PrimaryLabel);

    /// <summary>A copy whose primary underline carries <paramref name="label"/> instead of the message.</summary>
    public Diagnostic WithPrimaryLabel(string? label) =>
        new(Descriptor, Message, Source, Span, Labels, Rule, label);

    /// <summary>One line: <c>path:line:col: error[Kind WHnnnn]: message</c>.</summary>
    public override string ToString()
    {
        string where = Source is null ? "" : Position is { } p ? $"{Source.Path}:{p}: " : $"{Source.Path}: ";
        string severity = IsError ? "error" : "warning";
        return $"{where}{severity}[{Kind} {Id}]: {Message}";
    }
}
