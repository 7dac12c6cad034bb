using System.Diagnostics;
using BenchmarkDotNet.Running;
using Whamm.Bench;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Writing;

// `roundtrip IN OUT [--reencode]`: one read + write as a whole process, to time side by side with
// `wasm-opt IN -o OUT` (see bench/toolkit-speed.sh). Anything else goes to BenchmarkDotNet.
if (args.Length >= 3 && args[0] == "roundtrip")
{
    var clock = Stopwatch.StartNew();
    var module = ModuleReader.ReadFile(args[1]);
    File.WriteAllBytes(args[2], ModuleWriter.Write(module, reencodeAll: args.Contains("--reencode")));
    if (args.Contains("--time")) Console.Error.WriteLine($"in-process: {clock.Elapsed.TotalMilliseconds:F1} ms");
    return 0;
}
// `prepend-import IN OUT [--calls]`: read, insert a function import at index 0 (every function index
// shifts; every reference is remapped), optionally a call to it at every function entry, write.
if (args.Length >= 3 && args[0] == "prepend-import")
{
    var clock = Stopwatch.StartNew();
    var editor = new ModuleEditor(ModuleReader.ReadFile(args[1]));
    var hook = editor.AddFunctionImport("whamm", "hook", editor.AddType([], []), at: 0);
    if (args.Contains("--calls"))
    {
        for (var i = 0; i < editor.Module.Functions.Count; i++) editor.EditBody(i).InsertAtEntry(new InstructionBuilder().Call(hook));
    }
    editor.Commit(validate: false);
    File.WriteAllBytes(args[2], editor.Write());
    if (args.Contains("--time")) Console.Error.WriteLine($"in-process: {clock.Elapsed.TotalMilliseconds:F1} ms");
    return 0;
}
// `link IN LIB OUT`: read both, link LIB into IN (ModuleEditor.Link), write (validating what the link added).
if (args.Length >= 4 && args[0] == "link")
{
    var clock = Stopwatch.StartNew();
    var editor = new ModuleEditor(ModuleReader.ReadFile(args[1]));
    editor.Link(ModuleReader.ReadFile(args[2]), new LinkOptions { NamePrefix = "lib:" });
    File.WriteAllBytes(args[3], editor.Write());
    if (args.Contains("--time")) Console.Error.WriteLine($"in-process: {clock.Elapsed.TotalMilliseconds:F1} ms");
    return 0;
}
// `overhead [options] --monitor NAME=script.mm[@TARGET] ... --programs TABLE`: run-time cost of instrumentation (bench/overhead.sh, OverheadCommand.cs).
if (args.Length >= 1 && args[0] == "overhead") return OverheadCommand.Run(args[1..]);
// `allocations TRACE.nettrace [TYPE ...]`: allocations by type and stack from a dotnet-trace gc-verbose trace (AllocationStacks.cs).
if (args.Length >= 2 && args[0] == "allocations") return AllocationStacks.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(ToolkitBenchmarks).Assembly).Run(args);
return 0;
