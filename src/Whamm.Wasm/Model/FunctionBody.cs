using Whamm.Wasm.Binary;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Model;

/// <summary>A run of locals of one type, as declared at the start of a body.</summary>
public readonly record struct LocalDecl(uint Count, ValType Type);

/// <summary>
/// A function body, kept as the bytes of the code section entry (local declarations, then code) until
/// someone asks for its locals or instructions. Offsets of instructions count from the first byte of
/// these bytes, local declarations included (the Wizard <c>pc</c> convention). An edited body may be
/// <see cref="SplicedBytes"/>, joined into one array only when someone asks for <see cref="Bytes"/>
/// (the writer does not: <see cref="WriteTo"/>).
/// </summary>
public sealed class FunctionBody
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly SplicedBytes? _spliced;
    private byte[]? _joined;
    private LocalDecl[]? _locals;
    private int _codeOffset = -1;

    /// <summary>Wraps encoded bytes (without the size prefix); <paramref name="fileOffset"/> locates them.</summary>
    public FunctionBody(ReadOnlyMemory<byte> bytes, long fileOffset = 0)
    {
        _bytes = bytes;
        FileOffset = fileOffset;
    }

    /// <summary>A built body whose bytes are <paramref name="spliced"/>.</summary>
    public FunctionBody(SplicedBytes spliced) => _spliced = spliced;

    /// <summary>The encoded body: local declarations followed by the instructions.</summary>
    public ReadOnlyMemory<byte> Bytes => _spliced is null ? _bytes : _joined ??= _spliced.ToArray(); // threads racing here join alike

    /// <summary>The number of bytes of the body.</summary>
    public int Length => _spliced?.Length ?? _bytes.Length;

    /// <summary>Appends the body's bytes to <paramref name="w"/> without joining a spliced body.</summary>
    public void WriteTo(WasmWriter w)
    {
        if (_spliced is not null) _spliced.WriteTo(w);
        else w.WriteBytes(_bytes.Span);
    }

    /// <summary>File offset of the first byte of <see cref="Bytes"/> (0 for built bodies).</summary>
    public long FileOffset { get; }

    /// <summary>Local declarations (decoded on first use).</summary>
    public IReadOnlyList<LocalDecl> Locals
    {
        get
        {
            if (_locals is null) DecodeLocals();
            return _locals!;
        }
    }

    /// <summary>Offset of the first instruction within <see cref="Bytes"/>.</summary>
    public int CodeOffset
    {
        get
        {
            if (_codeOffset < 0) DecodeLocals();
            return _codeOffset;
        }
    }

    /// <summary>Total number of declared locals (parameters not included).</summary>
    public ulong LocalCount => Locals.Aggregate(0UL, (sum, d) => sum + d.Count);

    /// <summary>A reader positioned at the first instruction; offsets are relative to the body start.</summary>
    public InstructionReader Instructions()
    {
        var r = new WasmReader(Bytes, FileOffset, "code") { Position = CodeOffset };
        return new InstructionReader(r);
    }

    /// <summary>The file offset of an instruction of this body.</summary>
    public long FileOffsetOf(in Instruction instruction) => FileOffset + instruction.Offset;

    /// <summary>Every instruction, decoded (allocates; use <see cref="Instructions"/> on hot paths).</summary>
    public List<Instruction> Decode()
    {
        var list = new List<Instruction>();
        var reader = Instructions();
        while (!reader.AtEnd) list.Add(reader.Read());
        return list;
    }

    private void DecodeLocals()
    {
        var r = new WasmReader(Bytes, FileOffset, "code");
        var groups = r.ReadCount(2);
        var locals = new LocalDecl[groups];
        ulong total = 0;
        for (var i = 0; i < groups; i++)
        {
            var at = r.Position;
            var count = r.ReadU32();
            total += count;
            if (total > MaxLocals) throw r.ErrorAt(at, "too many locals");
            locals[i] = new LocalDecl(count, r.ReadValType());
        }
        _locals = locals;
        _codeOffset = r.Position;
    }

    /// <summary>The most locals a function may declare (Wasmtime's limit).</summary>
    public const ulong MaxLocals = 50_000;
}
