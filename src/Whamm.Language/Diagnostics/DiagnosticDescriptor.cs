using System.Globalization;
using Whamm.Language.Text;

namespace Whamm.Language.Diagnostics;

/// <summary>
/// One kind of diagnostic with its stable id (Roslyn's <c>ErrorCode</c> style: numbered, never reused,
/// never renumbered; a retired id stays retired). Ids are <c>WH</c> + four digits, in ranges per phase:
/// <list type="table">
/// <item><term>WH0001–WH0999</term><description>lexer and parser (<see cref="Parsing.SyntaxDiagnostics"/>)</description></item>
/// <item><term>WH1000–WH1999</term><description>probe-rule matching against the event catalogue</description></item>
/// <item><term>WH2000–WH2999</term><description>type checking and scoping</description></item>
/// <item><term>WH3000–WH3999</term><description>constant folding and code generation</description></item>
/// </list>
/// Descriptors are declared as <c>public static readonly</c> fields; a test checks every id in the
/// assembly is unique and well-formed.
/// </summary>
public sealed class DiagnosticDescriptor
{
    /// <summary>A descriptor; <paramref name="messageFormat"/> is a composite format string over the arguments given to <see cref="Create"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not <c>WH</c> followed by four digits.</exception>
    public DiagnosticDescriptor(string id, DiagnosticKind kind, DiagnosticSeverity severity, string messageFormat)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(messageFormat);
        if (!IsValidId(id))
            throw new ArgumentException($"diagnostic id '{id}' is not WH followed by four digits", nameof(id));
        Id = id;
        Kind = kind;
        Severity = severity;
        MessageFormat = messageFormat;
    }

    /// <summary>The stable id, e.g. <c>WH0010</c>.</summary>
    public string Id { get; }

    /// <summary>The Whamm error kind printed in the header.</summary>
    public DiagnosticKind Kind { get; }

    /// <summary>Error or warning.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>The message, a composite format string (<c>{0}</c>, <c>{1}</c>, …).</summary>
    public string MessageFormat { get; }

    /// <summary>A diagnostic of this kind at <paramref name="span"/> of <paramref name="source"/> (both may be null for a diagnostic without a location).</summary>
    public Diagnostic Create(SourceText? source, TextSpan? span, params object?[] args) =>
        new(this, Format(args), source, span);

    /// <summary>The message with <paramref name="args"/> filled in (invariant culture).</summary>
    public string Format(params object?[] args) => string.Format(CultureInfo.InvariantCulture, MessageFormat, args);

    /// <inheritdoc/>
    public override string ToString() => $"{Id} {Kind}: {MessageFormat}";

    private static bool IsValidId(string id) =>
        id.Length == 6 && id.StartsWith("WH", StringComparison.Ordinal) && id[2..].All(char.IsAsciiDigit);
}
