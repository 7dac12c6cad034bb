using Whamm.Language.Text;

namespace Whamm.Instrumentation;

/// <summary>
/// The script asks for something the rewriter cannot compile (a construct not supported yet, a folded cast that
/// would trap), or — when <see cref="IsInternal"/> — the rewriter produced an invalid module (our bug; nothing is written).
/// </summary>
public sealed class InstrumentationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InstrumentationException(string message, TextSpan? span = null, bool isInternal = false, Exception? inner = null)
        : base(message, inner)
    {
        Span = span;
        IsInternal = isInternal;
    }

    /// <summary>Where in the script, when known.</summary>
    public TextSpan? Span { get; }

    /// <summary>True when the output failed validation: a bug of the rewriter, not of the script.</summary>
    public bool IsInternal { get; }
}
