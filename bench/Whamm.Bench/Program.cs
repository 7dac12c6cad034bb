using System.Diagnostics;
using BenchmarkDotNet.Running;
using Whamm.Bench;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Writing;

// `roundtrip IN OUT [--reencode]`: one read + write as a whole process, to time side by side with
// `wasm-opt IN -o OUT` (see bench/rewrite-speed.sh). Anything else goes to BenchmarkDotNet.
if (args.Length >= 3 && args[0] == "roundtrip")
{
    var clock = Stopwatch.StartNew();
    var module = ModuleReader.ReadFile(args[1]);
    File.WriteAllBytes(args[2], ModuleWriter.Write(module, reencodeAll: args.Contains("--reencode")));
    if (args.Contains("--time")) Console.Error.WriteLine($"in-process: {clock.Elapsed.TotalMilliseconds:F1} ms");
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(ToolkitBenchmarks).Assembly).Run(args);
return 0;
