using Wasmtime;

namespace Whamm.Runtime.Hosting;

/// <summary>
/// A host function <c>ImportModule.ImportName</c> with WASI <c>fd_write</c>'s signature and meaning
/// (<c>(fd, iovs, iovs_len, nwritten) -> errno</c>) whose buffers are read from the calling instance's
/// memory exported as <paramref name="MemoryExport"/>, and whose bytes, whatever the descriptor, go to
/// <paramref name="Sink"/>. An instrumented module prints its report through it
/// (<c>Whamm.Instrumentation.HostOutput</c> names the import and the memory), so that the report never mixes
/// with the program's own standard output.
/// </summary>
/// <param name="ImportModule">The import's module name.</param>
/// <param name="ImportName">The import's name.</param>
/// <param name="MemoryExport">The export name of the memory holding the iovecs and their bytes.</param>
/// <param name="Sink">Where the bytes go, in order.</param>
public sealed record HostOutputChannel(string ImportModule, string ImportName, string MemoryExport, Stream Sink)
{
    private const int Success = 0;
    private const int BadDescriptor = 8; // WASI errno EBADF: the module exports no such memory
    private const int Fault = 21;        // WASI errno EFAULT: an iovec points outside the memory

    /// <summary>Defines the writer in <paramref name="linker"/> (<see cref="AppRunner"/> does, given <see cref="RunOptions.HostOutput"/>; a host with a linker of its own calls it).</summary>
    public void Define(Linker linker) =>
        linker.DefineFunction(ImportModule, ImportName, (Caller caller, int fd, int iovs, int count, int written) => Write(caller, iovs, count, written));

    private int Write(Caller caller, int iovs, int count, int written)
    {
        if (caller.GetMemory(MemoryExport) is not { } memory) return BadDescriptor;
        var length = memory.GetLength();
        if (count < 0 || (uint)iovs + 8L * count > length || (uint)written + 4L > length) return Fault;
        long total = 0;
        for (var i = 0; i < count; i++)
        {
            var ptr = (uint)memory.ReadInt32((uint)iovs + 8L * i);
            var len = (uint)memory.ReadInt32((uint)iovs + 8L * i + 4);
            if (ptr + (long)len > length || len > int.MaxValue) return Fault;
            if (len > 0) Sink.Write(memory.GetSpan(ptr, (int)len));
            total += len;
        }
        memory.WriteInt32((uint)written, (int)total);
        return Success;
    }
}
