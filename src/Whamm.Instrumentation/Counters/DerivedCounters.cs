using Whamm.Instrumentation.Core;
using Whamm.Instrumentation.State;
using Whamm.Wasm.Binary;
using Whamm.Wasm.Editing;

namespace Whamm.Instrumentation.Counters;

/// <summary>
/// Per-site counters computed at exit instead of counted (<c>Passes/ProbeInjection.Runs.cs</c>): the records the core
/// library's <c>whamm_derive</c> reads (Core/derive.c), function after function, each function's in the order its walk
/// made them (a record reads only counters counted or derived before it). Called after the counters in Wasm globals
/// reach their instances and before the report.
/// </summary>
internal sealed class DerivedCounters
{
    /// <summary>Each chunk becomes a data segment (engines cap a module's segments).</summary>
    private const int MaxChunk = 1 << 20;
    private readonly List<WasmWriter> chunks = [];

    /// <summary>The number of records.</summary>
    public int Count { get; private set; }

    /// <summary>Appends one function's records (<see cref="Records"/>).</summary>
    public void Add(ReadOnlySpan<byte> records, int count)
    {
        if (count == 0) return;
        if (chunks.Count == 0 || chunks[^1].Length + records.Length > MaxChunk) chunks.Add(new WasmWriter(Math.Min(Math.Max(records.Length, 4096), MaxChunk)));
        chunks[^1].WriteBytes(records);
        Count += count;
    }

    /// <summary>Lays the records out in the static region, one after the other, and calls <c>whamm_derive</c> on them.</summary>
    public void EmitDerive(InstructionBuilder b, CoreBinding core)
    {
        if (Count == 0) return;
        var start = core.Data.End;
        foreach (var chunk in chunks) core.Data.Attach(chunk.WrittenMemory);
        b.I32Const((int)start).I32Const(Count).Call(core.Function(CoreLibrary.Exports.Derive));
    }

    /// <summary>The records of one function, encoded as its walk makes them (Core/derive.c: addresses in units of 4).</summary>
    public sealed class Records
    {
        private const byte FromZero = 0x10, Amount = 0x40, Wide = 0x80;
        private readonly WasmWriter bytes = new();
        private uint last;

        public int Count { get; private set; }

        public ReadOnlySpan<byte> Bytes => bytes.WrittenSpan;

        public void Clear()
        {
            bytes.Clear();
            Count = 0;
        }

        /// <summary>The counter at <paramref name="counter"/> is <paramref name="amount"/> times <paramref name="runs"/>' sum.</summary>
        public void Add(uint counter, long amount, ReadOnlySpan<(uint Counter, int Coefficient)> runs, byte width)
        {
            // Per-site counters are aligned to their size, so 4 divides every address; a function's first record, or one
            // below the last (a counter shared from the function's entry), starts from 0.
            if ((counter & 3) != 0) throw Unaligned(counter);
            var fromZero = Count == 0 || counter < last;
            bytes.WriteByte((byte)(runs.Length | (fromZero ? FromZero : 0) | (amount != 1 ? Amount : 0) | (width == 8 ? Wide : 0)));
            bytes.WriteU32((counter - (fromZero ? 0 : last)) / 4);
            if (amount != 1) bytes.WriteS32((int)amount);
            foreach (var (term, coefficient) in runs)
            {
                if ((term & 3) != 0) throw Unaligned(term);
                bytes.WriteS32((int)(term - counter) / 4);
                bytes.WriteS32(coefficient);
            }
            last = counter;
            Count++;
        }

        private static InstrumentationException Unaligned(uint counter) =>
            new($"internal error: the derived counter at {counter} is not 4-byte aligned", isInternal: true);
    }
}
