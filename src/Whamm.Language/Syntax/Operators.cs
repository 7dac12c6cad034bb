namespace Whamm.Language.Syntax;

/// <summary>Binary operators, listed from the loosest-binding to the tightest (see <see cref="SyntaxFacts.GetPrecedence"/>).</summary>
public enum BinaryOperator
{
    /// <summary><c>||</c> (short-circuit)</summary>
    LogicalOr,
    /// <summary><c>&amp;&amp;</c> (short-circuit; binds tighter than <c>||</c>, unlike Whamm 1.0)</summary>
    LogicalAnd,
    /// <summary><c>|</c></summary>
    BitwiseOr,
    /// <summary><c>^</c></summary>
    BitwiseXor,
    /// <summary><c>&amp;</c></summary>
    BitwiseAnd,
    /// <summary><c>==</c></summary>
    Equal,
    /// <summary><c>!=</c></summary>
    NotEqual,
    /// <summary><c>&lt;</c></summary>
    Less,
    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,
    /// <summary><c>&gt;</c></summary>
    Greater,
    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,
    /// <summary><c>&lt;&lt;</c></summary>
    ShiftLeft,
    /// <summary><c>&gt;&gt;</c> (arithmetic or logical by the operand's signedness)</summary>
    ShiftRight,
    /// <summary><c>+</c></summary>
    Add,
    /// <summary><c>-</c></summary>
    Subtract,
    /// <summary><c>*</c></summary>
    Multiply,
    /// <summary><c>/</c></summary>
    Divide,
    /// <summary><c>%</c></summary>
    Remainder,
}

/// <summary>Prefix operators.</summary>
public enum UnaryOperator
{
    /// <summary><c>!</c> (logical not, on <c>bool</c>)</summary>
    LogicalNot,
    /// <summary><c>~</c> (bitwise not, on integers)</summary>
    BitwiseNot,
    /// <summary><c>-</c> (negation of any numeric expression; our addition)</summary>
    Negate,
}

/// <summary>The annotation in front of a library call.</summary>
public enum CallAnnotation
{
    /// <summary>A plain call, evaluated when the code runs.</summary>
    None,
    /// <summary><c>@static lib.f(…)</c>: evaluated at match time, once per match site.</summary>
    Static,
    /// <summary><c>@init lib.f(…);</c>: run once per match site at initialization (a statement of its own).</summary>
    Init,
}

/// <summary>Modifiers of a variable declaration.</summary>
public enum ModifierKind
{
    /// <summary><c>report</c>: flushed in the end-of-run report (implies <c>unshared</c> inside a probe).</summary>
    Report,
    /// <summary><c>unshared</c>: one instance per match site.</summary>
    Unshared,
}
