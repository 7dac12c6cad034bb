using Whamm.Language.Text;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.Folding;

/// <summary>
/// What the static built-ins (reference §1.13) know about the application, taken before anything is added: its
/// memories in its own numbering, where its active data segments lie, and the instrumentation memory, which is
/// appended after the application's memories so that their indices never move (<c>memid(whamm_core)</c> is the
/// application's memory count).
/// </summary>
internal sealed class ModuleFacts
{
    private readonly MemoryType[] memories;
    private readonly int importedMemories;
    /// <summary>The application's active segments, read when a script first asks (a Go module has 98,000 segments).</summary>
    private readonly Lazy<(uint Memory, ulong? Start, int Length)[]> activeData;

    private ModuleFacts(Module app)
    {
        importedMemories = app.ImportCount(ExternalKind.Memory);
        memories = [.. app.ImportsOf(ExternalKind.Memory).Select(i => i.Memory), .. app.Memories];
        var segments = app.Data.Snapshot(); // as they are now: editing may renumber their memories
        activeData = new(() => [.. segments().Where(d => d.Mode == SegmentMode.Active)
            .Select(d => (d.Memory, ConstantOffset(d.Offset!), d.Bytes.Length))]);
    }

    /// <summary>The facts of <paramref name="app"/> as it is now (call before editing it).</summary>
    public static ModuleFacts Of(Module app) => new(app);

    /// <summary>How many memories the application has (imports included).</summary>
    public int MemoryCount => memories.Length;

    /// <summary>The instrumentation memory's id, or null when the script needs none.</summary>
    public uint? InstrumentationMemory { get; set; }

    /// <summary>
    /// <c>APP_MEMID</c>: the application's first memory it defines itself (reference §1.13), or its first memory
    /// when it only imports memories.
    /// </summary>
    public uint AppMemory(TextSpan span) => memories.Length == 0
        ? throw new InstrumentationException("`APP_MEMID`: the application has no memory", span)
        : importedMemories < memories.Length ? (uint)importedMemories : 0;

    /// <summary>The type of memory <paramref name="id"/> (an application memory or the instrumentation memory); an error for any other id.</summary>
    public MemoryType Memory(long id, TextSpan span)
    {
        if (id >= 0 && id < memories.Length) return memories[id];
        if (InstrumentationMemory is { } ours && id == ours) return new MemoryType(new Limits(1));
        var known = memories.Length == 0 ? "the application has no memory" : $"the application's memories are 0..{memories.Length - 1}";
        var instr = InstrumentationMemory is { } m ? $" and the instrumentation memory is {m}" : "";
        throw new InstrumentationException($"there is no memory {id}: {known}{instr}", span);
    }

    /// <summary><c>page_size(id)</c> in bytes (the custom-page-sizes proposal honoured).</summary>
    public long PageSize(long id, TextSpan span) => 1L << (int)(Memory(id, span).Limits.PageSizeLog2 ?? 16);

    /// <summary><c>active_data_start(id)</c> and <c>active_data_len(id)</c>: the lowest start and the length of the union's hull (0 and 0 without segments).</summary>
    public (long Start, long Length) ActiveData(long id, TextSpan span)
    {
        Memory(id, span);
        if (id >= memories.Length)
            throw new InstrumentationException("the active data of the instrumentation memory is laid out after folding, so it has no static value", span);
        var segments = activeData.Value.Where(d => d.Memory == id).ToArray();
        if (segments.Length == 0) return (0, 0);
        if (segments.Any(s => s.Start is null))
            throw new InstrumentationException($"an active data segment of memory {id} has an offset known only at run time", span);
        var start = segments.Min(s => s.Start!.Value);
        var end = segments.Max(s => s.Start!.Value + (ulong)s.Length);
        return ((long)start, (long)(end - start));
    }

    /// <summary>The value of an offset expression that is a single constant, else null.</summary>
    private static ulong? ConstantOffset(ConstExpr offset) => offset.Decode() switch
    {
        [{ Op: Op.I32Const } c, { Op: Op.End }] => (uint)(int)c.Imm0,
        [{ Op: Op.I64Const } c, { Op: Op.End }] => c.Imm0,
        _ => null,
    };
}
