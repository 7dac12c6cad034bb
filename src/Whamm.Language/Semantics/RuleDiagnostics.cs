using Whamm.Language.Diagnostics;

namespace Whamm.Language.Semantics;

/// <summary>
/// The diagnostics of matching probe rules against the event catalogue (ids WH1000–WH1999). Ids are
/// stable: never renumber or reuse one; add new ones at the end.
/// </summary>
public static class RuleDiagnostics
{
    /// <summary>WH1000: a rule part matches nothing (the reference's wording).</summary>
    public static readonly DiagnosticDescriptor NoMatch =
        new("WH1000", DiagnosticKind.ParsingError, DiagnosticSeverity.Error, "{0}");

    /// <summary>WH1001: a rule that stops above the level its definitions need (<c>wasm:opcode:call {{ }}</c>; DECISIONS 8).</summary>
    public static readonly DiagnosticDescriptor IncompleteRule =
        new("WH1001", DiagnosticKind.ParsingError, DiagnosticSeverity.Error, "{0}");

    /// <summary>WH1002: any other rule-matching failure (too many parts, a malformed pattern).</summary>
    public static readonly DiagnosticDescriptor InvalidRule =
        new("WH1002", DiagnosticKind.ParsingError, DiagnosticSeverity.Error, "{0}");
}
