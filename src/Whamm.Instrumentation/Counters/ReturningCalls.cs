using Whamm.Instrumentation.Sites;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;
using Whamm.Wasm.Validation;

namespace Whamm.Instrumentation.Counters;

/// <summary>
/// The calls after which the caller certainly goes on unless the program traps: the callee can neither end the program
/// (WASI <c>proc_exit</c>, where the report is printed from the counters as they stand) nor throw. Counter groups, loop
/// locals and cached globals run on across such a call (<see cref="CounterFlow"/>); other calls cut them.
/// <para>
/// Found once per module, on its original functions. A function may leave its caller otherwise when it is an import
/// other than a WASI function that returns, when it throws, or when it calls (also by a tail call) one that may. An
/// indirect call reaches the functions <c>ref.func</c> may name (the spec's C.refs) whose type matches the call's; when
/// a table or a reference crosses the module's boundary, the host may put functions of its own there, and every
/// indirect call may leave.
/// </para>
/// <code>
/// ;; json: `call $emit` in a loop, emit -> fputc -> __stdio_write -> fd_write: returns, the loop may hold counters
/// ;; `call $fail`, fail -> exit -> proc_exit: may leave, the group ends there
/// </code>
/// </summary>
internal sealed class ReturningCalls
{
    private readonly bool[] leaves = [];       // [original function]: may leave its caller other than by returning
    private readonly HashSet<int> leavingTypes = []; // canonical types through which an indirect call may reach such a function
    private readonly bool openTables = true;
    private readonly ValidationContext? original;      // null: nothing is known

    /// <summary>Every call may leave its caller (nothing is known of the callees).</summary>
    public static ReturningCalls None { get; } = new();

    private ReturningCalls() { }

    private ReturningCalls(ValidationContext original, bool[] leaves, HashSet<int> leavingTypes, bool openTables)
    {
        this.original = original;
        this.leaves = leaves;
        this.leavingTypes = leavingTypes;
        this.openTables = openTables;
    }

    /// <summary>Whether <paramref name="ins"/> is a call after which the caller goes on unless the program traps.</summary>
    public bool Returns(in Instruction ins) => original is not null && ins.Op switch
    {
        Op.Call => !leaves[ins.Index],
        Op.CallIndirect or Op.CallRef => !openTables && !leavingTypes.Contains(original.CanonicalId(ins.Index)),
        _ => false,
    };

    /// <summary>Whether <paramref name="ins"/> is a call that may leave its caller other than by returning.</summary>
    public bool MayLeave(in Instruction ins) => CounterFlow.IsCall(ins.Op) && !Returns(ins);

    /// <summary>The calls of <paramref name="app"/> (not yet edited; <paramref name="original"/> built from it), its bodies read on up to <paramref name="threads"/> threads.</summary>
    public static ReturningCalls Of(Module app, ValidationContext original, int threads)
    {
        var imported = original.ImportedFunctions;
        var bodies = new CallsOf[app.Functions.Count];
        BodyScan.ForEach(app, bodies.Length, threads, i => bodies[i] = CallsOf.Read(app.Functions[i].Body, original));

        // Who to tell when a function turns out to leave: its direct callers, and the indirect calls of each type.
        var callers = new List<int>?[original.FunctionTypes.Length];
        var indirectCallers = new Dictionary<int, List<int>>();
        var leaves = new bool[callers.Length];
        var work = new Stack<int>();
        var imports = app.ImportsOf(ExternalKind.Func);
        for (var f = 0; f < imported; f++)
        {
            if (imports[f] is not { Module: FunctionDirectory.WasiModule, Name: not (FunctionDirectory.ProcExitName or "proc_raise") }) Mark(f);
        }
        for (var i = 0; i < bodies.Length; i++)
        {
            var f = imported + i;
            foreach (var callee in bodies[i].Direct) (callers[callee] ??= []).Add(f);
            foreach (var type in bodies[i].Indirect)
            {
                if (!indirectCallers.TryGetValue(type, out var list)) indirectCallers[type] = list = [];
                list.Add(f);
            }
            if (bodies[i].Throws) Mark(f);
        }
        var open = OpenTables(app, original);
        if (open)
        {
            foreach (var list in indirectCallers.Values) list.ForEach(Mark);
        }
        var leavingTypes = new HashSet<int>();
        while (work.TryPop(out var f))
        {
            callers[f]?.ForEach(Mark);
            if (!original.IsDeclared((uint)f)) continue;
            for (var t = (int)original.FunctionTypes[f]; t >= 0; t = original.SupertypeOf((uint)t)) // every type it matches
            {
                var canonical = original.CanonicalId((uint)t);
                if (leavingTypes.Add(canonical) && indirectCallers.TryGetValue(canonical, out var list)) list.ForEach(Mark);
            }
        }
        return new ReturningCalls(original, leaves, leavingTypes, open);

        void Mark(int f)
        {
            if (leaves[f]) return;
            leaves[f] = true;
            work.Push(f);
        }
    }

    /// <summary>Whether the host may put functions of its own in a table: a table, or a type naming references, is imported or exported.</summary>
    private static bool OpenTables(Module app, ValidationContext original)
    {
        bool Crosses(ExternalKind kind, uint index) => kind switch
        {
            ExternalKind.Table => true,
            ExternalKind.Global => original.Globals[index].Type.IsRef,
            ExternalKind.Func => NamesReferences(original.FunctionTypes[index]),
            ExternalKind.Tag => NamesReferences(original.Tags[index].TypeIndex),
            _ => false,
        };
        bool NamesReferences(uint type) => original.FuncTypes[type] is not { } f || f.Params.Any(p => p.IsRef) || f.Results.Any(r => r.IsRef);

        var counts = new Dictionary<ExternalKind, uint>();
        foreach (var import in app.Imports)
        {
            var index = counts.GetValueOrDefault(import.Kind);
            counts[import.Kind] = index + 1;
            if (Crosses(import.Kind, index)) return true;
        }
        return app.Exports.Any(e => Crosses(e.Kind, e.Index));
    }

    /// <summary>What one body calls: functions directly, canonical types indirectly; and whether it throws.</summary>
    private readonly record struct CallsOf(List<int> Direct, List<int> Indirect, bool Throws)
    {
        public static CallsOf Read(FunctionBody body, ValidationContext original)
        {
            List<int> direct = [], indirect = [];
            var throws = false;
            var reader = body.Instructions();
            while (!reader.AtEnd)
            {
                var ins = reader.Read();
                switch (ins.Op)
                {
                    case Op.Call or Op.ReturnCall:
                        direct.Add((int)ins.Index);
                        break;
                    case Op.CallIndirect or Op.ReturnCallIndirect or Op.CallRef or Op.ReturnCallRef:
                        indirect.Add(original.CanonicalId(ins.Index));
                        break;
                    case Op.Throw or Op.ThrowRef or Op.Rethrow:
                        throws = true;
                        break;
                }
            }
            return new CallsOf(direct, indirect, throws);
        }
    }
}
