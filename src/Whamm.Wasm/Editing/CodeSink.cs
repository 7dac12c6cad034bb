using System.Runtime.CompilerServices;
using Whamm.Wasm.Binary;

namespace Whamm.Wasm.Editing;

/// <summary>
/// The rewriter's output buffer: the few encoders the streaming pass needs, compiled fully optimised from the
/// first call (a rewrite runs once per process over millions of instructions, too briefly for tiered JIT).
/// </summary>
internal sealed class CodeSink
{
    private byte[] _buffer;

    public CodeSink(int capacity = 256) => _buffer = new byte[Math.Max(capacity, 16)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public byte[] ToArray() => WrittenSpan.ToArray();

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - Length) Grow(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public void WriteByte(byte value)
    {
        if (Length == _buffer.Length) Grow(1);
        _buffer[Length++] = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteU32(uint value)
    {
        if (_buffer.Length - Length < 5) Grow(5);
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

    /// <summary>Copies what <paramref name="w"/> holds.</summary>
    public void Write(WasmWriter w) => WriteBytes(w.WrittenSpan);

    private void Grow(int count) => Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
}
