using Whamm.Language.Text;

namespace Whamm.Language.Diagnostics;

/// <summary>
/// A secondary location of a <see cref="Diagnostic"/> in the same source, with a short note
/// (for example "other definition here"); rendered underlined with <c>-</c>.
/// </summary>
/// <param name="Span">The location.</param>
/// <param name="Message">The note printed after the underline.</param>
public sealed record DiagnosticLabel(TextSpan Span, string Message);
