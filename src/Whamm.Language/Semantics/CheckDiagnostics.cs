using Whamm.Language.Diagnostics;

namespace Whamm.Language.Semantics;

/// <summary>
/// The diagnostics of the type checker (ids WH2000–WH2999). Ids are stable: never renumber or reuse
/// one; add new ones at the end. Where the reference (§1.6–§1.13) has a message, its words are kept.
/// </summary>
public static class CheckDiagnostics
{
    private static DiagnosticDescriptor Error(string id, string format) =>
        new(id, DiagnosticKind.TypeCheckError, DiagnosticSeverity.Error, format);

    private static DiagnosticDescriptor Duplicate(string id, string format) =>
        new(id, DiagnosticKind.DuplicateIdentifierError, DiagnosticSeverity.Error, format);

    private static DiagnosticDescriptor Warning(string id, string format) =>
        new(id, DiagnosticKind.TypeCheckWarning, DiagnosticSeverity.Warning, format);

    // ---- Names -------------------------------------------------------------------------------

    /// <summary>WH2000: a name that resolves to nothing.</summary>
    public static readonly DiagnosticDescriptor NameNotFound =
        Error("WH2000", "`{0}` not found in symbol table{1}");

    /// <summary>WH2001: a dynamically typed bound variable (<c>argN</c> of a call, <c>localN</c>, …) used without a type bound.</summary>
    public static readonly DiagnosticDescriptor NeedsTypeBound =
        Error("WH2001", "`{0}` has no type at `{1}`: give it a type bound on the rule, e.g. `{2}`");

    /// <summary>WH2002: a type bound on a static or otherwise not dynamically typed variable (the reference's wording).</summary>
    public static readonly DiagnosticDescriptor TypeBoundOnStaticVariable =
        Error("WH2002", "Type bounds should only be done for dynamically defined compiler variables (e.g. argN, localN): `{0}` is a static variable of type `{1}` at `{2}`");

    /// <summary>WH2003 (warning): a type bound on a name that is no variable of any matched event, so the probe never runs.</summary>
    public static readonly DiagnosticDescriptor TypeBoundUnknownVariable =
        new("WH2003", DiagnosticKind.ProbeWarning, DiagnosticSeverity.Warning,
            "this probe never runs: `{0}` is not a variable of any event this rule matches, and a type bound only keeps the events that have it");

    /// <summary>WH2004: the same name bound twice in one rule.</summary>
    public static readonly DiagnosticDescriptor DuplicateTypeBound =
        Duplicate("WH2004", "`{0}` has more than one type bound in this rule");

    /// <summary>WH2005: a type bound to a type no Wasm value has.</summary>
    public static readonly DiagnosticDescriptor InvalidTypeBound =
        Error("WH2005", "a type bound must be a number type, `bool` or `funcref`, found `{0}`");

    /// <summary>WH2006 (warning): type bounds that exclude every event the rule matches.</summary>
    public static readonly DiagnosticDescriptor TypeBoundsExcludeEverything =
        new("WH2006", DiagnosticKind.ProbeWarning, DiagnosticSeverity.Warning,
            "this probe never runs: `{0}: {1}` is incompatible with the type of `{0}` in every event the rule matches ({2})");

    // ---- Types and conversions ---------------------------------------------------------------

    /// <summary>WH2010: a non-literal value of another type where a type is expected (the reference's CastError).</summary>
    public static readonly DiagnosticDescriptor ImplicitCast =
        Error("WH2010", "Cannot implicitly cast {0} of type `{1}` to `{2}`. Please add an explicit cast: `… as {2}`");

    /// <summary>WH2011: a value of an unrelated type where a type is expected.</summary>
    public static readonly DiagnosticDescriptor TypeMismatch =
        Error("WH2011", "Type Mismatch: expected `{0}`{2}, found `{1}`");

    /// <summary>WH2012: an integer literal too large for the type its context gives it.</summary>
    public static readonly DiagnosticDescriptor IntegerLiteralOutOfRange =
        Error("WH2012", "integer literal `{0}` is out of min/max range for `{1}` ({2} to {3})");

    /// <summary>WH2013: a float literal too large for <c>f32</c>.</summary>
    public static readonly DiagnosticDescriptor FloatLiteralOutOfRange =
        Error("WH2013", "float literal `{0}` is out of min/max range for `f32`");

    /// <summary>WH2014: the operands of a binary operator have different types.</summary>
    public static readonly DiagnosticDescriptor OperandTypesDiffer =
        Error("WH2014", "Different types for lhs and rhs of `{0}`: `{1}` and `{2}`{3}");

    /// <summary>WH2015: an operator applied to a type it is not defined on.</summary>
    public static readonly DiagnosticDescriptor OperatorNotAllowed =
        Error("WH2015", "The {0} operation not allowed on type: {1}");

    /// <summary>WH2016: a condition (<c>if</c>, <c>elif</c>, ternary) that is not a <c>bool</c>.</summary>
    public static readonly DiagnosticDescriptor ConditionNotBool =
        Error("WH2016", "Condition must be of type boolean, found `{0}`");

    /// <summary>WH2017: a predicate that is not a <c>bool</c>.</summary>
    public static readonly DiagnosticDescriptor PredicateNotBool =
        Error("WH2017", "Predicate must be of type boolean, found `{0}`");

    /// <summary>WH2018: ternary branches of different types.</summary>
    public static readonly DiagnosticDescriptor TernaryBranchesDiffer =
        Error("WH2018", "Consequent and alternative must have the same type: `{0}` and `{1}`");

    /// <summary>WH2019: a cast between types that do not convert.</summary>
    public static readonly DiagnosticDescriptor InvalidCast =
        Error("WH2019", "cannot cast `{0}` to `{1}`: `as` converts between numbers and `bool`");

    /// <summary>WH2020: indexing something that is not a map.</summary>
    public static readonly DiagnosticDescriptor NotAMap =
        Error("WH2020", "Expected Map type: `{0}` has type `{1}`, so it cannot be indexed with `[…]`");

    /// <summary>WH2021: <c>.N</c> on something that is not a tuple.</summary>
    public static readonly DiagnosticDescriptor NotATuple =
        Error("WH2021", "`.{0}` needs a tuple, found a value of type `{1}`");

    /// <summary>WH2022: <c>.N</c> past the end of a tuple.</summary>
    public static readonly DiagnosticDescriptor TupleIndexOutOfRange =
        Error("WH2022", "the tuple type `{0}` has no element {1} (it has {2})");

    /// <summary>WH2023: a map type whose key is a map (the reference's wording).</summary>
    public static readonly DiagnosticDescriptor MapKeyIsMap =
        Error("WH2023", "Map keys cannot be maps");

    /// <summary>WH2024: a tuple type or value holding a map (the reference's wording).</summary>
    public static readonly DiagnosticDescriptor TupleContainsMap =
        Error("WH2024", "Tuples cannot contain maps");

    /// <summary>WH2025: <c>==</c>/<c>!=</c> on values that cannot be compared.</summary>
    public static readonly DiagnosticDescriptor NotComparable =
        Error("WH2025", "values of type `{0}` cannot be compared with `{1}`");

    // ---- Calls -------------------------------------------------------------------------------

    /// <summary>WH2030: calling something that is not a function.</summary>
    public static readonly DiagnosticDescriptor NotAFunction =
        Error("WH2030", "`{0}` is {1}, not a function");

    /// <summary>WH2031: a function used as a value.</summary>
    public static readonly DiagnosticDescriptor FunctionAsValue =
        Error("WH2031", "`{0}` is a function; call it: `{0}(…)`");

    /// <summary>WH2032: a call with the wrong number of arguments.</summary>
    public static readonly DiagnosticDescriptor ArgumentCount =
        Error("WH2032", "`{0}` takes {1} argument{2} but {3} {4} given");

    /// <summary>WH2033: an argument of the wrong type (the reference's wording).</summary>
    public static readonly DiagnosticDescriptor ArgumentType =
        Error("WH2033", "Expected type `{0}` for param {1} of `{2}`, got `{3}`{4}");

    /// <summary>WH2034: a library function that does not exist.</summary>
    public static readonly DiagnosticDescriptor UnknownLibraryFunction =
        Error("WH2034", "Could not find function for the invocation: the library `{0}` exports no function `{1}`");

    /// <summary>WH2035: a method that does not exist on the receiver's type.</summary>
    public static readonly DiagnosticDescriptor UnknownMethod =
        Error("WH2035", "type `{0}` has no method `{1}`{2}");

    /// <summary>WH2036: a library export scripts cannot call (multiple results, types without a Whamm type).</summary>
    public static readonly DiagnosticDescriptor UnsupportedLibraryFunction =
        Error("WH2036", "`{0}.{1}` cannot be called from a script: {2}");

    /// <summary>WH2037: <c>@static</c>/<c>@init</c> on a call that is not a library call.</summary>
    public static readonly DiagnosticDescriptor AnnotationNeedsLibrary =
        Error("WH2037", "`{0}` only applies to library calls `lib.function(…)`; `{1}` is not a library");

    /// <summary>WH2038: a user-defined function called at the top level (the reference's wording).</summary>
    public static readonly DiagnosticDescriptor UserFunctionAtGlobalScope =
        Error("WH2038", "Function calls to user def functions are not allowed in the global state of the script");

    /// <summary>WH2039: a library name used as a value.</summary>
    public static readonly DiagnosticDescriptor LibraryAsValue =
        Error("WH2039", "`{0}` is a library: call its functions (`{0}.function(…)`) or pass it to `memid`");

    // ---- Libraries ---------------------------------------------------------------------------

    /// <summary>WH2040: <c>use NAME;</c> for a library that was not supplied.</summary>
    public static readonly DiagnosticDescriptor LibraryNotConfigured =
        Error("WH2040", "The script uses a library, but it wasn't configured: supply `{0}` (with the CLI, `--user-libs {0}=path/to/{0}.wasm`)");

    /// <summary>WH2041: calling a supplied library that the script does not <c>use</c>.</summary>
    public static readonly DiagnosticDescriptor LibraryNotImported =
        Error("WH2041", "`{0}` not found in symbol table: add `use {0};` before the first probe to call the library `{0}`");

    /// <summary>WH2042: <c>memid</c> of a library that exports no memory.</summary>
    public static readonly DiagnosticDescriptor LibraryHasNoMemory =
        Error("WH2042", "the library `{0}` exports no memory, so `memid({0})` has no value");

    // ---- Static evaluation and initialization ------------------------------------------------

    /// <summary>WH2045: a run-time value in the arguments of an <c>@static</c> call.</summary>
    public static readonly DiagnosticDescriptor NotStatic =
        Error("WH2045", "{0} is not known at compile time{1}: the arguments of a `@static` call must be literals, static bound variables such as `fid` or `pc`, static built-ins or other `@static` calls");

    /// <summary>WH2046: probe-local state in an <c>unshared</c>/<c>report</c> initializer or <c>@init</c> call (the reference's wording).</summary>
    public static readonly DiagnosticDescriptor ProbeStateInInitializer =
        Error("WH2046", "Cannot use the probe-local state to initialize this variable with special scoping. Hint: split out the variable's initialization from the declaration.{0}");

    /// <summary>WH2047: a run-time compiler function in an <c>unshared</c>/<c>report</c> initializer or <c>@init</c> call (the reference's wording).</summary>
    public static readonly DiagnosticDescriptor DynamicFunctionInInitializer =
        Error("WH2047", "Cannot use a non-static compiler function to initialize this variable with special scoping. Hint: split out the variable's initialization from the declaration.{0}");

    // ---- Declarations ------------------------------------------------------------------------

    /// <summary>WH2050: a name declared twice (or a local that shadows a global: the reference forbids shadowing).</summary>
    public static readonly DiagnosticDescriptor DuplicateDefinition =
        Duplicate("WH2050", "duplicate definitions for `{0}`");

    /// <summary>WH2051: a script name that hides a compiler-defined variable or function.</summary>
    public static readonly DiagnosticDescriptor ShadowsCompilerDefinition =
        Duplicate("WH2051", "`{0}` is already defined by the compiler ({1}); choose another name");

    /// <summary>WH2052: <c>report</c>/<c>unshared</c> inside a function (the reference's wording).</summary>
    public static readonly DiagnosticDescriptor SpecialDeclarationInFunction =
        Error("WH2052", "Special declarations are not allowed in the functions: `{0}` variables live per match site, and a function has none");

    /// <summary>WH2053 (warning): <c>unshared</c> on a global, which changes nothing.</summary>
    public static readonly DiagnosticDescriptor UnsharedGlobal =
        Warning("WH2053", "`unshared` has no effect on a global variable: a global already has one instance for the whole run");

    /// <summary>WH2054 (warning): a probe-local map, created afresh at every execution.</summary>
    public static readonly DiagnosticDescriptor ProbeLocalMap =
        Warning("WH2054", "the map `{0}` is created afresh every time the probe runs; declare it `unshared` (one per match site) or at the top level to keep its contents");

    // ---- Statements and assignments ----------------------------------------------------------

    /// <summary>WH2060: a statement kind the top level does not allow (the reference's wording).</summary>
    public static readonly DiagnosticDescriptor StatementNotAllowedAtGlobalScope =
        Error("WH2060", "Only variable declarations, user lib imports, function calls, library function calls, and assignment are allowed in the global scope, found {0}");

    /// <summary>WH2061: assigning to something that cannot be assigned.</summary>
    public static readonly DiagnosticDescriptor NotAssignable =
        Error("WH2061", "cannot assign to `{0}`: {1}");

    /// <summary>WH2062: <c>++</c>/<c>--</c> on a value that is not a number.</summary>
    public static readonly DiagnosticDescriptor IncrementNeedsNumber =
        Error("WH2062", "`{0}` needs a number, found a value of type `{1}`");

    /// <summary>WH2063: <c>return value;</c> in a probe that is not <c>alt</c>.</summary>
    public static readonly DiagnosticDescriptor ReturnValueOutsideAlt =
        Error("WH2063", "only an `alt` probe can return a value (it stands in for the replaced instruction's result), and `{0}` is not one; write `return;` to leave the probe early");

    /// <summary>WH2064: <c>return value;</c> in an <c>alt</c> probe of an instruction without results.</summary>
    public static readonly DiagnosticDescriptor ReturnValueWithoutResult =
        Error("WH2064", "`{0}` has no result for the probe to stand in for, so the `alt` probe cannot return a value");

    /// <summary>WH2065: <c>return;</c> in a function that returns a value.</summary>
    public static readonly DiagnosticDescriptor MissingReturnValue =
        Error("WH2065", "the function `{0}` returns `{1}`, so `return` needs a value");

    /// <summary>WH2066: <c>return value;</c> in a function without a result type.</summary>
    public static readonly DiagnosticDescriptor ReturnValueInUnitFunction =
        Error("WH2066", "the function `{0}` has no result type (add `-> {1}` to its signature to return a value)");

    /// <summary>WH2067: a function with a result type whose body can end without returning.</summary>
    public static readonly DiagnosticDescriptor NotAllPathsReturn =
        Error("WH2067", "the function `{0}` returns `{1}`, but its body can end without a `return`");

    /// <summary>WH2068 (warning): statements after a <c>return</c> (the reference's wording).</summary>
    public static readonly DiagnosticDescriptor UnreachableCode =
        Warning("WH2068", "Unreachable code detected, these statement(s) will not be executed");

    /// <summary>WH2069: a result variable (<c>resN</c>) outside an <c>after</c> probe.</summary>
    public static readonly DiagnosticDescriptor ResultOutsideAfter =
        Error("WH2069", "`{0}` is only available in `after` probes: {1}");

    /// <summary>WH2070 (warning): a variable only the engine interface target provides.</summary>
    public static readonly DiagnosticDescriptor EngineOnlyVariable =
        Warning("WH2070", "`{0}` is only provided by the engine interface target (`--wei`); bytecode rewriting has no value for it");

    /// <summary>WH2071: an expression nested too deeply for the checker (a limit, not a language rule).</summary>
    public static readonly DiagnosticDescriptor TooDeep =
        Error("WH2071", "this expression is nested too deeply to check");
}
