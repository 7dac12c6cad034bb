namespace Whamm.Wasm.Types;

/// <summary>Abstract heap types, valued by their one-byte binary encoding.</summary>
public enum AbstractHeap : byte
{
#pragma warning disable CS1591
    NoExn = 0x74, NoFunc = 0x73, NoExtern = 0x72, None = 0x71, Func = 0x70, Extern = 0x6F, Any = 0x6E,
    Eq = 0x6D, I31 = 0x6C, Struct = 0x6B, Array = 0x6A, Exn = 0x69,
#pragma warning restore CS1591
}

/// <summary>A heap type: either abstract (<see cref="AbstractHeap"/>) or a concrete type index.</summary>
public readonly record struct HeapType
{
    private readonly int _value; // >= 0: type index; < 0: -(abstract code)

    private HeapType(int value) => _value = value;

    /// <summary>A concrete (defined) heap type.</summary>
    public static HeapType Index(uint typeIndex) => new(checked((int)typeIndex));

    /// <summary>An abstract heap type.</summary>
    public static HeapType Of(AbstractHeap heap) => new(-(int)heap);

    /// <summary>True for a type index.</summary>
    public bool IsConcrete => _value >= 0;

    /// <summary>The type index of a concrete heap type.</summary>
    public uint TypeIndex => IsConcrete ? (uint)_value : throw new InvalidOperationException($"{this} is abstract");

    /// <summary>The abstract heap type.</summary>
    public AbstractHeap Abstract => !IsConcrete ? (AbstractHeap)(-_value) : throw new InvalidOperationException($"{this} is concrete");

#pragma warning disable CS1591
    public static readonly HeapType Func = Of(AbstractHeap.Func);
    public static readonly HeapType Extern = Of(AbstractHeap.Extern);
    public static readonly HeapType Any = Of(AbstractHeap.Any);
    public static readonly HeapType Eq = Of(AbstractHeap.Eq);
    public static readonly HeapType I31 = Of(AbstractHeap.I31);
    public static readonly HeapType Struct = Of(AbstractHeap.Struct);
    public static readonly HeapType Array = Of(AbstractHeap.Array);
    public static readonly HeapType Exn = Of(AbstractHeap.Exn);
    public static readonly HeapType None = Of(AbstractHeap.None);
    public static readonly HeapType NoFunc = Of(AbstractHeap.NoFunc);
    public static readonly HeapType NoExtern = Of(AbstractHeap.NoExtern);
    public static readonly HeapType NoExn = Of(AbstractHeap.NoExn);
#pragma warning restore CS1591

    /// <summary>Whether <paramref name="code"/> is the byte of an abstract heap type.</summary>
    public static bool IsAbstractCode(byte code) => code is >= 0x69 and <= 0x74;

    /// <summary>Text-format spelling: <c>func</c>, <c>any</c>, … or the index.</summary>
    public override string ToString() => IsConcrete ? _value.ToString() : Abstract switch
    {
        AbstractHeap.NoExn => "noexn",
        AbstractHeap.NoFunc => "nofunc",
        AbstractHeap.NoExtern => "noextern",
        _ => Abstract.ToString().ToLowerInvariant(),
    };
}
