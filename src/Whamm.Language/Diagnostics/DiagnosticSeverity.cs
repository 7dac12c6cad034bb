namespace Whamm.Language.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Something worth knowing; compilation goes on.</summary>
    Warning,

    /// <summary>The script cannot be compiled.</summary>
    Error,
}
