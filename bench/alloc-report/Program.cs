// Sums the allocation ticks of a trace (`dotnet-trace collect --profile gc-verbose`) by type, and by type and the first
// frames of its stack outside System.*: where a rewrite's garbage comes from.
//   dotnet run --project bench/alloc-report -c Release -- alloc.nettrace [TOP]
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: alloc-report TRACE.nettrace [TOP]");
    return 1;
}
var top = args.Length == 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20;
using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(args[0]));
var byType = new Dictionary<string, long>();
var byStack = new Dictionary<string, long>();
foreach (var e in log.Events)
{
    if (e is not GCAllocationTickTraceData tick) continue;
    byType[tick.TypeName] = byType.GetValueOrDefault(tick.TypeName) + tick.AllocationAmount64;
    var frames = new List<string>();
    for (var s = e.CallStack(); s is not null && frames.Count < 6; s = s.Caller)
    {
        var name = s.CodeAddress.FullMethodName;
        if (!string.IsNullOrEmpty(name) && !name.StartsWith("System.", StringComparison.Ordinal)) frames.Add(name);
    }
    var key = $"{tick.TypeName} <- {string.Join(" <- ", frames)}";
    byStack[key] = byStack.GetValueOrDefault(key) + tick.AllocationAmount64;
}
foreach (var table in new[] { byType, byStack })
{
    foreach (var (what, bytes) in table.OrderByDescending(x => x.Value).Take(top)) Console.WriteLine($"{bytes >> 10,10} KB  {what}");
    Console.WriteLine();
}
return 0;
