using System.Runtime.CompilerServices;
using Whamm.Wasm.Binary;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Validation;

/// <summary>
/// Validates one function body (or constant expression) instruction by instruction with the spec's
/// algorithm (operand and control stacks, subtyping, non-defaultable local initialisation), and lets
/// the caller look at the operand stack between instructions: before each <see cref="Step"/>,
/// <see cref="Operands"/> holds the types of the values the instruction will consume (its last
/// entries), which is what instrumentation needs to know about <c>argN</c> at every site.
/// </summary>
/// <remarks>
/// <para>Typical use: <c>var v = new FunctionValidator(context, funcIndex); foreach (ins in body) { peek v.Operands; v.Step(ins); } v.Finish();</c></para>
/// <para>
/// In unreachable code the operand stack is polymorphic: values below what <see cref="Operands"/>
/// lists (within the innermost block, i.e. above <see cref="FrameHeight"/>) are unknown, and listed
/// entries may themselves be unknown: <c>default(ValType)</c> (<see cref="IsUnknown"/>; any type at all)
/// or a reference of unknown type (<see cref="IsUnknownRef"/>; its <see cref="ValType.Heap"/> is the
/// abstract heap type it is known to belong to when <see cref="ValType.Nullable"/> is set). Reachable
/// code never has either. Concrete reference types name module type indices.
/// </para>
/// <para>No allocation happens per instruction; a validator may be reused for several functions.</para>
/// </remarks>
public sealed partial class FunctionValidator
{
    /// <summary>The <see cref="ValType.Kind"/> of an unknown reference (see remarks).</summary>
    public const ValKind UnknownRefKind = (ValKind)1;
    private const ValKind AddrKind = (ValKind)2;

    private readonly ValidationContext _ctx;
    private readonly Feature _features;
    private ValType[] _ops = new ValType[64];
    private int _opCount;
    private Frame[] _frames = new Frame[16];
    private int _frameCount;
    private ValType[] _locals = new ValType[16];
    private int _localCount;
    private bool[] _localInit = new bool[16];
    private int[] _inits = new int[16];
    private int _initCount;
    private int _firstNonDefault;
    private Sig _funcSig;
    private long _base;
    private long _offset;
    private string _section = "code";
    private bool _started;
    private bool _constMode;
    private int _constGlobals;

    /// <summary>A validator for defined function <paramref name="funcIndex"/> (function index space, imports included).</summary>
    public FunctionValidator(ValidationContext context, uint funcIndex)
        : this(context)
    {
        Begin(funcIndex);
    }

    /// <summary>Convenience: builds a <see cref="ValidationContext"/> for the module (prefer sharing one context across functions).</summary>
    public FunctionValidator(Module module, uint funcIndex, Feature features = Feature.Wasmtime)
        : this(new ValidationContext(module, features), funcIndex)
    {
    }

    /// <summary>A validator for functions of <paramref name="context"/>'s module, to start with <see cref="Reset(uint, FunctionBody)"/>.</summary>
    public FunctionValidator(ValidationContext context)
    {
        _ctx = context;
        _features = context.Features;
    }

    /// <summary>The shared module context.</summary>
    public ValidationContext Context => _ctx;

    /// <summary>The operand stack, bottom first (see the class remarks for unknown entries).</summary>
    public ReadOnlySpan<ValType> Operands => new(_ops, 0, _opCount);

    /// <summary>Whether the innermost block is unreachable so far (its operand stack is polymorphic).</summary>
    public bool IsUnreachable => _frameCount > 0 && _frames[_frameCount - 1].Unreachable;

    /// <summary>The number of open control frames (1 inside the function body's outermost block, 0 once it has ended).</summary>
    public int ControlDepth => _frameCount;

    /// <summary>Index into <see cref="Operands"/> of the innermost block's first operand (below it: enclosing blocks' values).</summary>
    public int FrameHeight => _frameCount > 0 ? _frames[_frameCount - 1].Height : 0;

    /// <summary>How many values a branch to label <paramref name="depth"/> carries (0: the innermost block; a loop's label takes its parameters).</summary>
    public int LabelArity(uint depth) => _frames[Jump(depth)].LabelCount;

    /// <summary>Types of the function's locals, parameters first.</summary>
    public ReadOnlySpan<ValType> Locals => new(_locals, 0, _localCount);

    /// <summary>True once the final <c>end</c> has been validated.</summary>
    public bool IsComplete => _started && _frameCount == 0;

    /// <summary>True for an operand whose type is unknown (bottom, in unreachable code).</summary>
    public static bool IsUnknown(ValType t) => t.Kind == 0;

    /// <summary>True for an operand known to be a reference of unknown type (in unreachable code).</summary>
    public static bool IsUnknownRef(ValType t) => t.Kind == UnknownRefKind;

    /// <summary>
    /// Convenience (allocates): the operand stack before each instruction of a defined function's body,
    /// in instruction order (the final <c>end</c> included). Throws <see cref="WasmException"/> when the body is invalid.
    /// </summary>
    public static IReadOnlyList<ValType[]> OperandTypesBefore(Module module, uint funcIndex, Feature features = Feature.Wasmtime)
    {
        var validator = new FunctionValidator(module, funcIndex, features);
        var body = module.Functions[(int)(funcIndex - (uint)module.ImportedFunctionCount)].Body;
        var result = new List<ValType[]>();
        var reader = body.Instructions();
        while (!reader.AtEnd)
        {
            var ins = reader.Read();
            result.Add(validator.Operands.ToArray());
            validator.Step(ins);
        }
        validator.Finish();
        return result;
    }

    /// <summary>Checks that the body ended properly (call after the last <see cref="Step"/>).</summary>
    public void Finish()
    {
        if (_frameCount != 0) throw Malformed("control frames remain at end of function: END opcode expected");
    }

    // ------------------------------------------------------------------ setup

    /// <summary>Starts over with another defined function of the same module, reusing this validator's buffers.</summary>
    public void Reset(uint funcIndex) => Begin(funcIndex);

    /// <summary>
    /// Starts over with <paramref name="body"/> as the body of defined function <paramref name="funcIndex"/>, without reading
    /// the module's function list: a snapshot taken before the module was edited can be validated while the edits go on.
    /// </summary>
    public void Reset(uint funcIndex, FunctionBody body)
    {
        if (funcIndex < (uint)_ctx.ImportedFunctions || funcIndex >= (uint)_ctx.FunctionTypes.Length)
            throw new ArgumentOutOfRangeException(nameof(funcIndex), $"function {funcIndex} is not a defined function");
        Begin(funcIndex, body);
    }

    internal void Begin(uint funcIndex)
    {
        var module = _ctx.Module;
        var imported = (uint)_ctx.ImportedFunctions;
        if (funcIndex < imported || funcIndex - imported >= (uint)module.Functions.Count)
            throw new ArgumentOutOfRangeException(nameof(funcIndex), $"function {funcIndex} is not a defined function");
        Begin(funcIndex, module.Functions[(int)(funcIndex - imported)].Body);
    }

    private void Begin(uint funcIndex, FunctionBody body)
    {
        ResetState();
        _base = body.FileOffset;
        _offset = _base;
        _section = "code";
        _constMode = false;
        var typeIndex = _ctx.FunctionTypes[funcIndex];
        if (typeIndex >= (uint)_ctx.Types.Length) throw Err($"unknown type {typeIndex}: type index out of bounds");
        var ft = _ctx.FuncTypes[typeIndex] ?? throw Err($"expected func type at index {typeIndex}, found {Fmt(_ctx.Types[typeIndex].Composite)}");
        _funcSig = new Sig { Shape = 2, Func = ft };
        var decls = body.Locals;
        ulong total = (ulong)ft.Params.Length;
        foreach (var d in decls) total += d.Count;
        if (total > ValidationLimits.MaxFunctionLocals) throw Err("too many locals: locals exceed maximum");
        EnsureLocals((int)total);
        foreach (var p in ft.Params) DefineLocal(p, true);
        foreach (var d in decls)
        {
            if (_ctx.CheckValType(d.Type) is { } error) throw Err(error);
            var defaultable = d.Type.IsDefaultable;
            for (var i = 0u; i < d.Count; i++) DefineLocal(d.Type, defaultable);
        }
        PushFrame(FrameKind.Block, _funcSig);
        _started = true;
    }

    internal void BeginConst(ValType expected, int globalLimit, long fileOffset, string section)
    {
        ResetState();
        _base = fileOffset;
        _offset = fileOffset;
        _section = section;
        _constMode = true;
        _constGlobals = globalLimit;
        _funcSig = new Sig { Shape = 1, Single = expected };
        PushFrame(FrameKind.Block, _funcSig);
        _started = true;
    }

    private void ResetState()
    {
        _opCount = 0;
        _frameCount = 0;
        _localCount = 0;
        _initCount = 0;
        _firstNonDefault = int.MaxValue;
        _started = false;
    }

    private void EnsureLocals(int n)
    {
        if (_locals.Length < n)
        {
            _locals = new ValType[n];
            _localInit = new bool[n];
        }
    }

    private void DefineLocal(ValType t, bool initialised)
    {
        if (!initialised && _firstNonDefault == int.MaxValue) _firstNonDefault = _localCount;
        _locals[_localCount] = t;
        _localInit[_localCount] = initialised;
        _localCount++;
    }

    // ------------------------------------------------------------------ errors

    [MethodImpl(MethodImplOptions.NoInlining)]
    private WasmException Err(string message) => new(WasmErrorKind.Invalid, message, _offset, _section);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private WasmException Malformed(string message) => new(WasmErrorKind.Malformed, message, _offset, _section);

    internal static string Fmt(ValType t)
    {
        if (t.Kind == 0) return "bot";
        if (t.Kind == UnknownRefKind) return t.Nullable ? $"(ref shared? {Fmt(t.Heap)}bot)" : "(ref shared? bot)";
        return t.ToString();
    }

    private static string Fmt(HeapType h) => h.ToString();

    /// <summary>A composite type in the text format's words: <c>(func (param i32) (result i64))</c>, <c>(struct (field (mut i8)))</c>.</summary>
    internal static string Fmt(CompositeType c)
    {
        var sb = new System.Text.StringBuilder();
        switch (c)
        {
            case FuncType f:
                sb.Append("(func");
                if (f.Params.Length > 0) sb.Append(" (param ").AppendJoin(' ', f.Params).Append(')');
                if (f.Results.Length > 0) sb.Append(" (result ").AppendJoin(' ', f.Results).Append(')');
                break;
            case StructType s:
                sb.Append("(struct");
                foreach (var field in s.Fields) sb.Append(" (field ").Append(Fmt(field)).Append(')');
                break;
            case ArrayType a:
                sb.Append("(array ").Append(Fmt(a.Element));
                break;
        }
        return sb.Append(')').ToString();
    }

    private static string Fmt(FieldType f) => f.Mutable ? $"(mut {f.Storage})" : f.Storage.ToString();

    // ------------------------------------------------------------------ operand stack

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Push(ValType t)
    {
        if (_opCount == _ops.Length) Array.Resize(ref _ops, _ops.Length * 2);
        _ops[_opCount++] = t;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Same(ValType a, ValType b) =>
        a.Kind == b.Kind && (a.Kind != ValKind.Ref || (a.Nullable == b.Nullable && a.Heap == b.Heap));

    /// <summary>Pops an operand that must match <paramref name="expected"/>; returns what was popped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ValType Pop(ValType expected)
    {
        var n = _opCount;
        if (n > _frames[_frameCount - 1].Height)
        {
            var actual = _ops[n - 1];
            if (Same(actual, expected))
            {
                _opCount = n - 1;
                return actual;
            }
        }
        return PopSlow(expected, true);
    }

    /// <summary>Pops any operand.</summary>
    private ValType PopAny()
    {
        var n = _opCount;
        if (n > _frames[_frameCount - 1].Height)
        {
            _opCount = n - 1;
            return _ops[n - 1];
        }
        return PopSlow(default, false);
    }

    private ValType PopSlow(ValType expected, bool hasExpected)
    {
        ref var frame = ref _frames[_frameCount - 1];
        ValType actual;
        if (_opCount == frame.Height)
        {
            if (!frame.Unreachable)
            {
                throw Err(hasExpected
                    ? $"type mismatch: expected {Fmt(expected)} but nothing on stack"
                    : "type mismatch: expected a type but nothing on stack");
            }
            actual = default;
        }
        else
        {
            actual = _ops[--_opCount];
        }
        if (!hasExpected || actual.Kind == 0) return actual;
        if (actual.Kind == UnknownRefKind)
        {
            if (expected.Kind == ValKind.Ref)
            {
                if (actual.Nullable)
                {
                    var known = ValType.Ref(actual.Heap, false);
                    if (!_ctx.IsSubtype(known, expected)) throw Err($"type mismatch: expected {Fmt(expected)}, found {Fmt(known)}");
                }
                return actual;
            }
            throw Err($"type mismatch: expected {Fmt(expected)}, found heap type");
        }
        if (!_ctx.IsSubtype(actual, expected)) throw Err($"type mismatch: expected {Fmt(expected)}, found {Fmt(actual)}");
        return actual;
    }

    private static ValType UnknownRef() => new(UnknownRefKind);
    private static ValType UnknownRef(AbstractHeap heap) => new(UnknownRefKind, true, HeapType.Of(heap));

    private ValType AsRef(ValType t)
    {
        if (t.Kind == 0) return UnknownRef();
        if (t.Kind is UnknownRefKind or ValKind.Ref) return t;
        throw Err($"type mismatch: expected ref but found {Fmt(t)}");
    }

    private ValType PopRef() => AsRef(PopAny());
    private ValType PopRef(ValType expected) => AsRef(Pop(expected));

    private static ValType AsNonNull(ValType t) => t.Kind == ValKind.Ref ? ValType.Ref(t.Heap, false) : t;

    /// <summary>Pops a reference that must be a subtype of <c>(ref null expected)</c>.</summary>
    private ValType PopAbstractRef(AbstractHeap expected)
    {
        var actual = PopRef();
        if (actual.Kind == UnknownRefKind)
        {
            if (actual.Nullable && !ValidationContext.IsAbstractSubtype(actual.Heap.Abstract, expected))
                throw Err($"type mismatch: expected subtype of {HeapType.Of(expected)}, found {actual.Heap}");
            return actual;
        }
        var wanted = ValType.Ref(HeapType.Of(expected), true);
        if (!_ctx.IsSubtype(actual, wanted)) throw Err($"type mismatch: expected subtype of {Fmt(wanted)}, found {Fmt(actual)}");
        return actual;
    }

    /// <summary>Pops <paramref name="n"/> operands of type <paramref name="t"/> (cheaply when the stack is polymorphic).</summary>
    private void PopMany(ValType t, uint n)
    {
        while (n > 0 && _opCount > _frames[_frameCount - 1].Height)
        {
            Pop(t);
            n--;
        }
        if (n > 0) Pop(t); // errors unless unreachable, where every further pop yields bottom
    }

    // ------------------------------------------------------------------ control stack

    private enum FrameKind : byte { Block, Loop, If, Else, TryTable, LegacyTry, LegacyCatch, LegacyCatchAll }

    /// <summary>A block signature: empty, one result, or a function type's parameters and results.</summary>
    private struct Sig
    {
        public byte Shape; // 0 empty, 1 single result, 2 function type
        public ValType Single;
        public FuncType? Func;

        public readonly int ParamCount => Shape == 2 ? Func!.Params.Length : 0;
        public readonly int ResultCount => Shape == 0 ? 0 : Shape == 1 ? 1 : Func!.Results.Length;
        public readonly ValType Param(int i) => Func!.Params[i];
        public readonly ValType Result(int i) => Shape == 1 ? Single : Func!.Results[i];
    }

    private struct Frame
    {
        public FrameKind Kind;
        public Sig Sig;
        public int Height;
        public bool Unreachable;
        public int InitHeight;

        public readonly int LabelCount => Kind == FrameKind.Loop ? Sig.ParamCount : Sig.ResultCount;
        public readonly ValType Label(int i) => Kind == FrameKind.Loop ? Sig.Param(i) : Sig.Result(i);
    }

    private void PushFrame(FrameKind kind, Sig sig)
    {
        if (_frameCount == _frames.Length) Array.Resize(ref _frames, _frames.Length * 2);
        _frames[_frameCount++] = new Frame { Kind = kind, Sig = sig, Height = _opCount, InitHeight = _initCount };
    }

    /// <summary>push_ctrl: a new frame, then its parameters on the stack.</summary>
    private void PushCtrl(FrameKind kind, Sig sig)
    {
        PushFrame(kind, sig);
        var n = sig.ParamCount;
        for (var i = 0; i < n; i++) Push(sig.Param(i));
    }

    /// <summary>pop_ctrl: checks the results and the stack height, resets local initialisations.</summary>
    private Frame PopCtrl()
    {
        var frame = _frames[_frameCount - 1];
        ResetInits(frame.InitHeight);
        for (var i = frame.Sig.ResultCount - 1; i >= 0; i--) Pop(frame.Sig.Result(i));
        if (_opCount != frame.Height) throw Err("type mismatch: values remaining on stack at end of block");
        _frameCount--;
        return frame;
    }

    private void SetUnreachable()
    {
        ref var frame = ref _frames[_frameCount - 1];
        frame.Unreachable = true;
        _opCount = frame.Height;
    }

    private int Jump(uint depth)
    {
        if (depth >= (uint)_frameCount) throw Err("unknown label: branch depth too large");
        return _frameCount - 1 - (int)depth;
    }

    /// <summary>Pops the label types of frame <paramref name="f"/> (all but <paramref name="skipLast"/>), then pushes them back.</summary>
    private void PopPushLabel(int f, int skipLast = 0)
    {
        var n = _frames[f].LabelCount - skipLast;
        for (var i = n - 1; i >= 0; i--) Pop(_frames[f].Label(i));
        for (var i = 0; i < n; i++) Push(_frames[f].Label(i));
    }

    private void PopLabel(int f)
    {
        for (var i = _frames[f].LabelCount - 1; i >= 0; i--) Pop(_frames[f].Label(i));
    }

    private void CheckReturn()
    {
        for (var i = _funcSig.ResultCount - 1; i >= 0; i--) Pop(_funcSig.Result(i));
        SetUnreachable();
    }

    // ------------------------------------------------------------------ locals

    private ValType Local(uint index)
    {
        if (index >= (uint)_localCount) throw Err($"unknown local {index}: local index out of bounds");
        return _locals[index];
    }

    private bool IsUninit(uint index) => index >= (uint)_firstNonDefault && !_localInit[index];

    private void SetInit(uint index)
    {
        if (!IsUninit(index)) return;
        _localInit[index] = true;
        if (_initCount == _inits.Length) Array.Resize(ref _inits, _inits.Length * 2);
        _inits[_initCount++] = (int)index;
    }

    private void ResetInits(int height)
    {
        for (var i = height; i < _initCount; i++) _localInit[_inits[i]] = false;
        if (height < _initCount) _initCount = height;
    }
}
