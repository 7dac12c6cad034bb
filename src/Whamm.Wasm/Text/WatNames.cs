using Whamm.Wasm.Binary;
using Whamm.Wasm.Model;

namespace Whamm.Wasm.Text;

/// <summary>
/// The identifiers the printer uses, taken from the module's <c>name</c> section: <c>$name</c> when the
/// name is an identifier, <c>$"…"</c> when it is not, and no identifier (numeric references, with the name
/// kept in a <c>(@name "…")</c> annotation at the definition) for empty names and for the second and later
/// entities of an index space that share a name. Entities without a name print as numbers; the printer
/// never invents a name.
/// </summary>
public sealed class WatNames
{
    private static readonly Dictionary<uint, string> NoNames = new();
    private readonly NameSection? _section;
    private readonly Dictionary<uint, Dictionary<uint, string>> _labels;
    private readonly Dictionary<uint, Dictionary<uint, string>> _fields;

    private WatNames(Module module)
    {
        _section = module.Names;
        var others = new Dictionary<byte, ReadOnlyMemory<byte>>();
        if (_section is not null)
        {
            foreach (var (id, bytes) in _section.OtherSubsections) others.TryAdd(id, bytes);
        }
        Module = _section?.ModuleName;
        Functions = NameMap.Build(_section?.FunctionNames ?? NoNames, (uint)module.FunctionCount);
        Globals = NameMap.Build(_section?.GlobalNames ?? NoNames, (uint)module.GlobalCount);
        Types = NameMap.Build(ReadMap(others, 4), (uint)module.Types.Count);
        Tables = NameMap.Build(ReadMap(others, 5), (uint)module.TableCount);
        Memories = NameMap.Build(ReadMap(others, 6), (uint)module.MemoryCount);
        Elements = NameMap.Build(ReadMap(others, 8), (uint)module.Elements.Count);
        Data = NameMap.Build(ReadMap(others, 9), (uint)module.Data.Count);
        Tags = NameMap.Build(ReadMap(others, 11), (uint)module.TagCount);
        _labels = ReadIndirect(others, 3);
        _fields = ReadIndirect(others, 10);
    }

    /// <summary>Names of <paramref name="module"/>'s entities (none when it has no decodable name section).</summary>
    public static WatNames Of(Module module) => new(module);

    /// <summary>The module's name (subsection 0), or null.</summary>
    public string? Module { get; }
#pragma warning disable CS1591 // one map per index space
    public NameMap Functions { get; }
    public NameMap Globals { get; }
    public NameMap Types { get; }
    public NameMap Tables { get; }
    public NameMap Memories { get; }
    public NameMap Elements { get; }
    public NameMap Data { get; }
    public NameMap Tags { get; }
#pragma warning restore CS1591

    /// <summary>Parameter and local names of function <paramref name="funcIndex"/> (indices count parameters first).</summary>
    public NameMap Locals(uint funcIndex, uint localCount) =>
        _section is not null && _section.LocalNames.TryGetValue(funcIndex, out var map) ? NameMap.Build(map, localCount) : NameMap.Empty;

    /// <summary>Label names of function <paramref name="funcIndex"/>, by the order in which blocks open.</summary>
    public NameMap Labels(uint funcIndex) =>
        _labels.TryGetValue(funcIndex, out var map) ? NameMap.Build(map, uint.MaxValue, unique: false) : NameMap.Empty;

    /// <summary>Field names of struct type <paramref name="typeIndex"/>.</summary>
    public NameMap Fields(uint typeIndex, uint fieldCount) =>
        _fields.TryGetValue(typeIndex, out var map) ? NameMap.Build(map, fieldCount) : NameMap.Empty;

    private static Dictionary<uint, string> ReadMap(Dictionary<byte, ReadOnlyMemory<byte>> others, byte id)
    {
        var map = new Dictionary<uint, string>();
        if (!others.TryGetValue(id, out var bytes)) return map;
        try
        {
            var r = new WasmReader(bytes, 0, "name");
            ReadNameMap(ref r, map);
        }
        catch (WasmException)
        {
            map.Clear(); // an undecodable subsection names nothing, as in engines
        }
        return map;
    }

    private static Dictionary<uint, Dictionary<uint, string>> ReadIndirect(Dictionary<byte, ReadOnlyMemory<byte>> others, byte id)
    {
        var maps = new Dictionary<uint, Dictionary<uint, string>>();
        if (!others.TryGetValue(id, out var bytes)) return maps;
        try
        {
            var r = new WasmReader(bytes, 0, "name");
            var count = r.ReadCount();
            for (var i = 0; i < count; i++)
            {
                var outer = r.ReadU32();
                var map = new Dictionary<uint, string>();
                ReadNameMap(ref r, map);
                maps[outer] = map;
            }
        }
        catch (WasmException)
        {
            maps.Clear();
        }
        return maps;
    }

    private static void ReadNameMap(ref WasmReader r, Dictionary<uint, string> map)
    {
        var count = r.ReadCount(2);
        for (var i = 0; i < count; i++)
        {
            var index = r.ReadU32();
            map[index] = r.ReadName();
        }
    }
}

/// <summary>The identifiers of one index space.</summary>
public sealed class NameMap
{
    private readonly Dictionary<uint, string> _ids;
    private readonly Dictionary<uint, string> _annotations;

    private NameMap(Dictionary<uint, string> ids, Dictionary<uint, string> annotations)
    {
        _ids = ids;
        _annotations = annotations;
    }

    /// <summary>A space without names.</summary>
    public static readonly NameMap Empty = new(new(), new());

    /// <summary>Whether no entity has a name.</summary>
    public bool IsEmpty => _ids.Count == 0 && _annotations.Count == 0;

    /// <summary>
    /// Resolves <paramref name="names"/> (entities at or past <paramref name="count"/> ignored). With
    /// <paramref name="unique"/>, a name already taken by a lower index gets no identifier, only the annotation.
    /// </summary>
    public static NameMap Build(IReadOnlyDictionary<uint, string> names, uint count, bool unique = true)
    {
        if (names.Count == 0) return Empty;
        var ids = new Dictionary<uint, string>();
        var annotations = new Dictionary<uint, string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (index, name) in names.OrderBy(p => p.Key))
        {
            if (index >= count) continue;
            var id = WatSyntax.Id(name);
            if (id is null || (unique && !taken.Add(name))) annotations[index] = name;
            else ids[index] = id;
        }
        return new NameMap(ids, annotations);
    }

    /// <summary>The identifier of <paramref name="index"/> (<c>$x</c> or <c>$"x y"</c>), or null.</summary>
    public string? Id(uint index) => _ids.GetValueOrDefault(index);

    /// <summary>The name to keep in a <c>(@name "…")</c> annotation because it has no identifier, or null.</summary>
    public string? Annotation(uint index) => _annotations.GetValueOrDefault(index);
}
