namespace Whamm.Language.Syntax;

/// <summary>The primitive types a script can name.</summary>
public enum PrimitiveTypeKind
{
    /// <summary><c>u8</c></summary>
    U8,
    /// <summary><c>i8</c></summary>
    I8,
    /// <summary><c>u16</c></summary>
    U16,
    /// <summary><c>i16</c></summary>
    I16,
    /// <summary><c>u32</c></summary>
    U32,
    /// <summary><c>i32</c></summary>
    I32,
    /// <summary><c>f32</c></summary>
    F32,
    /// <summary><c>u64</c></summary>
    U64,
    /// <summary><c>i64</c></summary>
    I64,
    /// <summary><c>f64</c></summary>
    F64,
    /// <summary><c>bool</c></summary>
    Bool,
    /// <summary><c>str</c></summary>
    Str,
    /// <summary><c>funcref</c></summary>
    FuncRef,
    /// <summary><c>unknown</c>: only in event-catalogue declarations (dynamically typed bound variables).</summary>
    Unknown,
}
