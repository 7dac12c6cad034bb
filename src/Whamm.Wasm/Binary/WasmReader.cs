using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Binary;

/// <summary>
/// A cursor over part of a module's bytes with the binary format's primitive decoders (strict LEB128,
/// names, value and heap types, limits). Every failure is a <see cref="WasmException"/> at the file
/// offset where it happened. A mutable struct: pass it by <c>ref</c>.
/// </summary>
public struct WasmReader
{
    private readonly ReadOnlyMemory<byte> _data;
    // The data's array and where the data starts in it: ReadOnlyMemory.Span costs a type test per call, and the
    // decoders read millions of bytes one at a time (a copy when the data is not an array's, which modules never are).
    private readonly byte[] _array;
    private readonly int _start;
    private int _pos;

    /// <summary>A reader over <paramref name="data"/>, whose first byte is at <paramref name="fileOffset"/> in the file.</summary>
    public WasmReader(ReadOnlyMemory<byte> data, long fileOffset = 0, string? section = null)
    {
        if (!MemoryMarshal.TryGetArray(data, out var segment))
        {
            var copy = data.ToArray();
            data = copy;
            segment = new ArraySegment<byte>(copy);
        }
        _data = data;
        _array = segment.Array!;
        _start = segment.Offset;
        _pos = 0;
        FileOffset = fileOffset;
        Section = section;
    }

    /// <summary>File offset of the first byte of the data.</summary>
    public long FileOffset { get; }
    /// <summary>Section name used in errors.</summary>
    public string? Section { get; set; }
    /// <summary>Position within the data.</summary>
    public int Position { readonly get => _pos; set => _pos = value; }
    /// <summary>Bytes left.</summary>
    public readonly int Remaining => _data.Length - _pos;
    /// <summary>True when every byte has been read.</summary>
    public readonly bool AtEnd => _pos >= _data.Length;
    /// <summary>The file offset of the current position.</summary>
    public readonly long CurrentOffset => FileOffset + _pos;
    /// <summary>The underlying data.</summary>
    public readonly ReadOnlyMemory<byte> Data => _data;

    /// <summary>The whole data as a span (indexed by <see cref="Position"/>).</summary>
    private readonly ReadOnlySpan<byte> Bytes => new(_array, _start, _data.Length);

    /// <summary>An error at the current position.</summary>
    public readonly WasmException Error(string reason) => new(WasmErrorKind.Malformed, reason, CurrentOffset, Section);

    /// <summary>An error at <paramref name="position"/> within the data.</summary>
    public readonly WasmException ErrorAt(int position, string reason) => new(WasmErrorKind.Malformed, reason, FileOffset + position, Section);

    /// <summary>Reads one byte.</summary>
    public byte ReadByte()
    {
        var pos = _pos;
        if (pos >= _data.Length) ThrowEndOfFile();
        _pos = pos + 1;
        return _array[_start + pos];
    }

    /// <summary>The next byte, not consumed.</summary>
    public readonly byte PeekByte()
    {
        if (_pos >= _data.Length) ThrowEndOfFile();
        return _array[_start + _pos];
    }

    /// <summary>Out of line, so that the readers of single bytes and LEB128s stay small enough to inline.</summary>
    [DoesNotReturn]
    private readonly void ThrowEndOfFile() => throw Error("unexpected end-of-file");

    /// <summary>Reads <paramref name="count"/> raw bytes.</summary>
    public ReadOnlyMemory<byte> ReadBytes(int count)
    {
        if (count < 0 || count > Remaining) throw Error("unexpected end-of-file");
        var slice = _data.Slice(_pos, count);
        _pos += count;
        return slice;
    }

    /// <summary>Unsigned LEB128, at most 32 bits.</summary>
    public uint ReadU32()
    {
        if (_pos < _data.Length && _array[_start + _pos] < 0x80) return _array[_start + _pos++]; // most are one byte
        return ReadU32Long();
    }

    private uint ReadU32Long()
    {
        var span = Bytes;
        uint result = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (_pos >= _data.Length) ThrowEndOfFile();
            var b = span[_pos++];
            if (shift == 28)
            {
                if ((b & 0x80) != 0) throw ErrorAt(_pos - 1, "invalid var_u32: integer representation too long");
                if ((b & 0x70) != 0) throw ErrorAt(_pos - 1, "invalid var_u32: integer too large");
            }
            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
    }

    /// <summary>Signed LEB128, at most 32 bits.</summary>
    public int ReadS32() => (int)ReadSigned(32, "var_i32");

    /// <summary>Signed LEB128, at most 64 bits.</summary>
    public long ReadS64() => ReadSigned(64, "var_i64");

    /// <summary>Signed LEB128, at most 33 bits (block types, heap types).</summary>
    public long ReadS33() => ReadSigned(33, "var_s33");

    /// <summary>Unsigned LEB128, at most 64 bits.</summary>
    public ulong ReadU64()
    {
        var span = Bytes;
        ulong result = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (_pos >= _data.Length) ThrowEndOfFile();
            var b = span[_pos++];
            if (shift == 63)
            {
                if ((b & 0x80) != 0) throw ErrorAt(_pos - 1, "invalid var_u64: integer representation too long");
                if ((b & 0x7E) != 0) throw ErrorAt(_pos - 1, "invalid var_u64: integer too large");
            }
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
    }

    private long ReadSigned(int bits, string what)
    {
        if (_pos < _data.Length && _array[_start + _pos] < 0x80) // one byte: 7 bits, sign-extended from bit 6
            return (long)(sbyte)(_array[_start + _pos++] << 1) >> 1;
        var span = Bytes;
        long result = 0;
        var shift = 0;
        var maxBytes = (bits + 6) / 7;
        for (var i = 0; ; i++)
        {
            if (_pos >= _data.Length) ThrowEndOfFile();
            var b = span[_pos++];
            if (i == maxBytes - 1)
            {
                if ((b & 0x80) != 0) throw ErrorAt(_pos - 1, $"invalid {what}: integer representation too long");
                // The unused high bits of the last byte must be copies of the sign bit.
                var used = bits - shift;                 // payload bits this byte contributes
                var signAndUnused = (sbyte)(b << 1) >> used; // bits from the sign bit up, sign-extended
                if (signAndUnused != 0 && signAndUnused != -1) throw ErrorAt(_pos - 1, $"invalid {what}: integer too large");
            }
            result |= (long)(b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0)
            {
                if (shift < 64 && (b & 0x40) != 0) result |= -1L << shift;
                return result;
            }
        }
    }

    /// <summary>Four little-endian bytes (an f32's bits).</summary>
    public uint ReadF32Bits() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    /// <summary>Eight little-endian bytes (an f64's bits).</summary>
    public ulong ReadF64Bits() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining) ThrowEndOfFile();
        var span = Bytes.Slice(_pos, count);
        _pos += count;
        return span;
    }

    /// <summary>A vector length, checked against the bytes left so a lying length cannot make us allocate.</summary>
    public uint ReadCount(int minBytesPerItem = 1)
    {
        var at = _pos;
        var count = ReadU32();
        if (minBytesPerItem > 0 && count > (ulong)Remaining / (ulong)minBytesPerItem)
            throw ErrorAt(at, "unexpected end-of-file: vector length exceeds the bytes that remain");
        return count;
    }

    /// <summary>A UTF-8 name.</summary>
    public string ReadName()
    {
        var length = ReadCount();
        var at = _pos;
        var bytes = ReadBytes((int)length).Span;
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) throw ErrorAt(at, "malformed UTF-8 encoding");
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>A heap type (abstract code or non-negative type index, as s33).</summary>
    public HeapType ReadHeapType()
    {
        var at = _pos;
        var b = PeekByte();
        if (HeapType.IsAbstractCode(b))
        {
            _pos++;
            return HeapType.Of((AbstractHeap)b);
        }
        var value = ReadS33();
        if (value < 0) throw ErrorAt(at, $"invalid heap type 0x{b:x2}");
        if (value > int.MaxValue) throw ErrorAt(at, "type index out of bounds");
        return HeapType.Index((uint)value);
    }

    /// <summary>A value type.</summary>
    public ValType ReadValType()
    {
        var at = _pos;
        var b = ReadByte();
        switch (b)
        {
            case 0x7F: return ValType.I32;
            case 0x7E: return ValType.I64;
            case 0x7D: return ValType.F32;
            case 0x7C: return ValType.F64;
            case 0x7B: return ValType.V128;
            case 0x64: return ValType.Ref(ReadHeapType(), nullable: false);
            case 0x63: return ValType.Ref(ReadHeapType(), nullable: true);
            default:
                if (HeapType.IsAbstractCode(b)) return ValType.Ref(HeapType.Of((AbstractHeap)b), nullable: true);
                throw ErrorAt(at, $"invalid value type 0x{b:x2}");
        }
    }

    /// <summary>A reference type (a value type that must be a reference).</summary>
    public ValType ReadRefType()
    {
        var at = _pos;
        var t = ReadValType();
        if (!t.IsRef) throw ErrorAt(at, $"malformed reference type: {t}");
        return t;
    }

    /// <summary>A storage type: a value type or packed i8/i16.</summary>
    public ValType ReadStorageType()
    {
        switch (PeekByte())
        {
            case 0x78: _pos++; return ValType.I8;
            case 0x77: _pos++; return ValType.I16;
            default: return ReadValType();
        }
    }

    /// <summary>Memory or table limits with the flag bits of threads, memory64 and custom page sizes.</summary>
    public Limits ReadLimits(bool memory)
    {
        var at = _pos;
        var flags = ReadByte();
        var allowed = memory ? 0x0F : 0x05;
        if ((flags & ~allowed) != 0) throw ErrorAt(at, memory ? $"invalid memory limits flags 0x{flags:x2}" : $"invalid table limits flags 0x{flags:x2}");
        var hasMax = (flags & 1) != 0;
        var shared = (flags & 2) != 0;
        var is64 = (flags & 4) != 0;
        var min = is64 ? ReadU64() : ReadU32();
        ulong? max = hasMax ? (is64 ? ReadU64() : ReadU32()) : null;
        uint? pageSizeLog2 = (flags & 8) != 0 ? ReadU32() : null;
        return new Limits(min, max, is64, shared, pageSizeLog2);
    }
}
