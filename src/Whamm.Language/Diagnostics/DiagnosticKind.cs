namespace Whamm.Language.Diagnostics;

/// <summary>
/// The error kinds of Whamm 1.0 (printed as <c>error[Kind]</c>), plus <see cref="ParsingWarning"/>
/// for warnings that the parser itself gives.
/// </summary>
public enum DiagnosticKind
{
    /// <summary>The script is not well-formed, or a probe rule matches nothing.</summary>
    ParsingError,

    /// <summary>A type or scoping error found by the type checker.</summary>
    TypeCheckError,

    /// <summary>A name defined twice in one scope.</summary>
    DuplicateIdentifierError,

    /// <summary>A probe cannot be injected at a match site.</summary>
    InstrumentationError,

    /// <summary>A construct the Wizard engine interface target does not support.</summary>
    WeiError,

    /// <summary>A constant computation that fails (division by zero, a trapping cast).</summary>
    ArithmeticError,

    /// <summary>A bug in the compiler.</summary>
    InternalError,

    /// <summary>A feature that is not implemented.</summary>
    Unimplemented,

    /// <summary>Anything else (files, configuration).</summary>
    GeneralError,

    /// <summary>A warning from the parser (our addition: Whamm 1.0 has no parser warnings).</summary>
    ParsingWarning,

    /// <summary>A warning from the type checker (for example unreachable code).</summary>
    TypeCheckWarning,

    /// <summary>A warning about a probe (for example a probe with no body).</summary>
    ProbeWarning,
}
