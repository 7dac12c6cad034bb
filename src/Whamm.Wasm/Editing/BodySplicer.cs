using Whamm.Wasm.Binary;
using Whamm.Wasm.Model;

namespace Whamm.Wasm.Editing;

/// <summary>
/// What a body is rebuilt into: new bytes in <see cref="Writer"/>, and the original's long untouched runs as references
/// (<see cref="SplicedBytes"/>) rather than copies. One per thread, reused body after body.
/// </summary>
internal sealed class BodySplicer(int capacity)
{
    /// <summary>Runs shorter than this are copied: a reference costs 12 bytes and a step of the writer's loop.</summary>
    public const int MinReference = 16;

    private int[] _pieces = new int[48];
    private int _count;

    /// <summary>The new bytes of the body being built.</summary>
    public WasmWriter Writer { get; } = new(capacity);

    /// <summary>Starts a body.</summary>
    public void Clear()
    {
        Writer.Clear();
        _count = 0;
    }

    /// <summary>Appends <paramref name="original"/>[<paramref name="from"/>..<paramref name="to"/>], by reference when long.</summary>
    public void Copy(ReadOnlySpan<byte> original, int from, int to)
    {
        if (to - from < MinReference)
        {
            Writer.WriteBytes(original[from..to]);
            return;
        }
        if (_count + 3 > _pieces.Length) Array.Resize(ref _pieces, _pieces.Length * 2);
        _pieces[_count] = Writer.Length;
        _pieces[_count + 1] = from;
        _pieces[_count + 2] = to - from;
        _count += 3;
    }

    /// <summary>The body built since <see cref="Clear"/>, whose references are into <paramref name="original"/>.</summary>
    public FunctionBody Build(ReadOnlyMemory<byte> original) => _count == 0
        ? new FunctionBody(Writer.ToArray())
        : new FunctionBody(new SplicedBytes(original, Writer.ToArray(), _pieces[.._count]));
}
