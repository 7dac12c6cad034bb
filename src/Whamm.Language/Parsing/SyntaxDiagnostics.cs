using Whamm.Language.Diagnostics;

namespace Whamm.Language.Parsing;

/// <summary>
/// The diagnostics of the lexer and parser (ids WH0001–WH0999). Ids are stable: never renumber or
/// reuse one; add new ones at the end.
/// </summary>
public static class SyntaxDiagnostics
{
    private static DiagnosticDescriptor Error(string id, string format) =>
        new(id, DiagnosticKind.ParsingError, DiagnosticSeverity.Error, format);

    // ---- Lexical -----------------------------------------------------------------------------

    /// <summary>WH0001: a character that starts no token.</summary>
    public static readonly DiagnosticDescriptor UnexpectedCharacter =
        Error("WH0001", "unexpected character {0}");

    /// <summary>WH0002: a string literal without its closing quote.</summary>
    public static readonly DiagnosticDescriptor UnterminatedString =
        Error("WH0002", "unterminated string literal");

    /// <summary>WH0003: an unknown escape sequence in a string literal.</summary>
    public static readonly DiagnosticDescriptor InvalidEscape =
        Error("WH0003", "unknown escape sequence `{0}` (the escapes are \\n \\r \\t \\\" \\' \\\\ \\0 \\xHH \\u{{H…}})");

    /// <summary>WH0004: a <c>/*</c> comment without its closing <c>*/</c> (block comments nest).</summary>
    public static readonly DiagnosticDescriptor UnterminatedComment =
        Error("WH0004", "unterminated block comment (block comments nest: each `/*` needs its own `*/`)");

    /// <summary>WH0005: a malformed number literal.</summary>
    public static readonly DiagnosticDescriptor InvalidNumber =
        Error("WH0005", "invalid number literal `{0}`: {1}");

    /// <summary>WH0006: an integer literal outside the range Whamm accepts.</summary>
    public static readonly DiagnosticDescriptor IntegerOutOfRange =
        Error("WH0006", "integer literal `{0}` is out of range: {1}");

    /// <summary>WH0007: a decimal literal with a leading zero.</summary>
    public static readonly DiagnosticDescriptor LeadingZero =
        Error("WH0007", "decimal literal `{0}` has a leading zero: write `{1}` (hexadecimal and binary literals start with `0x` and `0b`)");

    /// <summary>WH0008: a malformed <c>\xHH</c> or <c>\u{…}</c> escape.</summary>
    public static readonly DiagnosticDescriptor InvalidUnicodeEscape =
        Error("WH0008", "invalid escape `{0}`: {1}");

    /// <summary>WH0009: <c>@</c> without a name after it.</summary>
    public static readonly DiagnosticDescriptor MissingAnnotationName =
        Error("WH0009", "expected an annotation name right after `@` (`@static` or `@init`)");

    // ---- Syntax ------------------------------------------------------------------------------

    /// <summary>WH0010: a required token is missing.</summary>
    public static readonly DiagnosticDescriptor ExpectedToken =
        Error("WH0010", "expected {0}, found {1}");

    /// <summary>WH0011: an expression is missing.</summary>
    public static readonly DiagnosticDescriptor ExpectedExpression =
        Error("WH0011", "expected an expression, found {0}");

    /// <summary>WH0012: something that cannot start a top-level item.</summary>
    public static readonly DiagnosticDescriptor ExpectedMember =
        Error("WH0012", "expected a probe, a `fn` definition, `use` or a statement, found {0}");

    /// <summary>WH0013: a type is missing or misspelt.</summary>
    public static readonly DiagnosticDescriptor ExpectedType =
        Error("WH0013", "expected a type (u8, i8, u16, i16, u32, i32, f32, u64, i64, f64, bool, str, a tuple `(T, …)` or `map<K, V>`), found {0}");

    /// <summary>WH0014: the script has no probe at all.</summary>
    public static readonly DiagnosticDescriptor NoProbe =
        Error("WH0014", "the script has no probe: a script needs at least one `provider:package:event:mode {{ … }}`");

    /// <summary>WH0015: <c>var argN</c>, a name reserved for stack arguments.</summary>
    public static readonly DiagnosticDescriptor ReservedArgumentName =
        Error("WH0015", "`{0}` is reserved for the instruction's stack arguments; to give it a type, bound it on the rule instead, e.g. `wasm:opcode:call({0}: i32):before`");

    /// <summary>WH0016: <c>report report var</c>.</summary>
    public static readonly DiagnosticDescriptor DuplicateModifier =
        Error("WH0016", "variable marked `{0}` more than once");

    /// <summary>WH0017: <c>use</c> after the first probe.</summary>
    public static readonly DiagnosticDescriptor UseAfterProbe =
        Error("WH0017", "`use {0};` must come before the first probe");

    /// <summary>WH0018: an annotation other than <c>@static</c> and <c>@init</c>.</summary>
    public static readonly DiagnosticDescriptor InvalidAnnotation =
        Error("WH0018", "`{0}` is not a valid annotation (expected `@static` or `@init`)");

    /// <summary>WH0019: an annotation not followed by <c>lib.f(…)</c>.</summary>
    public static readonly DiagnosticDescriptor AnnotationNeedsLibraryCall =
        Error("WH0019", "`{0}` must be followed by a library call `lib.function(…)`");

    /// <summary>WH0020: <c>@init</c> used inside an expression.</summary>
    public static readonly DiagnosticDescriptor InitMustBeStatement =
        Error("WH0020", "an `@init` call must be a statement of its own: `@init lib.function(…);`");

    /// <summary>WH0021: assignment to something that is not a variable, map entry or tuple element.</summary>
    public static readonly DiagnosticDescriptor InvalidAssignmentTarget =
        Error("WH0021", "cannot assign to this expression: the target must be a variable, a map entry `m[k]` or a tuple element `t.0`");

    /// <summary>WH0022: <c>++</c>/<c>--</c> applied to something that is not a variable, map entry or tuple element.</summary>
    public static readonly DiagnosticDescriptor InvalidIncrementTarget =
        Error("WH0022", "cannot apply `{0}` to this expression: the target must be a variable, a map entry `m[k]` or a tuple element `t.0`");

    /// <summary>WH0023: an expression statement that is not a call.</summary>
    public static readonly DiagnosticDescriptor ExpressionIsNotStatement =
        Error("WH0023", "this expression is not a statement: only calls, assignments, declarations, `x++`/`x--`, `if` and `return` are");

    /// <summary>WH0024: a probe rule with no body.</summary>
    public static readonly DiagnosticDescriptor ProbeWithoutBody =
        Error("WH0024", "a probe needs a body: expected `{{` after the rule{0}, found {1}");

    /// <summary>WH0025: a rule with more than four parts.</summary>
    public static readonly DiagnosticDescriptor TooManyRuleParts =
        Error("WH0025", "a probe rule has at most four parts (`provider:package:event:mode`), this one has {0}");

    /// <summary>WH0026: a rule with a single part.</summary>
    public static readonly DiagnosticDescriptor TooFewRuleParts =
        Error("WH0026", "a probe rule has at least two parts (`provider:package`), found `{0}`");

    /// <summary>WH0027: a malformed glob pattern in a rule part.</summary>
    public static readonly DiagnosticDescriptor InvalidPattern =
        Error("WH0027", "invalid pattern `{0}`: {1}");

    /// <summary>WH0028: <c>()</c> as a type-bound group.</summary>
    public static readonly DiagnosticDescriptor EmptyTypeBounds =
        Error("WH0028", "a type-bound group needs at least one `name: type`");

    /// <summary>WH0029: a cast to a tuple or map type.</summary>
    public static readonly DiagnosticDescriptor CastTargetNotPrimitive =
        Error("WH0029", "the target of `as` must be a primitive type, found `{0}`");

    /// <summary>WH0030: <c>x++</c>/<c>x--</c> inside an expression.</summary>
    public static readonly DiagnosticDescriptor IncrementIsStatement =
        Error("WH0030", "`{0}` is a statement, not an operator in an expression: write `x{0};` on a line of its own");

    /// <summary>WH0031: a <c>while</c> loop.</summary>
    public static readonly DiagnosticDescriptor WhileNotSupported =
        Error("WH0031", "`while` loops are not supported (`while` is a reserved word)");

    /// <summary>WH0032: a bare block inside a block or at the top level.</summary>
    public static readonly DiagnosticDescriptor NestedBlock =
        Error("WH0032", "a block `{{ … }}` can only be the body of a probe, a function, or an `if`/`elif`/`else` branch");

    /// <summary>WH0033: <c>fn</c>, <c>use</c> or a probe inside a block.</summary>
    public static readonly DiagnosticDescriptor MisplacedMember =
        Error("WH0033", "{0} is only allowed at the top level of the script");

    /// <summary>WH0034: a block whose closing brace is missing.</summary>
    public static readonly DiagnosticDescriptor UnclosedBlock =
        Error("WH0034", "this `{{` is never closed");

    /// <summary>WH0035: a stray <c>;</c> (for example after the <c>}}</c> of an <c>if</c>).</summary>
    public static readonly DiagnosticDescriptor StraySemicolon =
        Error("WH0035", "unexpected `;`{0}");

    /// <summary>WH0036: <c>else if</c>, written <c>elif</c> in Whamm.</summary>
    public static readonly DiagnosticDescriptor ElseIf =
        Error("WH0036", "`else if` is written `elif` in Whamm");

    /// <summary>WH0037: <c>elif</c>/<c>else</c> with no <c>if</c> before it.</summary>
    public static readonly DiagnosticDescriptor ElseWithoutIf =
        Error("WH0037", "`{0}` without an `if` before it");

    /// <summary>WH0038: <c>x.</c> followed by neither a tuple index nor a method call.</summary>
    public static readonly DiagnosticDescriptor InvalidMemberAccess =
        Error("WH0038", "expected a tuple index (`t.0`) or a method call (`s.len()`) after `.`, found {0}");

    /// <summary>WH0039: nesting beyond the parser's limits.</summary>
    public static readonly DiagnosticDescriptor NestingTooDeep =
        Error("WH0039", "this is nested too deeply (the limit is {0} levels)");

    /// <summary>WH0040: the catalogue-only type <c>unknown</c> in a script.</summary>
    public static readonly DiagnosticDescriptor UnknownTypeInScript =
        Error("WH0040", "`unknown` is only used in event declarations; give a concrete type");

    /// <summary>WH0041: <c>var x;</c> without a type.</summary>
    public static readonly DiagnosticDescriptor MissingDeclarationType =
        Error("WH0041", "a declaration needs a type: `var {0}: T`");

    /// <summary>WH0042: text left after a rule, type or expression parsed on its own.</summary>
    public static readonly DiagnosticDescriptor UnexpectedTrailingText =
        Error("WH0042", "unexpected {0} after the end of the {1}");

    /// <summary>WH0044: the parser gives up after <see cref="Parser.MaxErrors"/> errors.</summary>
    public static readonly DiagnosticDescriptor TooManyErrors =
        Error("WH0044", "too many syntax errors ({0}); not parsing the rest of the script");

    // ---- Warnings ----------------------------------------------------------------------------

    /// <summary>WH0043 (warning): <c>&amp;&amp;</c> and <c>||</c> mixed without parentheses.</summary>
    public static readonly DiagnosticDescriptor MixedLogicalOperators =
        new("WH0043", DiagnosticKind.ParsingWarning, DiagnosticSeverity.Warning,
            "`&&` and `||` mixed without parentheses: {0}; add parentheses to make the grouping explicit");
}
