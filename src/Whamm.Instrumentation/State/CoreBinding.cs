namespace Whamm.Instrumentation.State;

/// <summary>
/// The core library as linked into the application (Core/README.md): its memory, which is the
/// instrumentation memory, the static region laid out at its <c>__heap_base</c>, and the functions injected
/// code calls, by their final indices.
/// </summary>
internal sealed class CoreBinding
{
    private readonly Func<string, uint> function;

    public CoreBinding(uint memory, StaticData data, Func<string, uint> function)
    {
        Memory = memory;
        Data = data;
        this.function = function;
    }

    /// <summary>The instrumentation memory's index.</summary>
    public uint Memory { get; }

    /// <summary>The static region.</summary>
    public StaticData Data { get; }

    /// <summary>The index of the core function exported as <paramref name="name"/>.</summary>
    public uint Function(string name) => function(name);
}

/// <summary>The core library's exports that injected code and the lifecycle call (Core/README.md).</summary>
internal static class CoreExports
{
    public const string Init = "whamm_init";
    public const string Flush = "whamm_flush";
    public const string Report = "whamm_report";
    public const string MapCreate = "map_create_with_id";
    public const string MapSlot = "map_slot";
    public const string MapFind = "map_find";
    public const string MapSlotI32 = "map_slot_i32";
    public const string MapFindI32 = "map_find_i32";
    public const string MapSlotI64 = "map_slot_i64";
    public const string MapFindI64 = "map_find_i64";
}
