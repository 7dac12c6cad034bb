using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Whamm.Instrumentation.Sites;
using Whamm.Instrumentation.State;
using Whamm.Language.Semantics;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;

namespace Whamm.Instrumentation.Passes;

/// <summary>
/// The per-site variables of a counter script walked on several threads (<c>ProbeInjection.Parallel.cs</c>). The
/// sequential walk allocates one instance of each declared variable at every site its probe matches, function after
/// function, and when every instance has one size that is a multiple of its alignment they lie end to end with no gap.
/// So the instances of one function take a range of the static region that is known before the walk, from the number
/// of sites each body holds: the functions are decoded once beforehand, the whole region is reserved at once, and a
/// worker takes the addresses of its function's range in order (<see cref="Cursor"/>). Report rows list the instances
/// in allocation order, so a function's rows are added once every function before it has finished.
/// </summary>
internal sealed class SiteSlots
{
    private readonly ScriptState state;
    private readonly int size;
    private readonly uint[] starts; // per defined function, then the region's end
    private readonly Cursor?[] finished;
    private int nextToAdd;
    private readonly Lock gate = new();

    private SiteSlots(ScriptState state, int size, uint[] starts)
    {
        this.state = state;
        this.size = size;
        this.starts = starts;
        finished = new Cursor?[starts.Length - 1];
    }

    /// <summary>
    /// Counts the instances of each of the first <paramref name="count"/> functions of <paramref name="module"/> (a site
    /// of <c>op</c> holds <paramref name="instancesAt"/>[op] of <paramref name="size"/> bytes) on up to
    /// <paramref name="threads"/> threads, and reserves their region.
    /// </summary>
    public static SiteSlots Reserve(ScriptState state, Module module, int count, int[] instancesAt, int size, int threads)
    {
        var instances = new long[count];
        BodyScan.ForEach(module, count, threads, f =>
        {
            var reader = module.Functions[f].Body.Instructions();
            long n = 0;
            while (!reader.AtEnd) n += instancesAt[(int)reader.Read().Op];
            instances[f] = n;
        });
        var total = checked((int)(instances.Sum() * size));
        var start = total == 0 ? 0 : state.RequireCore("a per-site variable").Data.Reserve(total, ValueLayout.SiteAlignment(size));
        var starts = new uint[count + 1];
        starts[0] = start;
        for (var f = 0; f < count; f++) starts[f + 1] = checked(starts[f] + (uint)(instances[f] * size));
        return new SiteSlots(state, size, starts);
    }

    /// <summary>The range of defined function <paramref name="defined"/>, to take its instances from.</summary>
    public Cursor Open(int defined) => new(this, defined);

    /// <summary>
    /// A function's instances are all taken: its report rows, and those of the functions after it that finished before
    /// it, go to the report in function order. When another worker is adding rows, they are left to it (or to
    /// <see cref="Drain"/>): no worker waits for another.
    /// </summary>
    public void Finish(Cursor cursor)
    {
        if (cursor.Next != starts[cursor.Function + 1])
            throw new InstrumentationException($"internal error: function {cursor.Function} took {cursor.Next - starts[cursor.Function]} bytes of per-site variables, not the {starts[cursor.Function + 1] - starts[cursor.Function]} counted", isInternal: true);
        Volatile.Write(ref finished[cursor.Function], cursor);
        if (!gate.TryEnter()) return;
        try
        {
            AddFinished();
        }
        finally
        {
            gate.Exit();
        }
    }

    /// <summary>After the walk: adds the rows no worker added; every function must have finished.</summary>
    public void Drain()
    {
        lock (gate) AddFinished();
        if (nextToAdd != finished.Length)
            throw new InstrumentationException($"internal error: function {nextToAdd} never finished its per-site variables", isInternal: true);
    }

    private void AddFinished()
    {
        for (; nextToAdd < finished.Length && Volatile.Read(ref finished[nextToAdd]) is { } done; nextToAdd++)
        {
            // The kinds in the order the function first used them, as the sequential walk registers them.
            var kinds = new int[done.Kinds.Count];
            for (var k = 0; k < kinds.Length; k++)
            {
                var (variable, site) = done.Kinds[k];
                kinds[k] = state.Reports.SiteKind(variable.Name, variable.Type, site);
            }
            foreach (var (kind, pc, address, value) in done.Rows)
            {
                var site = done.Kinds[kind].Site;
                state.Reports.AddSiteRow(kinds[kind], site.Fid, site.FunctionName, pc, address, value);
            }
            finished[nextToAdd] = null;
        }
    }

    /// <summary>Where the next instance of one function goes, and the report rows of those taken (16 bytes each).</summary>
    public sealed class Cursor(SiteSlots slots, int function)
    {
        public int Function { get; } = function;
        public uint Next { get; private set; } = slots.starts[function];
        /// <summary>What rows of one variable of one probe share, in the order of first use: a function has a few.</summary>
        public List<(VariableSymbol Variable, ReportSite Site)> Kinds { get; } = [];
        private readonly Dictionary<(VariableSymbol, string, int), int> kindIndex = new(KindKeys.Instance);
        public List<(int Kind, int Pc, uint Address, uint Value)> Rows { get; } = new((int)((slots.starts[function + 1] - slots.starts[function]) / slots.size));

        /// <summary>
        /// The address of the next instance, for <paramref name="variable"/> at <paramref name="site"/>; its report row
        /// prints the value at <paramref name="valueAddress"/> (a counter it shares) or its own. It starts at zero, as
        /// counters must (nothing is written).
        /// </summary>
        public uint Take(VariableSymbol variable, ReportSite site, uint? valueAddress)
        {
            var address = Next;
            if (address + (uint)slots.size > slots.starts[Function + 1])
                throw new InstrumentationException($"internal error: function {Function} takes more per-site variables than counted", isInternal: true);
            Next += (uint)slots.size;
            if (variable.IsReport) Rows.Add((KindOf(variable, site), site.Pc, address, valueAddress ?? address));
            return address;
        }

        private int KindOf(VariableSymbol variable, ReportSite site)
        {
            ref var k = ref CollectionsMarshal.GetValueRefOrAddDefault(kindIndex, (variable, site.Rule, site.ProbeIndex), out var known);
            if (!known)
            {
                k = Kinds.Count;
                Kinds.Add((variable, site));
            }
            return k;
        }
    }

    /// <summary>A kind's variable and rule are the same instances at every site of a probe: compared by reference, hashed without their text.</summary>
    private sealed class KindKeys : IEqualityComparer<(VariableSymbol Variable, string Rule, int Probe)>
    {
        public static readonly KindKeys Instance = new();

        public bool Equals((VariableSymbol Variable, string Rule, int Probe) a, (VariableSymbol Variable, string Rule, int Probe) b) =>
            ReferenceEquals(a.Variable, b.Variable) && ReferenceEquals(a.Rule, b.Rule) && a.Probe == b.Probe;

        public int GetHashCode((VariableSymbol Variable, string Rule, int Probe) k) =>
            RuntimeHelpers.GetHashCode(k.Rule) ^ RuntimeHelpers.GetHashCode(k.Variable) * 31 ^ k.Probe;
    }
}
