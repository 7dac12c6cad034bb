using System.Text;

namespace Whamm.Language.Catalogue;

/// <summary>The kinds of <see cref="CatalogueType"/> (reference §1.3 plus the internal types the catalogue needs).</summary>
public enum CatalogueTypeKind : byte
{
#pragma warning disable CS1591 // the Whamm type names
    U8, I8, U16, I16, U32, I32, U64, I64, F32, F64, Bool, Str, FuncRef, Tuple, Map,
#pragma warning restore CS1591
    /// <summary>A dynamically typed bound variable (<c>argN</c>, <c>localN</c>, …): a probe gives it a type with a type bound.</summary>
    Unknown,
    /// <summary>A <c>use</c>d library name (the parameter of <c>memid</c>).</summary>
    Library,
}

/// <summary>
/// The Whamm type of a bound variable, function parameter or result in the event catalogue.
/// A small structural model (scalars, <c>str</c>, <c>funcref</c>, tuples, maps, <c>unknown</c>);
/// the type checker may map it onto its own type representation.
/// Display strings follow the reference (§1.3): <c>u32</c>, <c>(i32,i32)</c>, <c>map&lt;u32,u32&gt;</c>.
/// </summary>
public sealed class CatalogueType : IEquatable<CatalogueType>
{
    private CatalogueType(CatalogueTypeKind kind, CatalogueType[] elements)
    {
        Kind = kind;
        Elements = elements;
    }

#pragma warning disable CS1591 // one instance per scalar type
    public static CatalogueType U8 { get; } = new(CatalogueTypeKind.U8, []);
    public static CatalogueType I8 { get; } = new(CatalogueTypeKind.I8, []);
    public static CatalogueType U16 { get; } = new(CatalogueTypeKind.U16, []);
    public static CatalogueType I16 { get; } = new(CatalogueTypeKind.I16, []);
    public static CatalogueType U32 { get; } = new(CatalogueTypeKind.U32, []);
    public static CatalogueType I32 { get; } = new(CatalogueTypeKind.I32, []);
    public static CatalogueType U64 { get; } = new(CatalogueTypeKind.U64, []);
    public static CatalogueType I64 { get; } = new(CatalogueTypeKind.I64, []);
    public static CatalogueType F32 { get; } = new(CatalogueTypeKind.F32, []);
    public static CatalogueType F64 { get; } = new(CatalogueTypeKind.F64, []);
    public static CatalogueType Bool { get; } = new(CatalogueTypeKind.Bool, []);
    public static CatalogueType Str { get; } = new(CatalogueTypeKind.Str, []);
    public static CatalogueType FuncRef { get; } = new(CatalogueTypeKind.FuncRef, []);
    public static CatalogueType Unknown { get; } = new(CatalogueTypeKind.Unknown, []);
    public static CatalogueType Library { get; } = new(CatalogueTypeKind.Library, []);
#pragma warning restore CS1591
    /// <summary>The empty tuple <c>()</c>, the result of functions that return nothing.</summary>
    public static CatalogueType Unit { get; } = new(CatalogueTypeKind.Tuple, []);

    /// <summary>The kind of type.</summary>
    public CatalogueTypeKind Kind { get; }

    /// <summary>Tuple elements in order, or <c>[key, value]</c> for a map; empty for scalars.</summary>
    public IReadOnlyList<CatalogueType> Elements { get; }

    /// <summary>The key type of a map.</summary>
    public CatalogueType MapKey => Kind == CatalogueTypeKind.Map ? Elements[0] : throw new InvalidOperationException($"{this} is not a map");

    /// <summary>The value type of a map.</summary>
    public CatalogueType MapValue => Kind == CatalogueTypeKind.Map ? Elements[1] : throw new InvalidOperationException($"{this} is not a map");

    /// <summary>A tuple type.</summary>
    public static CatalogueType Tuple(params CatalogueType[] elements) =>
        elements.Length == 0 ? Unit : new(CatalogueTypeKind.Tuple, [.. elements]);

    /// <summary>A map type.</summary>
    public static CatalogueType Map(CatalogueType key, CatalogueType value) => new(CatalogueTypeKind.Map, [key, value]);

    /// <summary>
    /// Parses a display string such as <c>u32</c>, <c>(i32,i32)</c> or <c>map&lt;u32, u32&gt;</c>
    /// (spaces are ignored). Returns null when the text is not a catalogue type.
    /// </summary>
    public static CatalogueType? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compact = text.Replace(" ", "", StringComparison.Ordinal);
        var pos = 0;
        var type = ParseAt(compact, ref pos);
        return type is not null && pos == compact.Length ? type : null;
    }

    private static CatalogueType? ParseAt(string s, ref int pos)
    {
        if (pos < s.Length && s[pos] == '(')
        {
            pos++;
            var items = new List<CatalogueType>();
            while (pos < s.Length && s[pos] != ')')
            {
                var item = ParseAt(s, ref pos);
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
            var key = ParseAt(s, ref pos);
            if (key is null || pos >= s.Length || s[pos] != ',') return null;
            pos++;
            var value = ParseAt(s, ref pos);
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

    /// <inheritdoc/>
    public bool Equals(CatalogueType? other) =>
        other is not null && Kind == other.Kind && Elements.SequenceEqual(other.Elements);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CatalogueType);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        foreach (var e in Elements) hash.Add(e);
        return hash.ToHashCode();
    }

    /// <summary>The reference's display string.</summary>
    public override string ToString()
    {
        switch (Kind)
        {
            case CatalogueTypeKind.Tuple:
                return "(" + string.Join(",", Elements) + ")";
            case CatalogueTypeKind.Map:
                return $"map<{Elements[0]},{Elements[1]}>";
            case CatalogueTypeKind.Library:
                return "lib";
            case CatalogueTypeKind.FuncRef:
                return "funcref";
            default:
                var name = Kind.ToString();
                var sb = new StringBuilder(name.Length);
                foreach (var c in name) sb.Append(char.ToLowerInvariant(c));
                return sb.ToString();
        }
    }
}
