using System.Collections.Concurrent;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;
using Whamm.Wasm.Validation;

namespace Whamm.Instrumentation.Sites;

/// <summary>
/// The first phase of the walk (issue #9: functions are independent, so both cores): the operand and result types at
/// the instructions that need them, found by validating the application's functions in
/// parallel, a bounded number of functions ahead of the emission, which takes them in function order. Emission stays
/// sequential and in walk order, so the output is the same whatever the thread count. Every function is validated
/// (finding out first which have such an instruction cost a decode of every function, more than it saved).
/// </summary>
internal sealed class StackTypes : IDisposable
{
    /// <summary>How many functions validation may run ahead of emission (bounds the memory the types take).</summary>
    private const int Window = 256;

    private readonly ValidationContext original;
    private readonly FunctionBody[] bodies;
    private readonly Func<Op, bool> needsTypes;
    private readonly Lazy<FunctionStackTypes>?[] results;
    private volatile bool disposed;
    private readonly ConcurrentBag<Worker> workers = [];
    private int started;

    /// <summary>
    /// Starts validating the defined functions of <paramref name="original"/>'s module. The bodies are taken now, before the
    /// emission edits the module, and the workers never read the module's function list again.
    /// </summary>
    public StackTypes(ValidationContext original, Func<Op, bool> needsTypes)
    {
        this.original = original;
        this.needsTypes = needsTypes;
        var defined = original.FunctionTypes.Length - original.ImportedFunctions;
        bodies = new FunctionBody[defined];
        for (var i = 0; i < defined; i++) bodies[i] = original.Module.Functions[i].Body;
        results = new Lazy<FunctionStackTypes>?[defined];
    }

    /// <summary>The types of defined function <paramref name="defined"/>; call in increasing order. Rethrows a validation error.</summary>
    public FunctionStackTypes Take(int defined)
    {
        while (started < bodies.Length && started <= defined + Window)
        {
            var i = started++;
            var result = results[i] = new Lazy<FunctionStackTypes>(() => Validate(i), LazyThreadSafetyMode.ExecutionAndPublication);
            ThreadPool.UnsafeQueueUserWorkItem(_ =>
            {
                if (disposed) return;
                try
                {
                    _ = result.Value;
                }
                catch (Exception)
                {
                    // kept by the Lazy: Take rethrows it on the emitting thread
                }
            }, null);
        }
        // A function no worker has reached yet is validated right here instead of waiting for one.
        var types = results[defined]!.Value;
        results[defined] = null;
        return types;
    }

    /// <summary>Stops starting validations nobody will take (those under way finish on their own; they hold nothing to release).</summary>
    public void Dispose() => disposed = true;

    private sealed class Worker
    {
        public Worker(ValidationContext context)
        {
            Validator = new FunctionValidator(context);
            LabelArity = Validator.LabelArity;
        }

        public FunctionValidator Validator { get; }
        public Func<uint, int> LabelArity { get; }
    }

    private FunctionStackTypes Validate(int defined)
    {
        var body = bodies[defined];
        if (!workers.TryTake(out var worker)) worker = new Worker(original);
        var v = worker.Validator;
        var fid = (uint)(original.ImportedFunctions + defined);
        var functionResults = original.FuncTypes[original.FunctionTypes[fid]]!.Results.Length;
        v.Reset(fid, body);
        var sites = new List<FunctionStackTypes.Entry>();
        var reader = body.Instructions();
        for (var opidx = 0; !reader.AtEnd; opidx++)
        {
            var ins = reader.Read();
            if (!needsTypes(ins.Op))
            {
                v.Step(ins);
                continue;
            }
            var effect = ControlFlow.StackEffect(ins, original, worker.LabelArity, functionResults);
            var frame = v.Operands[v.FrameHeight..];
            var args = FromTop(frame, effect?.Pops ?? frame.Length); // copied before Step overwrites the validator's stack
            v.Step(ins);
            var results = effect is { } e && !ControlFlow.NeverFallsThrough(ins.Op) ? FromTop(v.Operands[v.FrameHeight..], e.Pushes) : null;
            sites.Add(new FunctionStackTypes.Entry(opidx, args, results));
        }
        v.Finish();
        workers.Add(worker);
        return new FunctionStackTypes([.. sites]);
    }

    /// <summary>The stack from the top (index 0 = the top), the last <paramref name="count"/> entries of <paramref name="operands"/>.</summary>
    private static ValType[] FromTop(ReadOnlySpan<ValType> operands, int count)
    {
        if (count == 0 || count > operands.Length) return [];
        var top = new ValType[count];
        for (var k = 0; k < top.Length; k++) top[k] = operands[operands.Length - 1 - k];
        return top;
    }
}

/// <summary>The operand and result types at the instructions of one function that need them, read in instruction order.</summary>
internal sealed class FunctionStackTypes
{
    /// <summary>The types at instruction <paramref name="Opidx"/>: its operands (top first) and, when it falls through with a known effect, its results.</summary>
    public readonly record struct Entry(int Opidx, ValType[] Args, ValType[]? Results);

    /// <summary>A function without such an instruction.</summary>
    public static readonly FunctionStackTypes None = new([]);

    private readonly Entry[] entries;
    private int next;

    public FunctionStackTypes(Entry[] entries) => this.entries = entries;

    /// <summary>
    /// The types at instruction <paramref name="opidx"/> (asked in increasing order); none (no operands, unknown results)
    /// at an instruction that needs no types.
    /// </summary>
    public (ValType[] Args, ValType[]? Results) At(int opidx)
    {
        while (next < entries.Length && entries[next].Opidx < opidx) next++;
        return next < entries.Length && entries[next].Opidx == opidx ? (entries[next].Args, entries[next].Results) : ([], null);
    }
}
