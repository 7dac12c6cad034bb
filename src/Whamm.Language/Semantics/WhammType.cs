using System.Text;
using Whamm.Language.Syntax;
using Whamm.Wasm.Types;

namespace Whamm.Language.Semantics;

/// <summary>
/// The kinds of <see cref="WhammType"/>. The value types come in the reference's type-id order
/// (§1.3: u8, i8, u16, i16, u32, i32, f32, u64, i64, f64, bool, str, funcref, tuple, map), which is
/// also the order report variables are flushed in; the internal kinds follow.
/// </summary>
public enum WhammTypeKind : byte
{
#pragma warning disable CS1591 // the Whamm type names
    U8, I8, U16, I16, U32, I32, F32, U64, I64, F64, Bool, Str, FuncRef, Tuple, Map,
#pragma warning restore CS1591
    /// <summary>A dynamically typed bound variable (<c>argN</c>, <c>localN</c>, …): a probe gives it a type with a type bound.</summary>
    Unknown,
    /// <summary>A <c>use</c>d library name (the parameter of <c>memid</c>).</summary>
    Library,
    /// <summary>
    /// The type of an expression that already has an error (the reference's <c>assume_good</c>): it is
    /// compatible with everything, so one mistake gives one diagnostic.
    /// </summary>
    Error,
}

/// <summary>
/// The one type model of the language: the types of script variables, expressions, function
/// signatures and the event catalogue's bound variables. Structural (scalars, <c>str</c>,
/// <c>funcref</c>, tuples, maps), plus the internal <c>unknown</c>, <c>lib</c> and error types.
/// Display strings follow the reference (§1.3): <c>u32</c>, <c>(i32,i32)</c>, <c>map&lt;u32,u32&gt;</c>.
/// </summary>
/// <example><code>
/// WhammType.TryParse("map&lt;u32, (i32, str)&gt;")!.MapValue   // (i32,str)
/// WhammType.U8.IsSigned                                     // false
/// WhammType.Tuple(WhammType.U8, WhammType.I64).WasmTypes     // [i32, i64]
/// </code></example>
public sealed class WhammType : IEquatable<WhammType>
{
    private readonly int hash;

    private WhammType(WhammTypeKind kind, WhammType[] elements)
    {
        Kind = kind;
        Elements = elements;
        var h = new HashCode();
        h.Add(kind);
        foreach (var e in elements) h.Add(e.hash);
        hash = h.ToHashCode();
    }

#pragma warning disable CS1591 // one instance per scalar type
    public static WhammType U8 { get; } = new(WhammTypeKind.U8, []);
    public static WhammType I8 { get; } = new(WhammTypeKind.I8, []);
    public static WhammType U16 { get; } = new(WhammTypeKind.U16, []);
    public static WhammType I16 { get; } = new(WhammTypeKind.I16, []);
    public static WhammType U32 { get; } = new(WhammTypeKind.U32, []);
    public static WhammType I32 { get; } = new(WhammTypeKind.I32, []);
    public static WhammType U64 { get; } = new(WhammTypeKind.U64, []);
    public static WhammType I64 { get; } = new(WhammTypeKind.I64, []);
    public static WhammType F32 { get; } = new(WhammTypeKind.F32, []);
    public static WhammType F64 { get; } = new(WhammTypeKind.F64, []);
    public static WhammType Bool { get; } = new(WhammTypeKind.Bool, []);
    public static WhammType Str { get; } = new(WhammTypeKind.Str, []);
    public static WhammType FuncRef { get; } = new(WhammTypeKind.FuncRef, []);
    public static WhammType Unknown { get; } = new(WhammTypeKind.Unknown, []);
    public static WhammType Library { get; } = new(WhammTypeKind.Library, []);
#pragma warning restore CS1591
    /// <summary>The empty tuple <c>()</c>, the result of functions that return nothing.</summary>
    public static WhammType Unit { get; } = new(WhammTypeKind.Tuple, []);

    /// <summary>The type of an erroneous expression: compatible with every type (no cascading diagnostics).</summary>
    public static WhammType Error { get; } = new(WhammTypeKind.Error, []);

    /// <summary>The kind of type.</summary>
    public WhammTypeKind Kind { get; }

    /// <summary>Tuple elements in order, or <c>[key, value]</c> for a map; empty for scalars.</summary>
    public IReadOnlyList<WhammType> Elements { get; }

    /// <summary>The key type of a map.</summary>
    public WhammType MapKey => Kind == WhammTypeKind.Map ? Elements[0] : throw new InvalidOperationException($"{this} is not a map");

    /// <summary>The value type of a map.</summary>
    public WhammType MapValue => Kind == WhammTypeKind.Map ? Elements[1] : throw new InvalidOperationException($"{this} is not a map");

    /// <summary>True for the integer types <c>u8 … i64</c>.</summary>
    public bool IsInteger => Kind is WhammTypeKind.U8 or WhammTypeKind.I8 or WhammTypeKind.U16 or WhammTypeKind.I16
        or WhammTypeKind.U32 or WhammTypeKind.I32 or WhammTypeKind.U64 or WhammTypeKind.I64;

    /// <summary>True for <c>f32</c> and <c>f64</c>.</summary>
    public bool IsFloat => Kind is WhammTypeKind.F32 or WhammTypeKind.F64;

    /// <summary>True for the integer and float types.</summary>
    public bool IsNumeric => IsInteger || IsFloat;

    /// <summary>True for the signed integer types and the floats (they choose the signed Wasm operations).</summary>
    public bool IsSigned => Kind is WhammTypeKind.I8 or WhammTypeKind.I16 or WhammTypeKind.I32 or WhammTypeKind.I64 || IsFloat;

    /// <summary>True for the scalar value types a cast may target: numbers, <c>bool</c>, <c>str</c>, <c>funcref</c>.</summary>
    public bool IsPrimitive => Kind <= WhammTypeKind.FuncRef;

    /// <summary>True for a tuple (the empty tuple <see cref="Unit"/> included).</summary>
    public bool IsTuple => Kind == WhammTypeKind.Tuple;

    /// <summary>True for a map.</summary>
    public bool IsMap => Kind == WhammTypeKind.Map;

    /// <summary>True for <see cref="Error"/>.</summary>
    public bool IsError => Kind == WhammTypeKind.Error;

    /// <summary>True for the empty tuple (no value).</summary>
    public bool IsUnit => Kind == WhammTypeKind.Tuple && Elements.Count == 0;

    /// <summary>True when the type contains <see cref="Error"/> anywhere.</summary>
    public bool ContainsError => IsError || Elements.Any(e => e.ContainsError);

    /// <summary>The width in bits of a number type (8, 16, 32 or 64); 0 for other types.</summary>
    public int BitWidth => Kind switch
    {
        WhammTypeKind.U8 or WhammTypeKind.I8 => 8,
        WhammTypeKind.U16 or WhammTypeKind.I16 => 16,
        WhammTypeKind.U32 or WhammTypeKind.I32 or WhammTypeKind.F32 => 32,
        WhammTypeKind.U64 or WhammTypeKind.I64 or WhammTypeKind.F64 => 64,
        _ => 0,
    };

    /// <summary>The size in bytes in memory (unshared and report variables, tuple layout; reference §1.3), 0 for the internal types.</summary>
    public int ByteSize => Kind switch
    {
        WhammTypeKind.Bool => 4,
        WhammTypeKind.Str => 8,
        WhammTypeKind.Map => 4,
        WhammTypeKind.Tuple => Elements.Sum(e => e.ByteSize),
        _ => BitWidth / 8,
    };

    /// <summary>
    /// The Wasm value types that represent a value of this type, flattened (reference §1.3): small
    /// integers and <c>bool</c> are <c>i32</c>, <c>str</c> is <c>(i32, i32)</c>, a map is its <c>i32</c>
    /// id, a tuple is its elements in order. Empty for the internal types.
    /// </summary>
    public IReadOnlyList<ValType> WasmTypes
    {
        get
        {
            var list = new List<ValType>();
            AddWasmTypes(list);
            return list;
        }
    }

    /// <summary>A tuple type.</summary>
    public static WhammType Tuple(params WhammType[] elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        return elements.Length == 0 ? Unit : new(WhammTypeKind.Tuple, [.. elements]);
    }

    /// <summary>A map type.</summary>
    public static WhammType Map(WhammType key, WhammType value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        return new(WhammTypeKind.Map, [key, value]);
    }

    /// <summary>The type of a primitive type name.</summary>
    public static WhammType FromPrimitive(PrimitiveTypeKind kind) => kind switch
    {
        PrimitiveTypeKind.U8 => U8,
        PrimitiveTypeKind.I8 => I8,
        PrimitiveTypeKind.U16 => U16,
        PrimitiveTypeKind.I16 => I16,
        PrimitiveTypeKind.U32 => U32,
        PrimitiveTypeKind.I32 => I32,
        PrimitiveTypeKind.F32 => F32,
        PrimitiveTypeKind.U64 => U64,
        PrimitiveTypeKind.I64 => I64,
        PrimitiveTypeKind.F64 => F64,
        PrimitiveTypeKind.Bool => Bool,
        PrimitiveTypeKind.Str => Str,
        PrimitiveTypeKind.FuncRef => FuncRef,
        PrimitiveTypeKind.Unknown => Unknown,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a primitive type"),
    };

    /// <summary>
    /// The type a type expression names; <see cref="Error"/> for a type missing from the source
    /// (error recovery already reported it).
    /// </summary>
    public static WhammType FromSyntax(TypeSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        return syntax switch
        {
            PrimitiveTypeSyntax p => FromPrimitive(p.Kind),
            TupleTypeSyntax t => Tuple([.. t.Elements.Select(FromSyntax)]),
            MapTypeSyntax m => Map(FromSyntax(m.Key), FromSyntax(m.Value)),
            _ => Error,
        };
    }

    /// <summary>
    /// The Whamm type of a Wasm value type as library signatures use it (reference §1.9): <c>i32</c>,
    /// <c>i64</c>, <c>f32</c>, <c>f64</c> map to themselves, <c>funcref</c> to <c>funcref</c>; other
    /// types (v128, other references) have no Whamm type and give null.
    /// </summary>
    public static WhammType? FromWasm(ValType type) => type.Kind switch
    {
        ValKind.I32 => I32,
        ValKind.I64 => I64,
        ValKind.F32 => F32,
        ValKind.F64 => F64,
        ValKind.Ref when type == ValType.FuncRef => FuncRef,
        _ => null,
    };

    /// <summary>
    /// Parses a display string such as <c>u32</c>, <c>(i32,i32)</c> or <c>map&lt;u32, u32&gt;</c>
    /// (spaces are ignored; <c>unknown</c> and <c>lib</c> are accepted). Returns null when the text is not a type.
    /// </summary>
    public static WhammType? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compact = text.Replace(" ", "", StringComparison.Ordinal);
        var pos = 0;
        var type = ParseAt(compact, ref pos, 0);
        return type is not null && pos == compact.Length ? type : null;
    }

    private static WhammType? ParseAt(string s, ref int pos, int depth)
    {
        if (depth > 64) return null;
        if (pos < s.Length && s[pos] == '(')
        {
            pos++;
            var items = new List<WhammType>();
            while (pos < s.Length && s[pos] != ')')
            {
                var item = ParseAt(s, ref pos, depth + 1);
                if (item is null) return null;
                items.Add(item);
                if (pos < s.Length && s[pos] == ',') pos++;
            }
            if (pos >= s.Length) return null;
            pos++;
            return Tuple([.. items]);
        }
        var start = pos;
        while (pos < s.Length && (char.IsAsciiLetterOrDigit(s[pos]) || s[pos] == '_')) pos++;
        var word = s[start..pos];
        if (word == "map")
        {
            if (pos >= s.Length || s[pos] != '<') return null;
            pos++;
            var key = ParseAt(s, ref pos, depth + 1);
            if (key is null || pos >= s.Length || s[pos] != ',') return null;
            pos++;
            var value = ParseAt(s, ref pos, depth + 1);
            if (value is null || pos >= s.Length || s[pos] != '>') return null;
            pos++;
            return Map(key, value);
        }
        return word switch
        {
            "u8" => U8, "i8" => I8, "u16" => U16, "i16" => I16, "u32" => U32, "i32" => I32,
            "u64" => U64, "i64" => I64, "f32" => F32, "f64" => F64, "bool" => Bool, "str" => Str,
            "funcref" => FuncRef, "unknown" => Unknown, "lib" => Library,
            _ => null,
        };
    }

    /// <summary>
    /// True when a value of this type can stand where <paramref name="target"/> is expected without a
    /// conversion: the types are equal, or either contains <see cref="Error"/> in that position.
    /// </summary>
    public bool IsAssignableTo(WhammType target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (IsError || target.IsError) return true;
        if (Kind != target.Kind || Elements.Count != target.Elements.Count) return false;
        for (var i = 0; i < Elements.Count; i++)
        {
            if (!Elements[i].IsAssignableTo(target.Elements[i])) return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(WhammType? other)
    {
        if (ReferenceEquals(this, other)) return true;
        return other is not null && hash == other.hash && Kind == other.Kind && Elements.SequenceEqual(other.Elements);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as WhammType);

    /// <inheritdoc/>
    public override int GetHashCode() => hash;

    /// <summary>Structural equality.</summary>
    public static bool operator ==(WhammType? left, WhammType? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Structural inequality.</summary>
    public static bool operator !=(WhammType? left, WhammType? right) => !(left == right);

    /// <summary>The reference's display string.</summary>
    public override string ToString()
    {
        switch (Kind)
        {
            case WhammTypeKind.Tuple:
                return "(" + string.Join(",", Elements) + ")";
            case WhammTypeKind.Map:
                return $"map<{Elements[0]},{Elements[1]}>";
            case WhammTypeKind.Library:
                return "lib";
            case WhammTypeKind.FuncRef:
                return "funcref";
            case WhammTypeKind.Error:
                return "{error}";
            default:
                var name = Kind.ToString();
                var sb = new StringBuilder(name.Length);
                foreach (var c in name) sb.Append(char.ToLowerInvariant(c));
                return sb.ToString();
        }
    }

    private void AddWasmTypes(List<ValType> list)
    {
        switch (Kind)
        {
            case WhammTypeKind.U8 or WhammTypeKind.I8 or WhammTypeKind.U16 or WhammTypeKind.I16
                or WhammTypeKind.U32 or WhammTypeKind.I32 or WhammTypeKind.Bool or WhammTypeKind.Map:
                list.Add(ValType.I32);
                break;
            case WhammTypeKind.U64 or WhammTypeKind.I64:
                list.Add(ValType.I64);
                break;
            case WhammTypeKind.F32:
                list.Add(ValType.F32);
                break;
            case WhammTypeKind.F64:
                list.Add(ValType.F64);
                break;
            case WhammTypeKind.Str:
                list.Add(ValType.I32);
                list.Add(ValType.I32);
                break;
            case WhammTypeKind.FuncRef:
                list.Add(ValType.FuncRef);
                break;
            case WhammTypeKind.Tuple:
                foreach (var e in Elements) e.AddWasmTypes(list);
                break;
        }
    }
}
