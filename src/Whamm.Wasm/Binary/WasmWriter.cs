using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Binary;

/// <summary>
/// A growable byte buffer with the binary format's primitive encoders; the mirror of
/// <see cref="WasmReader"/>. Integers are written in their shortest (canonical) LEB128 form.
/// The byte-level writers are compiled fully optimised from the first call: a rewrite runs once per
/// process over millions of instructions, too briefly for tiered JIT to reach them.
/// </summary>
public sealed class WasmWriter
{
    private byte[] _buffer;

    /// <summary>An empty writer.</summary>
    public WasmWriter(int capacity = 256) => _buffer = new byte[Math.Max(capacity, 16)];

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    /// <summary>Bytes that fit before the buffer grows.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    /// <summary>The bytes written so far, as memory that stays valid while nothing more is written.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, Length);

    /// <summary>A copy of the bytes written.</summary>
    public byte[] ToArray() => WrittenSpan.ToArray();

    /// <summary>The bytes written: the buffer itself when they fill it (a writer made with the exact capacity), else a copy. Write nothing more.</summary>
    public byte[] Detach() => Length == _buffer.Length ? _buffer : ToArray();

    /// <summary>Forgets everything written, keeping the buffer.</summary>
    public void Clear() => Length = 0;

    private Span<byte> Grow(int count)
    {
        if (count > _buffer.Length - Length) Resize(count);
        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }

    private void Resize(int count) => Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));

    /// <summary>One byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public void WriteByte(byte value)
    {
        if (Length == _buffer.Length) Resize(1);
        _buffer[Length++] = value;
    }

    /// <summary>Raw bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public void WriteBytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Grow(bytes.Length));

    /// <summary>Unsigned LEB128.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteU32(uint value)
    {
        if (_buffer.Length - Length < 5) Resize(5);
        var buffer = _buffer;
        var n = Length;
        while (value >= 0x80)
        {
            buffer[n++] = (byte)(value | 0x80);
            value >>= 7;
        }
        buffer[n++] = (byte)value;
        Length = n;
    }

    /// <summary>Unsigned LEB128.</summary>
    public void WriteU64(ulong value)
    {
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            if (value != 0) b |= 0x80;
            WriteByte(b);
        } while (value != 0);
    }

    /// <summary>Signed LEB128.</summary>
    public void WriteS32(int value) => WriteS64(value);

    /// <summary>Signed LEB128.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteS64(long value)
    {
        while (true)
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            var done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            WriteByte(done ? b : (byte)(b | 0x80));
            if (done) return;
        }
    }

    /// <summary>The number of bytes <see cref="WriteU32"/> uses for <paramref name="value"/>.</summary>
    public static int SizeU32(uint value)
    {
        var n = 1;
        while ((value >>= 7) != 0) n++;
        return n;
    }

    /// <summary>Four little-endian bytes.</summary>
    public void WriteF32Bits(uint bits) => BinaryPrimitives.WriteUInt32LittleEndian(Grow(4), bits);

    /// <summary>Eight little-endian bytes.</summary>
    public void WriteF64Bits(ulong bits) => BinaryPrimitives.WriteUInt64LittleEndian(Grow(8), bits);

    /// <summary>A length-prefixed UTF-8 name.</summary>
    public void WriteName(string name)
    {
        var count = Encoding.UTF8.GetByteCount(name);
        WriteU32((uint)count);
        Encoding.UTF8.GetBytes(name, Grow(count));
    }

    /// <summary>A heap type: abstract byte or s33 type index.</summary>
    public void WriteHeapType(HeapType heap)
    {
        if (heap.IsConcrete) WriteS64(heap.TypeIndex);
        else WriteByte((byte)heap.Abstract);
    }

    /// <summary>A value or storage type, abbreviating nullable abstract references (<c>funcref</c> = 0x70).</summary>
    public void WriteValType(ValType type)
    {
        if (!type.IsRef)
        {
            WriteByte((byte)type.Kind);
            return;
        }
        if (type.Nullable && !type.Heap.IsConcrete)
        {
            WriteByte((byte)type.Heap.Abstract);
            return;
        }
        WriteByte(type.Nullable ? (byte)0x63 : (byte)0x64);
        WriteHeapType(type.Heap);
    }

    /// <summary>Limits with their flag byte.</summary>
    public void WriteLimits(Limits limits)
    {
        var flags = (limits.Max.HasValue ? 1 : 0) | (limits.Shared ? 2 : 0) | (limits.Is64 ? 4 : 0) | (limits.PageSizeLog2.HasValue ? 8 : 0);
        WriteByte((byte)flags);
        WriteU64(limits.Min);
        if (limits.Max is { } max) WriteU64(max);
        if (limits.PageSizeLog2 is { } log2) WriteU32(log2);
    }

    /// <summary>Writes a section or subsection: id, then the size of what <paramref name="content"/> writes, then that content.</summary>
    public void WriteSized(byte id, WasmWriter content)
    {
        WriteByte(id);
        WriteU32((uint)content.Length);
        WriteBytes(content.WrittenSpan);
    }
}
