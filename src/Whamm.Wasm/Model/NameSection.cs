namespace Whamm.Wasm.Model;

/// <summary>
/// The decoded <c>name</c> custom section: module, function, local and global names. Subsections the
/// toolkit does not interpret are kept as raw (id, bytes) pairs in their order.
/// </summary>
public sealed record NameSection
{
    /// <summary>The module's name (subsection 0).</summary>
    public string? ModuleName { get; init; }
    /// <summary>Function names by function index (subsection 1).</summary>
    public IReadOnlyDictionary<uint, string> FunctionNames { get; init; } = new Dictionary<uint, string>();
    /// <summary>Local names by function index, then local index (subsection 2).</summary>
    public IReadOnlyDictionary<uint, IReadOnlyDictionary<uint, string>> LocalNames { get; init; } =
        new Dictionary<uint, IReadOnlyDictionary<uint, string>>();
    /// <summary>Global names by global index (subsection 7).</summary>
    public IReadOnlyDictionary<uint, string> GlobalNames { get; init; } = new Dictionary<uint, string>();
    /// <summary>Other subsections (labels, types, tables, …), kept verbatim in order.</summary>
    public IReadOnlyList<(byte Id, ReadOnlyMemory<byte> Bytes)> OtherSubsections { get; init; } = [];
}
