namespace Whamm.Wasm.Types;

/// <summary>A function, struct or array type (the body of a <see cref="SubType"/>).</summary>
public abstract record CompositeType;

/// <summary>A function type.</summary>
public sealed record FuncType(ValType[] Params, ValType[] Results) : CompositeType
{
    /// <inheritdoc/>
    public bool Equals(FuncType? other) =>
        other is not null && Params.AsSpan().SequenceEqual(other.Params) && Results.AsSpan().SequenceEqual(other.Results);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var p in Params) h.Add(p);
        h.Add(-1);
        foreach (var r in Results) h.Add(r);
        return h.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => $"[{string.Join(" ", Params)}] -> [{string.Join(" ", Results)}]";
}

/// <summary>A struct or array field: a storage type and mutability.</summary>
public readonly record struct FieldType(ValType Storage, bool Mutable);

/// <summary>A GC struct type.</summary>
public sealed record StructType(FieldType[] Fields) : CompositeType
{
    /// <inheritdoc/>
    public bool Equals(StructType? other) => other is not null && Fields.AsSpan().SequenceEqual(other.Fields);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var f in Fields) h.Add(f);
        return h.ToHashCode();
    }
}

/// <summary>A GC array type.</summary>
public sealed record ArrayType(FieldType Element) : CompositeType;

/// <summary>
/// A defined type: its composite body, whether it is final and its declared supertypes.
/// A plain function type in an MVP module is a final sub type without supertypes.
/// </summary>
public sealed record SubType(CompositeType Composite, bool Final = true, uint[]? Supertypes = null)
{
    /// <summary>Declared supertype indices (at most one in the current GC proposal).</summary>
    public uint[] Supertypes { get; init; } = Supertypes ?? [];

    /// <summary>True when encoded without the <c>sub</c>/<c>sub final</c> prefix.</summary>
    public bool IsShorthand => Final && Supertypes.Length == 0;

    /// <inheritdoc/>
    public bool Equals(SubType? other) =>
        other is not null && Final == other.Final && Composite.Equals(other.Composite) && Supertypes.AsSpan().SequenceEqual(other.Supertypes);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Composite, Final, Supertypes.Length);
}

/// <summary>
/// A recursion group: the unit of the type section. A group written without <c>rec</c> holds one type
/// and has <see cref="Explicit"/> false.
/// </summary>
public sealed record RecGroup(SubType[] Types, bool Explicit)
{
    /// <inheritdoc/>
    public bool Equals(RecGroup? other) =>
        other is not null && Explicit == other.Explicit && Types.AsSpan().SequenceEqual(other.Types);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Types.Length, Explicit, Types.Length > 0 ? Types[0] : null);
}

/// <summary>Size limits of a memory or table.</summary>
/// <param name="Min">Initial size in pages or elements.</param>
/// <param name="Max">Maximum size, if any.</param>
/// <param name="Is64">memory64/table64: the index type is i64.</param>
/// <param name="Shared">threads: a shared memory.</param>
/// <param name="PageSizeLog2">custom-page-sizes: log2 of the page size when given explicitly.</param>
public readonly record struct Limits(ulong Min, ulong? Max = null, bool Is64 = false, bool Shared = false, uint? PageSizeLog2 = null);

/// <summary>A memory type.</summary>
public readonly record struct MemoryType(Limits Limits)
{
    /// <summary>The index type: i64 for memory64, else i32.</summary>
    public ValType IndexType => Limits.Is64 ? ValType.I64 : ValType.I32;
}

/// <summary>A table type.</summary>
public readonly record struct TableType(ValType Element, Limits Limits)
{
    /// <summary>The index type: i64 for table64, else i32.</summary>
    public ValType IndexType => Limits.Is64 ? ValType.I64 : ValType.I32;
}

/// <summary>A global type.</summary>
public readonly record struct GlobalType(ValType Type, bool Mutable, bool Shared = false);

/// <summary>An exception tag type: attribute 0 (exception) and the index of its function type.</summary>
public readonly record struct TagType(uint TypeIndex, byte Attribute = 0);
