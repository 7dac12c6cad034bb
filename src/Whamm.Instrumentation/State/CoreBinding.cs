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

    /// <summary>The bridge carrying the output to WASI through the application's memory (filled last), or null.</summary>
    public OutputBridge? Bridge { get; init; }

    /// <summary>What the user should know about how the core library could be linked, or null.</summary>
    public string? Warning { get; init; }

    /// <summary>The index of the core function exported as <paramref name="name"/>.</summary>
    public uint Function(string name) => function(name);
}

