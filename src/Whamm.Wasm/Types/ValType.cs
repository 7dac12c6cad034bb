namespace Whamm.Wasm.Types;

/// <summary>The shape of a value type (numeric code, or reference).</summary>
public enum ValKind : byte
{
#pragma warning disable CS1591
    I32 = 0x7F, I64 = 0x7E, F32 = 0x7D, F64 = 0x7C, V128 = 0x7B,
    /// <summary>Packed storage type of GC fields only.</summary>
    I8 = 0x78,
    /// <summary>Packed storage type of GC fields only.</summary>
    I16 = 0x77,
    Ref = 0x64,
#pragma warning restore CS1591
}

/// <summary>
/// A value type (or, for GC fields, a storage type: <see cref="ValKind.I8"/>/<see cref="ValKind.I16"/>).
/// References carry nullability and a <see cref="HeapType"/>; <c>funcref</c> is <c>(ref null func)</c>.
/// </summary>
public readonly record struct ValType(ValKind Kind, bool Nullable = false, HeapType Heap = default)
{
#pragma warning disable CS1591
    public static readonly ValType I32 = new(ValKind.I32);
    public static readonly ValType I64 = new(ValKind.I64);
    public static readonly ValType F32 = new(ValKind.F32);
    public static readonly ValType F64 = new(ValKind.F64);
    public static readonly ValType V128 = new(ValKind.V128);
    public static readonly ValType I8 = new(ValKind.I8);
    public static readonly ValType I16 = new(ValKind.I16);
    public static readonly ValType FuncRef = Ref(HeapType.Func, true);
    public static readonly ValType ExternRef = Ref(HeapType.Extern, true);
    public static readonly ValType ExnRef = Ref(HeapType.Exn, true);
#pragma warning restore CS1591

    /// <summary>A reference type.</summary>
    public static ValType Ref(HeapType heap, bool nullable) => new(ValKind.Ref, nullable, heap);

    /// <summary>True for reference types.</summary>
    public bool IsRef => Kind == ValKind.Ref;

    /// <summary>True for i32, i64, f32, f64.</summary>
    public bool IsNumeric => Kind is ValKind.I32 or ValKind.I64 or ValKind.F32 or ValKind.F64;

    /// <summary>True for the packed storage types i8 and i16.</summary>
    public bool IsPacked => Kind is ValKind.I8 or ValKind.I16;

    /// <summary>Whether a local of this type may stay uninitialised (everything but non-null references).</summary>
    public bool IsDefaultable => !IsRef || Nullable;

    /// <summary>The unpacked type of a storage type (i8/i16 read as i32).</summary>
    public ValType Unpacked => IsPacked ? I32 : this;

    /// <summary>Text-format spelling, with the usual abbreviations (<c>funcref</c>, <c>nullref</c>, …).</summary>
    public override string ToString()
    {
        if (!IsRef) return Kind.ToString().ToLowerInvariant();
        if (Nullable && !Heap.IsConcrete)
        {
            return Heap.Abstract switch
            {
                AbstractHeap.None => "nullref",
                AbstractHeap.NoFunc => "nullfuncref",
                AbstractHeap.NoExtern => "nullexternref",
                AbstractHeap.NoExn => "nullexnref",
                _ => Heap + "ref",
            };
        }
        return Nullable ? $"(ref null {Heap})" : $"(ref {Heap})";
    }
}
