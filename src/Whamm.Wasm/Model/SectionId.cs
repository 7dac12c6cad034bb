namespace Whamm.Wasm.Model;

/// <summary>Binary section ids.</summary>
public enum SectionId : byte
{
#pragma warning disable CS1591
    Custom = 0, Type = 1, Import = 2, Function = 3, Table = 4, Memory = 5, Global = 6, Export = 7,
    Start = 8, Element = 9, Code = 10, Data = 11, DataCount = 12, Tag = 13,
#pragma warning restore CS1591
}

/// <summary>Section ordering and naming.</summary>
public static class Sections
{
    /// <summary>Known sections in the order the binary format requires.</summary>
    public static readonly SectionId[] CanonicalOrder =
    [
        SectionId.Type, SectionId.Import, SectionId.Function, SectionId.Table, SectionId.Memory, SectionId.Tag,
        SectionId.Global, SectionId.Export, SectionId.Start, SectionId.Element, SectionId.DataCount, SectionId.Code,
        SectionId.Data,
    ];

    /// <summary>Position of a known section in <see cref="CanonicalOrder"/> (custom: -1).</summary>
    public static int Rank(SectionId id) => Array.IndexOf(CanonicalOrder, id);

    /// <summary>The lower-case name used in messages (<c>datacount</c>, <c>code</c>, …).</summary>
    public static string Name(SectionId id) => id.ToString().ToLowerInvariant();
}
