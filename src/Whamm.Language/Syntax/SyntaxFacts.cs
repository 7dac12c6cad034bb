namespace Whamm.Language.Syntax;

/// <summary>Spellings and precedences of the language's operators, keywords and type names.</summary>
public static class SyntaxFacts
{
    /// <summary>The lowest binary precedence (<c>||</c>); the ternary <c>?:</c> binds looser still.</summary>
    public const int LowestBinaryPrecedence = 1;

    /// <summary>
    /// How tightly <paramref name="op"/> binds (higher binds tighter), C-like:
    /// <c>||</c> 1, <c>&amp;&amp;</c> 2, <c>|</c> 3, <c>^</c> 4, <c>&amp;</c> 5, comparisons 6,
    /// shifts 7, <c>+ -</c> 8, <c>* / %</c> 9. Prefix operators and <c>as</c> bind tighter than all of
    /// them. Whamm 1.0 differs only in giving <c>&amp;&amp;</c> and <c>||</c> one level.
    /// </summary>
    public static int GetPrecedence(BinaryOperator op) => op switch
    {
        BinaryOperator.LogicalOr => 1,
        BinaryOperator.LogicalAnd => 2,
        BinaryOperator.BitwiseOr => 3,
        BinaryOperator.BitwiseXor => 4,
        BinaryOperator.BitwiseAnd => 5,
        BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.Less or BinaryOperator.LessOrEqual
            or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual => 6,
        BinaryOperator.ShiftLeft or BinaryOperator.ShiftRight => 7,
        BinaryOperator.Add or BinaryOperator.Subtract => 8,
        BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Remainder => 9,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>The spelling of <paramref name="op"/>.</summary>
    public static string GetText(BinaryOperator op) => op switch
    {
        BinaryOperator.LogicalOr => "||",
        BinaryOperator.LogicalAnd => "&&",
        BinaryOperator.BitwiseOr => "|",
        BinaryOperator.BitwiseXor => "^",
        BinaryOperator.BitwiseAnd => "&",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.ShiftLeft => "<<",
        BinaryOperator.ShiftRight => ">>",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Remainder => "%",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>The spelling of <paramref name="op"/>.</summary>
    public static string GetText(UnaryOperator op) => op switch
    {
        UnaryOperator.LogicalNot => "!",
        UnaryOperator.BitwiseNot => "~",
        UnaryOperator.Negate => "-",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>The keyword of <paramref name="kind"/>.</summary>
    public static string GetText(ModifierKind kind) => kind == ModifierKind.Report ? "report" : "unshared";

    /// <summary>The keyword of <paramref name="annotation"/> (<c>@static</c>, <c>@init</c>, or empty).</summary>
    public static string GetText(CallAnnotation annotation) => annotation switch
    {
        CallAnnotation.Static => "@static",
        CallAnnotation.Init => "@init",
        _ => "",
    };

    /// <summary>The name of <paramref name="kind"/> as written in scripts.</summary>
    public static string GetText(PrimitiveTypeKind kind) => kind switch
    {
        PrimitiveTypeKind.U8 => "u8",
        PrimitiveTypeKind.I8 => "i8",
        PrimitiveTypeKind.U16 => "u16",
        PrimitiveTypeKind.I16 => "i16",
        PrimitiveTypeKind.U32 => "u32",
        PrimitiveTypeKind.I32 => "i32",
        PrimitiveTypeKind.F32 => "f32",
        PrimitiveTypeKind.U64 => "u64",
        PrimitiveTypeKind.I64 => "i64",
        PrimitiveTypeKind.F64 => "f64",
        PrimitiveTypeKind.Bool => "bool",
        PrimitiveTypeKind.Str => "str",
        PrimitiveTypeKind.FuncRef => "funcref",
        PrimitiveTypeKind.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The primitive type named <paramref name="name"/> (case-sensitive), if any; <c>unknown</c> is included.</summary>
    public static bool TryGetPrimitiveType(string name, out PrimitiveTypeKind kind)
    {
        kind = name switch
        {
            "u8" => PrimitiveTypeKind.U8,
            "i8" => PrimitiveTypeKind.I8,
            "u16" => PrimitiveTypeKind.U16,
            "i16" => PrimitiveTypeKind.I16,
            "u32" => PrimitiveTypeKind.U32,
            "i32" => PrimitiveTypeKind.I32,
            "f32" => PrimitiveTypeKind.F32,
            "u64" => PrimitiveTypeKind.U64,
            "i64" => PrimitiveTypeKind.I64,
            "f64" => PrimitiveTypeKind.F64,
            "bool" => PrimitiveTypeKind.Bool,
            "str" => PrimitiveTypeKind.Str,
            "funcref" => PrimitiveTypeKind.FuncRef,
            "unknown" => PrimitiveTypeKind.Unknown,
            _ => (PrimitiveTypeKind)(-1),
        };
        return kind >= 0;
    }

    /// <summary>
    /// True for <c>argN</c> (<c>arg</c> followed by one or more digits): names reserved for an
    /// instruction's stack arguments, which a <c>var</c> declaration may not use.
    /// </summary>
    public static bool IsReservedArgumentName(string name) =>
        name.Length > 3 && name.StartsWith("arg", StringComparison.Ordinal) && !name.AsSpan(3).ContainsAnyExceptInRange('0', '9');
}
