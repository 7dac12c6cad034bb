using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Whamm.Bench;

/// <summary>
/// `allocations TRACE.nettrace [TYPE ...]`: what a process allocated, by type and call stack, from the allocation
/// samples (one per ~100 KB) of `dotnet-trace collect --profile gc-verbose -o TRACE.nettrace -- COMMAND`: the total, then
/// the 25 largest, in MB. With TYPE names, only those types (e.g. System.String).
/// </summary>
internal static class AllocationStacks
{
    private const int Frames = 6;

    public static int Run(string[] args)
    {
        using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(args[0]));
        var types = args.Skip(1).ToHashSet(StringComparer.Ordinal);
        var bytes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in log.Events)
        {
            if (e is not GCAllocationTickTraceData tick || types.Count > 0 && !types.Contains(tick.TypeName)) continue;
            var key = tick.TypeName + ": " + string.Join(" <- ", Callers(e.CallStack()));
            bytes[key] = bytes.GetValueOrDefault(key) + tick.AllocationAmount64;
        }
        Console.WriteLine($"{bytes.Values.Sum() >> 20,6} MB  in all");
        foreach (var (key, total) in bytes.OrderByDescending(b => b.Value).Take(25)) Console.WriteLine($"{total >> 20,6} MB  {key}");
        return 0;
    }

    /// <summary>The innermost frame, then the nearest callers outside the base library, without their signatures.</summary>
    private static IEnumerable<string> Callers(TraceCallStack? stack)
    {
        var n = 0;
        for (var s = stack; s is not null && n < Frames; s = s.Caller)
        {
            var name = s.CodeAddress.FullMethodName;
            if (string.IsNullOrEmpty(name) || n > 0 && name.StartsWith("System.", StringComparison.Ordinal)) continue;
            n++;
            yield return name.Split('(')[0];
        }
    }
}
