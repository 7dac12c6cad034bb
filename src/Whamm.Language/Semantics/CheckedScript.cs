using Whamm.Language.Diagnostics;
using Whamm.Language.Syntax;

namespace Whamm.Language.Semantics;

/// <summary>
/// A type-checked script: its globals, functions, libraries and probes with everything the later
/// phases need (the expanded matches, the bound variables each needs and which are static, and the
/// type of every expression). Immutable. Only meaningful when <see cref="HasErrors"/> is false.
/// </summary>
public sealed class CheckedScript
{
    internal CheckedScript(ScriptSyntax syntax, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<VariableSymbol> globals,
        IReadOnlyList<CheckedFunction> functions, IReadOnlyList<LibrarySymbol> libraries, IReadOnlyList<CheckedProbe> probes,
        SemanticModel globalModel, bool hasReports)
    {
        Syntax = syntax;
        Diagnostics = diagnostics;
        Globals = globals;
        Functions = functions;
        Libraries = libraries;
        Probes = probes;
        GlobalModel = globalModel;
        HasReports = hasReports;
    }

    /// <summary>The script as parsed.</summary>
    public ScriptSyntax Syntax { get; }

    /// <summary>Every diagnostic of parsing and checking, sorted by position.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when a diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The script globals in source order.</summary>
    public IReadOnlyList<VariableSymbol> Globals { get; }

    /// <summary>The user-defined functions in source order.</summary>
    public IReadOnlyList<CheckedFunction> Functions { get; }

    /// <summary>The libraries named by <c>use</c>, in source order (<c>whamm_core</c> only when named).</summary>
    public IReadOnlyList<LibrarySymbol> Libraries { get; }

    /// <summary>The probes in source order.</summary>
    public IReadOnlyList<CheckedProbe> Probes { get; }

    /// <summary>Types and symbols of the global statements.</summary>
    public SemanticModel GlobalModel { get; }

    /// <summary>True when the script declares a <c>report</c> variable or has a <c>wasm:report</c> probe (an end-of-run report is needed).</summary>
    public bool HasReports { get; }
}
