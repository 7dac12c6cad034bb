using Whamm.Instrumentation.Folding;
using Whamm.Language.Semantics;

namespace Whamm.Instrumentation.State;

/// <summary>
/// Where the script's state lives in the instrumented module: script globals (Wasm globals, flattened), the
/// per-site variables of probes (static addresses in the instrumentation memory) and the report rows. The
/// instrumentation memory exists only when the script needs it (<see cref="Core"/> non-null).
/// </summary>
internal sealed class ScriptState
{
    public ScriptState(CoreBinding? core) => Core = core;

    /// <summary>The linked core library, its memory and the static region; null when the script needs none of it.</summary>
    public CoreBinding? Core { get; }

    /// <summary>The user libraries the script calls at run time.</summary>
    public LibraryBinding Libraries { get; init; } = LibraryBinding.None;

    /// <summary>Evaluates <c>@static</c> library calls and <c>memid</c> while folding.</summary>
    public Folding.StaticCalls? StaticCalls { get; init; }

    /// <summary>The script's user functions, emitted as they are first called.</summary>
    public Passes.UserFunctions? Functions { get; set; }

    /// <summary>The application's memories and data, for the static built-ins.</summary>
    public ModuleFacts? Facts { get; init; }

    /// <summary>Functions of ours that injected code calls (string comparisons, fills); null where nothing may add functions.</summary>
    public CodeGen.HelperFunctions? Helpers { get; init; }

    /// <summary>The shadow tables that resolve table entries to functions, when a probe reads <c>resolved_fid</c>.</summary>
    public Passes.ShadowTables? Shadows { get; set; }

    /// <summary>The counters of map entries with keys known at their sites, added to the maps at exit; null when there are none.</summary>
    public Counters.MapCounters? MapCounters { get; set; }

    /// <summary>The dense arrays counting map entries keyed by a run-time value, added to the maps at exit; null when there are none.</summary>
    public Counters.DenseMapCounters? DenseMapCounters { get; set; }

    /// <summary>The Wasm globals holding per-site counters, added to their instances at exit; null when there are none.</summary>
    public Counters.CounterGlobals? CounterGlobals { get; set; }

    /// <summary>The per-site counters computed at exit (<c>Passes/ProbeInjection.Runs.cs</c>), or null when none is.</summary>
    public Counters.DerivedCounters? Derived { get; set; }

    /// <summary>Code run once at start-up, after the core library is initialised and before the script's global statements.</summary>
    public Whamm.Wasm.Editing.InstructionBuilder Startup { get; } = new();

    /// <summary>Script globals by name (names are unique: the checker forbids shadowing).</summary>
    public Dictionary<string, Location> Globals { get; } = new(StringComparer.Ordinal);

    /// <summary>Script-global report variables and the slot each is copied to before the flush, in declaration order.</summary>
    public List<(Location Value, MemoryLocation Slot)> ReportGlobals { get; } = [];

    /// <summary>The rows of the default report.</summary>
    public ReportTable Reports { get; } = new();

    /// <summary>Every map (script globals and per-site instances) by id; all are created at start-up.</summary>
    public List<WhammType> Maps { get; } = [];

    private readonly Dictionary<int, uint> zeros = [];
    private readonly Dictionary<int, uint> scratch = [];

    /// <summary>A new map id.</summary>
    public MapLocation NewMap(WhammType type)
    {
        RequireCore($"the map {type}");
        Maps.Add(type);
        return new MapLocation(type, Maps.Count - 1);
    }

    /// <summary>
    /// Reserves up front the areas map accesses of <paramref name="mapTypes"/> may use, so that the per-site variables
    /// allocated while instrumenting get the same addresses (which the report prints as ids) whether or not the map
    /// accesses are emitted as written (<c>--no-opt</c>) or counted.
    /// </summary>
    public void ReserveMapAreas(IEnumerable<WhammType> mapTypes)
    {
        foreach (var t in mapTypes)
        {
            Zeros(ValueLayout.Size(t.MapValue));
            if (t.MapKey.Kind is not (WhammTypeKind.U32 or WhammTypeKind.I32 or WhammTypeKind.U64 or WhammTypeKind.I64)) Scratch(ValueLayout.Size(t.MapKey));
        }
    }

    /// <summary>A static area of <paramref name="size"/> bytes that stays zero: what reading a missing map key yields.</summary>
    public uint Zeros(int size) => Area(zeros, size);

    /// <summary>A static area of <paramref name="size"/> bytes for passing a map key by address (overwritten at every use).</summary>
    public uint Scratch(int size) => Area(scratch, size);

    private uint Area(Dictionary<int, uint> areas, int size)
    {
        if (!areas.TryGetValue(size, out var address)) areas[size] = address = RequireCore("a map access").Data.Reserve(size, 8);
        return address;
    }

    /// <summary>
    /// Allocates one instance of a probe's <c>unshared</c>/<c>report</c> variable for one site, with its folded
    /// initial value written into the static image (initialisers may only use static values, reference §1.6).
    /// </summary>
    /// <remarks>A report row prints the instance's address as its id and, unless <paramref name="valueAddress"/> names a counter it shares, its value.</remarks>
    public Location AllocateSiteVariable(VariableSymbol variable, ReportSite site, Constant? initial, uint? valueAddress = null)
    {
        var address = AllocateSiteInstance(variable, site, initial, valueAddress);
        if (!variable.Type.IsMap) return new MemoryLocation(variable.Type, Core!.Memory, address);
        var map = NewMap(variable.Type);
        Core!.Data.WriteInt32(address, map.Id); // what the report row prints from
        return map;
    }

    /// <summary>
    /// <see cref="AllocateSiteVariable"/> for a counter, which is not a map: only its address (a dense monitor allocates
    /// one at each of millions of sites). <paramref name="declaration"/> is its slot when it is a counter's
    /// (<see cref="Counters.CounterOp.Slot"/>), whose rows' kind is then looked up by slot; else -1.
    /// </summary>
    public uint AllocateSiteInstance(VariableSymbol variable, ReportSite site, Constant? initial, uint? valueAddress = null, int declaration = -1)
    {
        var core = Core ?? RequireCore($"`{variable.Name}`");
        var size = ValueLayout.SiteSize(variable.Type);
        var address = core.Data.Reserve(size, ValueLayout.SiteAlignment(size));
        if (initial is not null) core.Data.Write(address, Encode(initial, core.Data));
        if (!variable.IsReport) return address;
        var kind = declaration >= 0
            ? Reports.SiteKind(declaration, variable.Name, variable.Type, site.ProbeIndex, site.Rule)
            : Reports.SiteKind(variable.Name, variable.Type, site.ProbeIndex, site.Rule);
        Reports.AddSiteRow(kind, site.Fid, site.FunctionName, site.Pc, address, valueAddress ?? address);
        return address;
    }

    /// <summary>The core binding, or an internal error naming what needed it (the pre-scan decides whether to link it).</summary>
    public CoreBinding RequireCore(string what) =>
        Core ?? throw new InstrumentationException($"internal error: {what} needs the instrumentation memory, which was not added", isInternal: true);

    /// <summary>The bytes of a constant in the value layout.</summary>
    public static byte[] Encode(Constant c, StaticData data)
    {
        if (c.Type.Kind == WhammTypeKind.Str)
        {
            var (address, length) = data.String(c.Text!);
            return [.. BitConverter.GetBytes(address), .. BitConverter.GetBytes(length)];
        }
        var size = ValueLayout.Size(c.Type);
        var bits = c.Type.Kind switch
        {
            WhammTypeKind.F32 => (ulong)(uint)BitConverter.SingleToInt32Bits((float)c.Float),
            WhammTypeKind.F64 => (ulong)BitConverter.DoubleToInt64Bits(c.Float),
            WhammTypeKind.Bool => c.Boolean ? 1UL : 0,
            _ => c.Bits,
        };
        return BitConverter.GetBytes(bits)[..size];
    }
}
