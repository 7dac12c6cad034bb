using System.Buffers.Binary;
using System.Text;
using Whamm.Instrumentation.Core;

namespace Whamm.Instrumentation.Tests.Core;

/// <summary>
/// The core library instantiated alone in Wasmtime, with a host <c>fd_write</c> that records what is written to
/// each fd. One host per test: the library's state (heap, maps, output buffer) is per instance.
/// </summary>
internal sealed class CoreHost : IDisposable
{
    private static readonly Wasmtime.Engine Engine = new();
    private static readonly Wasmtime.Module CoreModule = Wasmtime.Module.FromBytes(Engine, "whamm_core", CoreLibrary.Bytes.ToArray());

    private readonly Wasmtime.Store _store;
    private readonly Wasmtime.Linker _linker;
    private readonly Dictionary<int, MemoryStream> _written = [];

    public CoreHost()
    {
        _store = new Wasmtime.Store(Engine);
        _linker = new Wasmtime.Linker(Engine);
        _linker.DefineFunction(CoreLibrary.FdWriteModule, CoreLibrary.FdWriteName,
            (Wasmtime.Caller caller, int fd, int iovs, int count, int writtenPtr) => FdWrite(caller.GetMemory(CoreLibrary.Exports.Memory)!, fd, iovs, count, writtenPtr));
        Instance = _linker.Instantiate(_store, CoreModule);
        Memory = Instance.GetMemory(CoreLibrary.Exports.Memory)!;
    }

    public Wasmtime.Instance Instance { get; }

    public Wasmtime.Memory Memory { get; }

    /// <summary>Number of <c>fd_write</c> calls so far (to observe buffering).</summary>
    public int WriteCalls { get; private set; }

    /// <summary>Instantiates another module (e.g. a benchmark loop) that imports this instance's exports as <paramref name="moduleName"/>.</summary>
    public Wasmtime.Instance Link(string moduleName, string wat)
    {
        _linker.DefineInstance(_store, moduleName, Instance);
        using var module = Wasmtime.Module.FromText(Engine, "linked", wat);
        return _linker.Instantiate(_store, module);
    }

    public Action<int> Action(string name) => Instance.GetAction<int>(name) ?? throw new MissingMethodException(name);

    public Func<int, int> Func(string name) => Instance.GetFunction<int, int>(name) ?? throw new MissingMethodException(name);

    public int Alloc(int length) => Func(CoreLibrary.Exports.MemAlloc)(length);

    /// <summary>Copies bytes into a fresh allocation and returns its address.</summary>
    public int Put(ReadOnlySpan<byte> bytes)
    {
        var ptr = Alloc(Math.Max(bytes.Length, 1));
        bytes.CopyTo(Memory.GetSpan(ptr, bytes.Length));
        return ptr;
    }

    /// <summary>Copies a UTF-8 string into the library's memory: its (ptr, len).</summary>
    public (int Ptr, int Len) PutString(string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        return (Put(bytes), bytes.Length);
    }

    /// <summary>Flushes the library's buffer and returns (and forgets) everything written to <paramref name="fd"/>.</summary>
    public string TakeOutput(int fd = 1)
    {
        Instance.GetAction(CoreLibrary.Exports.Flush)!();
        if (!_written.Remove(fd, out var stream)) return "";
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private int FdWrite(Wasmtime.Memory memory, int fd, int iovs, int count, int writtenPtr)
    {
        WriteCalls++;
        if (!_written.TryGetValue(fd, out var stream)) _written[fd] = stream = new MemoryStream();
        var total = 0;
        for (var i = 0; i < count; i++)
        {
            var ptr = memory.ReadInt32(iovs + 8 * i);
            var len = memory.ReadInt32(iovs + 8 * i + 4);
            stream.Write(memory.GetSpan(ptr, len));
            total += len;
        }
        memory.WriteInt32(writtenPtr, total);
        return 0;
    }

    public void Dispose()
    {
        _linker.Dispose();
        _store.Dispose();
    }
}

/// <summary>Builds packed little-endian values (no padding), as descriptors describe them.</summary>
internal sealed class Packer
{
    private readonly List<byte> _bytes = [];

    public Packer U8(byte v) { _bytes.Add(v); return this; }
    public Packer I8(sbyte v) => U8((byte)v);
    public Packer Bool(bool v) => U8(v ? (byte)1 : (byte)0);
    public Packer U16(ushort v) => Add(2, s => BinaryPrimitives.WriteUInt16LittleEndian(s, v));
    public Packer I16(short v) => U16((ushort)v);
    public Packer U32(uint v) => Add(4, s => BinaryPrimitives.WriteUInt32LittleEndian(s, v));
    public Packer I32(int v) => U32((uint)v);
    public Packer U64(ulong v) => Add(8, s => BinaryPrimitives.WriteUInt64LittleEndian(s, v));
    public Packer I64(long v) => U64((ulong)v);
    public Packer F32(float v) => U32(BitConverter.SingleToUInt32Bits(v));
    public Packer F64(double v) => U64(BitConverter.DoubleToUInt64Bits(v));
    public Packer Str((int Ptr, int Len) s) => I32(s.Ptr).I32(s.Len);

    public byte[] ToArray() => [.. _bytes];

    private Packer Add(int size, SpanAction write)
    {
        Span<byte> buffer = stackalloc byte[8];
        write(buffer[..size]);
        _bytes.AddRange(buffer[..size]);
        return this;
    }

    private delegate void SpanAction(Span<byte> span);
}
