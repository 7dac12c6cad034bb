using System.Diagnostics;
using System.Runtime.CompilerServices;
using Whamm.Instrumentation.Core;
using Whamm.Wasm.Model;
using Whamm.Wasm.Validation;

namespace Whamm.Instrumentation.Tests.Core;

/// <summary>The committed module: its shape (the ABI other code links against) and that it matches its sources.</summary>
public sealed class CoreModuleTests
{
    [Fact]
    public void ImportsOnlyFdWriteAndExportsOneMemoryAndTheAbi()
    {
        var module = CoreLibrary.Read();
        ModuleValidator.Validate(module);
        var import = Assert.Single(module.Imports);
        Assert.Equal((CoreLibrary.FdWriteModule, CoreLibrary.FdWriteName, ExternalKind.Func), (import.Module, import.Name, import.Kind));
        Assert.Null(module.Start);
        var memory = Assert.Single(module.Exports, e => e.Kind == ExternalKind.Memory);
        Assert.Equal(CoreLibrary.Exports.Memory, memory.Name);
        var heapBase = Assert.Single(module.Exports, e => e.Kind == ExternalKind.Global);
        Assert.Equal(CoreLibrary.Exports.HeapBase, heapBase.Name);
        Assert.False(module.Globals[(int)heapBase.Index].Type.Mutable);

        var functionNames = typeof(CoreLibrary.Exports).GetFields()
            .Select(f => (string)f.GetValue(null)!)
            .Where(n => n is not CoreLibrary.Exports.Memory and not CoreLibrary.Exports.HeapBase)
            .Order(StringComparer.Ordinal);
        Assert.Equal(functionNames, module.Exports.Where(e => e.Kind == ExternalKind.Func).Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReadReturnsAFreshModuleEachTime()
    {
        var first = CoreLibrary.Read();
        first.Exports.Clear();
        Assert.NotEmpty(CoreLibrary.Read().Exports);
    }

    [Fact]
    public void EmbeddedBytesAreTheCommittedFile() =>
        Assert.Equal(File.ReadAllBytes(Path.Combine(CoreSourceDir(), "whamm_core.wasm")), CoreLibrary.Bytes.ToArray());

    /// <summary>Without clang-14 and wasm-ld-14 on PATH there is nothing to compare with, and the test passes.</summary>
    [Fact]
    public void CommittedModuleIsUpToDateWithItsSources()
    {
        if (!OnPath("clang-14") || !OnPath("wasm-ld-14")) return;
        var dir = Directory.CreateTempSubdirectory("whamm-core-build");
        try
        {
            var output = Path.Combine(dir.FullName, "whamm_core.wasm");
            var start = new ProcessStartInfo("sh", [Path.Combine(CoreSourceDir(), "build.sh"), output]) { RedirectStandardError = true };
            using var build = Process.Start(start)!;
            var errors = build.StandardError.ReadToEnd();
            build.WaitForExit();
            Assert.True(build.ExitCode == 0, errors);
            Assert.True(File.ReadAllBytes(output).AsSpan().SequenceEqual(CoreLibrary.Bytes.Span),
                "whamm_core.wasm is stale: run src/Whamm.Instrumentation/Core/build.sh and commit the result");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, tool)));

    private static string CoreSourceDir([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..", "src", "Whamm.Instrumentation", "Core"));
}
