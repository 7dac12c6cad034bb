using Whamm.Instrumentation.Counters;
using Whamm.Language.Semantics;

namespace Whamm.Instrumentation.Passes;

/// <summary>Per-site counters held in Wasm globals (<see cref="CounterGlobals"/>): which the walk used, and where.</summary>
internal sealed partial class ProbeInjection
{
    private bool[]? globalsEligible; // [defined function]: it may hold counters in globals; null: none may
    private bool globalsHere;        // the function being walked may
    private bool globalsUsedHere;    // and does
    private readonly Dictionary<uint, (WhammType Type, bool IsSet)> counterGlobals = [];
    private readonly List<int> functionsWithGlobals = [];

    /// <summary>The instances whose counters the walk put in globals (their addresses), each with its type and whether it is stored.</summary>
    public IReadOnlyDictionary<uint, (WhammType Type, bool IsSet)> CounterGlobalsUsed => counterGlobals;

    /// <summary>The defined functions whose code names counter globals by placeholder (<see cref="CounterGlobals.Patch"/>).</summary>
    public IReadOnlyList<int> FunctionsWithCounterGlobals => functionsWithGlobals;

    /// <summary>Before the walk: which functions may hold counters in globals (when counters are merged and the core is linked).</summary>
    private void PlanCounterGlobals()
    {
        if (Counters is not null && state.Core is not null) globalsEligible = CounterGlobals.Eligible(module);
    }

    private void BeginCounterGlobals()
    {
        globalsHere = globalsEligible?[definedIndex] == true;
        globalsUsedHere = false;
    }

    /// <summary>Whether the update of the instance at <paramref name="address"/> goes to its global (<see cref="CounterGlobals.Fits"/>); records it.</summary>
    private bool HoldInGlobal(WhammType type, uint address, long value, bool isSet)
    {
        if (!globalsHere || !CounterGlobals.Fits(type, address, value, isSet)) return false;
        if (counterGlobals.TryGetValue(address, out var used)) return used.IsSet == isSet;
        counterGlobals.Add(address, (type, isSet));
        if (!globalsUsedHere) functionsWithGlobals.Add(definedIndex);
        globalsUsedHere = true;
        return true;
    }

    /// <summary>Adds a finished worker's counter globals to this coordinator's.</summary>
    private void AbsorbCounterGlobals(ProbeInjection worker)
    {
        foreach (var (address, used) in worker.counterGlobals) counterGlobals.Add(address, used);
        functionsWithGlobals.AddRange(worker.functionsWithGlobals);
    }
}
