namespace Whamm.Runtime.Hosting;

/// <summary>A host directory made visible to the guest under <paramref name="Guest"/> (WASI preopen).</summary>
/// <param name="Host">The directory on the host.</param>
/// <param name="Guest">The path the guest opens it by (the host path when not given, as <c>wasmtime --dir</c> does).</param>
/// <param name="ReadOnly">Refuse writes below it.</param>
public sealed record DirectoryMapping(string Host, string Guest, bool ReadOnly = false)
{
    /// <summary>Parses <c>host[::guest]</c>.</summary>
    public static DirectoryMapping Parse(string spec)
    {
        ArgumentException.ThrowIfNullOrEmpty(spec);
        var sep = spec.IndexOf("::", StringComparison.Ordinal);
        return sep < 0 ? new DirectoryMapping(spec, spec) : new DirectoryMapping(spec[..sep], spec[(sep + 2)..]);
    }
}

/// <summary>A module linked under an import module name before the application (<c>--user-libs</c>).</summary>
/// <param name="ImportModule">The module name the application imports it by.</param>
/// <param name="Binary">The library's binary.</param>
public sealed record UserLibrary(string ImportModule, byte[] Binary);

/// <summary>
/// How <see cref="AppRunner"/> runs an application: the WASI world it sees and the limits that stop a
/// hostile program. Defaults: no arguments, empty environment, no directories, the console's standard
/// streams, no limits.
/// </summary>
public sealed record RunOptions
{
    /// <summary><c>argv[0]</c> as the program sees it.</summary>
    public string ProgramName { get; init; } = "app.wasm";
    /// <summary>The program's arguments after <c>argv[0]</c>.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];
    /// <summary>Environment variables, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Env { get; init; } = [];
    /// <summary>Preopened directories.</summary>
    public IReadOnlyList<DirectoryMapping> Dirs { get; init; } = [];
    /// <summary>A file to read standard input from; null inherits the host's standard input.</summary>
    public string? StdinFile { get; init; }
    /// <summary>Where the guest's standard output goes; null inherits the host's (the console).</summary>
    public Stream? Stdout { get; init; }
    /// <summary>Where the guest's standard error goes; null inherits the host's.</summary>
    public Stream? Stderr { get; init; }
    /// <summary>Fuel (roughly, instructions) the program may consume; null for no limit.</summary>
    public ulong? Fuel { get; init; }
    /// <summary>The most bytes any one linear memory may grow to; null for no limit.</summary>
    public long? MaxMemoryBytes { get; init; }
    /// <summary>Wall-clock time the program may run (epoch interruption); null for no limit.</summary>
    public TimeSpan? Timeout { get; init; }
    /// <summary>
    /// An export (no parameters) called once more after the program traps or hits a limit, with the
    /// limits re-armed, so that an instrumented program's report is still flushed; null for none. The
    /// rewriter (issue #5) names its flush function here; normal ends and <c>proc_exit</c> flush by themselves.
    /// </summary>
    public string? FlushExport { get; init; }
    /// <summary>
    /// A writer the application may import to print apart from its own output (an instrumented module's
    /// report, <c>InstrumentOptions.HostOutput</c>); null defines none.
    /// </summary>
    public HostOutputChannel? HostOutput { get; init; }
    /// <summary>Libraries instantiated first and linked by their import module names.</summary>
    public IReadOnlyList<UserLibrary> UserLibs { get; init; } = [];
}
