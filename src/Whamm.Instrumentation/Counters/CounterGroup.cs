using Whamm.Instrumentation.State;
using Whamm.Language.Semantics;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.Counters;

/// <summary>
/// The counter updates of one group (a basic block cut at calls that may not return, <see cref="CounterFlow"/>), gathered site by site and
/// emitted once before its first counted site: one add per script global, one add (or store) per shared per-site
/// counter. Sites of one group always run together, so a per-site variable bumped by the same amount at each of them
/// can live in one counter: the first site's instance, which the others' report rows read.
/// </summary>
internal sealed class CounterGroup
{
    private readonly List<(VariableLocation Global, long Amount)> globals = [];
    private readonly List<(WhammType Type, uint Address, long Value, bool IsSet, uint? Base)> slots = [];
    private readonly List<(VariableSymbol Variable, long Value, bool IsSet, uint Address)> shared = []; // few: a scan beats hashing symbols

    public bool IsEmpty => globals.Count == 0 && slots.Count == 0;

    /// <summary>Adds <paramref name="amount"/> to script global <paramref name="global"/> once per execution of the group.</summary>
    public void AddGlobal(VariableLocation global, long amount)
    {
        for (var i = 0; i < globals.Count; i++)
        {
            if (globals[i].Global.Slots[0] != global.Slots[0]) continue;
            globals[i] = (global, globals[i].Amount + amount);
            return;
        }
        globals.Add((global, amount));
    }

    /// <summary>
    /// Adds <paramref name="amount"/> to the 64-bit counter at <paramref name="offset"/> from the address in global
    /// <paramref name="base"/> (a map entry's, <see cref="MapCounters"/>) once per execution of the group.
    /// </summary>
    public void AddToCounter(uint @base, uint offset, long amount)
    {
        for (var i = 0; i < slots.Count; i++)
        {
            if (slots[i].Address != offset || slots[i].Base != @base) continue;
            slots[i] = slots[i] with { Value = slots[i].Value + amount };
            return;
        }
        slots.Add((WhammType.U64, offset, amount, false, @base));
    }

    /// <summary>Adds <paramref name="amount"/> to the <paramref name="type"/> instance at <paramref name="address"/> once per execution of the group; no other site reads it as its counter.</summary>
    public void AddAmount(WhammType type, uint address, long amount)
    {
        for (var i = 0; i < slots.Count; i++)
        {
            if (slots[i].Address != address || slots[i].Base is not null || slots[i].IsSet) continue;
            slots[i] = slots[i] with { Value = slots[i].Value + amount };
            return;
        }
        slots.Add((type, address, amount, false, null));
    }

    /// <summary>The counter a per-site variable bumped by <paramref name="value"/> (or set to it) shares with an earlier site of the group, or null.</summary>
    public uint? SharedCounter(VariableSymbol variable, long value, bool isSet)
    {
        foreach (var s in shared)
        {
            if (ReferenceEquals(s.Variable, variable) && s.Value == value && s.IsSet == isSet) return s.Address;
        }
        return null;
    }

    /// <summary>Makes the instance at <paramref name="address"/> the group's counter for the variable, bumped by <paramref name="value"/> (or set to it) once per execution.</summary>
    public void AddCounter(VariableSymbol variable, uint address, long value, bool isSet)
    {
        shared.Add((variable, value, isSet, address));
        slots.Add((variable.Type, address, value, isSet, null));
    }

    /// <summary>Makes the derived instance at <paramref name="address"/> (<c>ProbeInjection.Runs.cs</c>) the group's counter for the variable: shared, never emitted.</summary>
    public void AddDerived(VariableSymbol variable, uint address, long value) => shared.Add((variable, value, false, address));

    /// <summary>
    /// Emits the group's flags (per-site variables it sets) into <paramref name="b"/>, in memory, and forgets them: the
    /// caller puts them where they run once whenever the group runs at least once (before the loop whose body the
    /// group starts).
    /// </summary>
    public void EmitSets(InstructionBuilder b, uint memory)
    {
        foreach (var (type, address, value, isSet, _) in slots)
        {
            if (isSet) ValueLayout.EmitSetSiteVariable(b, type, memory, address, value);
        }
        slots.RemoveAll(s => s.IsSet);
    }

    /// <summary>
    /// Emits the group's updates and forgets them: globals through <paramref name="cache"/> (a local where the function
    /// has one), per-site counters in the local <paramref name="locals"/> gives them (a loop's, see
    /// <see cref="CachedCounter"/>), else in their Wasm global (<see cref="CounterGlobals"/>), else in memory. Where a
    /// local counts the group's runs for its i32 counters (<see cref="ICounterLocals.Runs"/>, also for one counter when
    /// <paramref name="countRunsOfOne"/>), returns it.
    /// </summary>
    public (uint Local, bool Bump)? Emit<TLocals>(InstructionBuilder b, uint? memory, CounterCache cache, TLocals locals, bool countRunsOfOne)
        where TLocals : ICounterLocals
    {
        foreach (var (global, amount) in globals) cache.EmitBump(b, global, amount);
        var least = countRunsOfOne ? 1 : 2;
        var inLoop = locals.MayHold; // outside loops that hold counters, no CachedCounter is made to ask
        var runs32 = inLoop ? RunCount(b, ValType.I32, locals, least) : null;
        var runs64 = inLoop ? RunCount(b, ValType.I64, locals, least) : null;
        foreach (var (type, address, value, isSet, @base) in slots)
        {
            if (@base is null && !isSet && ValueLayout.ValType(type) is var t && (t == ValType.I32 && runs32 is not null || t == ValType.I64 && runs64 is not null)) continue;
            if (inLoop && @base is null && locals.Local(new CachedCounter(type, address, value, isSet)) is { } l)
            {
                if (isSet) b.I32Const(1).LocalSet(l);
                else CachedCounter.EmitAdd(b, type, l, value);
                continue;
            }
            if (@base is null && locals.Global(type, address, value, isSet))
            {
                if (isSet) CounterGlobals.EmitSet(b, type, address, value);
                else CounterGlobals.EmitAdd(b, type, address, value);
                continue;
            }
            if (isSet) ValueLayout.EmitSetSiteVariable(b, type, memory!.Value, address, value);
            else ValueLayout.EmitAddConstant(b, type, memory!.Value, address, value, @base is { } g ? GlobalBase(g) : ValueLayout.ZeroBase);
        }
        globals.Clear();
        slots.Clear();
        shared.Clear();
        return runs32;
    }

    private static Action<InstructionBuilder> GlobalBase(uint global) => b => b.GlobalGet(global);

    /// <summary>
    /// Where a loop holds the group and it adds to <paramref name="least"/> or more per-site counters of Wasm type
    /// <paramref name="type"/>, one local counts the group's runs for all of them (<see cref="ICounterLocals.Runs"/>,
    /// flushed as runs times amount; bumped here unless another group of the same runs bumps it): that local, else null.
    /// </summary>
    private (uint Local, bool Bump)? RunCount<TLocals>(InstructionBuilder b, ValType type, TLocals locals, int least) where TLocals : ICounterLocals
    {
        if (slots.Count < least) return null;
        List<CachedCounter>? counters = null;
        foreach (var (t, address, value, isSet, @base) in slots)
        {
            if (@base is null && !isSet && ValueLayout.ValType(t) == type) (counters ??= []).Add(new CachedCounter(t, address, 0, false, value));
        }
        if (counters is null || counters.Count < least || locals.Runs(counters) is not var (local, bump)) return null;
        if (bump) CachedCounter.EmitAdd(b, type, local, 1);
        return (local, bump);
    }
}

/// <summary>The locals that hold a group's counters while a loop runs (<see cref="CounterGroup.Emit"/>): the walk answers for the group it emits.</summary>
internal interface ICounterLocals
{
    /// <summary>Whether a loop may hold the group's counters in locals; when not, <see cref="Local"/> and <see cref="Runs"/> answer null.</summary>
    bool MayHold { get; }

    /// <summary>The local holding <paramref name="counter"/>, or null: it is updated in memory.</summary>
    uint? Local(CachedCounter counter);

    /// <summary>A local counting the group's runs for all of <paramref name="counters"/> (of one Wasm type) and whether the group bumps it; null when none.</summary>
    (uint Local, bool Bump)? Runs(IReadOnlyList<CachedCounter> counters);

    /// <summary>Whether the per-site counter at <paramref name="address"/> is updated in its Wasm global (<see cref="CounterGlobals"/>).</summary>
    bool Global(WhammType type, uint address, long value, bool isSet);
}
