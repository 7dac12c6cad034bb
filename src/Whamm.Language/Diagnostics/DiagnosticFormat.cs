namespace Whamm.Language.Diagnostics;

/// <summary>How <see cref="DiagnosticRenderer"/> writes diagnostics.</summary>
public enum DiagnosticFormat
{
    /// <summary>rustc-style text without colour (files, pipes, expected-output tests).</summary>
    Plain,

    /// <summary>rustc-style text with ANSI colours; the caller chooses it only when writing to a terminal.</summary>
    Colour,

    /// <summary>A JSON array with one object per diagnostic (ids, kinds, 1-based positions and offsets).</summary>
    Json,
}
