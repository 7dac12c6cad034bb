using Whamm.Instrumentation.Counters;
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
    private readonly IReadOnlyList<CounterDeclaration> declarations;
    private int nextToAdd;
    private readonly Lock gate = new();
    // Rows lists of functions whose rows were added, for the next functions to fill (a list per function was 16 bytes of
    // garbage a site: esbuild's hotness rewrite allocated 77 MB of them, 52 MB reused, as a list still grows for a larger
    // function). A few more are kept than there are workers, as functions finish out of order.
    private readonly Stack<List<(int Slot, int Pc, uint Address, uint Value)>> spareRows = new();
    private const int SpareRowLists = 8;

    private SiteSlots(ScriptState state, IReadOnlyList<CounterDeclaration> declarations, int size, uint[] starts)
    {
        this.state = state;
        this.declarations = declarations;
        this.size = size;
        this.starts = starts;
        finished = new Cursor?[starts.Length - 1];
    }

    /// <summary>
    /// Counts the instances of each of the first <paramref name="count"/> functions of <paramref name="module"/> (a site
    /// of <c>op</c> holds <paramref name="instancesAt"/>[op] of <paramref name="size"/> bytes) on up to
    /// <paramref name="threads"/> threads, and reserves their region. The counters' declarations are those of <paramref name="plan"/>.
    /// </summary>
    public static SiteSlots Reserve(ScriptState state, CounterPlan plan, Module module, int count, int[] instancesAt, int size, int threads)
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
        return new SiteSlots(state, plan.Declarations, size, starts);
    }

    /// <summary>The range of defined function <paramref name="defined"/>, to take its instances from.</summary>
    public Cursor Open(int defined)
    {
        List<(int, int, uint, uint)>? rows;
        lock (spareRows) spareRows.TryPop(out rows);
        return new(this, defined, rows ?? []);
    }

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
            foreach (var (slot, pc, address, value) in done.Rows)
            {
                var (variable, probe, rule) = declarations[slot];
                state.Reports.AddSiteRow(state.Reports.SiteKind(slot, variable.Name, variable.Type, probe, rule), done.Fid, done.FunctionName, pc, address, value);
            }
            if (done.Derived is var (records, count)) (state.Derived ??= new DerivedCounters()).Add(records, count);
            finished[nextToAdd] = null;
            done.Rows.Clear();
            lock (spareRows)
            {
                if (spareRows.Count < SpareRowLists) spareRows.Push(done.Rows);
            }
        }
    }

    /// <summary>Where the next instance of one function goes, and the report rows of those taken (16 bytes each).</summary>
    public sealed class Cursor
    {
        private readonly SiteSlots slots;

        public Cursor(SiteSlots slots, int function, List<(int Slot, int Pc, uint Address, uint Value)> rows)
        {
            this.slots = slots;
            Function = function;
            Next = slots.starts[function];
            rows.EnsureCapacity((int)((slots.starts[function + 1] - slots.starts[function]) / slots.size));
            Rows = rows;
        }

        public int Function { get; }
        public uint Next { get; private set; }
        public uint Fid { get; private set; }
        public string FunctionName { get; private set; } = "";
        /// <summary>The rows: the declaration (<see cref="CounterOp.Slot"/>), pc, the instance's address and that of the value it prints.</summary>
        public List<(int Slot, int Pc, uint Address, uint Value)> Rows { get; }
        /// <summary>The function's derived counters (<see cref="DerivedCounters.Records"/>), or null.</summary>
        public (byte[] Records, int Count)? Derived { get; set; }

        /// <summary>
        /// The address of the next instance, of <paramref name="declaration"/> at <paramref name="site"/>; its report row
        /// prints the value at <paramref name="valueAddress"/> (a counter it shares) or its own. It starts at zero, as
        /// counters must (nothing is written).
        /// </summary>
        public uint Take(CounterOp declaration, ReportSite site, uint? valueAddress)
        {
            var address = Next;
            if (address + (uint)slots.size > slots.starts[Function + 1])
                throw new InstrumentationException($"internal error: function {Function} takes more per-site variables than counted", isInternal: true);
            Next += (uint)slots.size;
            if (!declaration.Variable.IsReport) return address;
            (Fid, FunctionName) = (site.Fid, site.FunctionName);
            Rows.Add((declaration.Slot, site.Pc, address, valueAddress ?? address));
            return address;
        }
    }
}
