using Wasmtime;
using Whamm.Runtime.Text;
using Whamm.Wasm.Binary;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Reading;
using WasmtimeModule = Wasmtime.Module;

namespace Whamm.Runtime.Wast;

/// <summary>
/// Runs the commands of a <see cref="WastScript"/> on Wasmtime (every proposal the binding can enable,
/// see <see cref="WasmtimeEngines"/>), with the usual <c>spectest</c> host module to import from. Each
/// command that does not do what the script says becomes a <see cref="WastFailure"/> naming its line;
/// the run goes on with the next command.
/// </summary>
/// <example>
/// <code>
/// var result = WastRunner.RunFile("tests/basic.wast");
/// foreach (var failure in result.Failures) Console.WriteLine(failure);   // FILE:LINE:COL: assert_return: expected …
/// </code>
/// </example>
public sealed partial class WastRunner(ITextParser? parser = null, Engine? engine = null)
{
    private readonly ITextParser _parser = parser ?? WatParser.Instance;
    private readonly Engine _engine = engine ?? WasmtimeEngines.Shared;

    /// <summary>Parses and runs a script file.</summary>
    /// <exception cref="TextParseException">The script itself is malformed.</exception>
    public static WastRunResult RunFile(string path) => new WastRunner().Run(WastScript.Load(path));

    /// <summary>Runs every command of <paramref name="script"/>.</summary>
    public WastRunResult Run(WastScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        using var session = new Session(this, script);
        var failures = new List<WastFailure>();
        foreach (var command in script.Commands)
        {
            if (session.Execute(command) is { } message) failures.Add(new WastFailure(script.Path, command.Start, command.Keyword, message));
        }
        return new WastRunResult(script.Path, script.Commands.Count, failures);
    }

    /// <summary>Why a module did not get as far as an instance.</summary>
    private enum Stage
    {
        Malformed,
        Invalid,
        Unsupported,
        Unlinkable,
        Trap,
    }

    private sealed class StageException(Stage stage, string message) : Exception(message)
    {
        public Stage Stage { get; } = stage;
    }

    /// <summary>A command failure raised inside the session (unknown module, missing export, …).</summary>
    private sealed class CommandFailure(string message) : Exception(message);

    /// <summary>A host reference made for <c>(ref.extern N)</c>; the same N gives the same object within a run.</summary>
    private sealed record HostReference(ulong Number);

    private sealed class Session : IDisposable
    {
        private readonly WastRunner _runner;
        private readonly WastScript _script;
        private readonly Store _store;
        private readonly Linker _linker;
        private readonly List<IDisposable> _owned = [];
        private readonly Dictionary<string, Instance> _named = new(StringComparer.Ordinal);
        private readonly Dictionary<ulong, HostReference> _hostReferences = new();
        private Instance? _current;

        /// <param name="runner">The runner (parser and engine).</param>
        /// <param name="script">The script the commands come from (for positions in messages).</param>
        /// <param name="wasi">Also define WASI preview 1 (output discarded): instrumented modules may print their report.</param>
        public Session(WastRunner runner, WastScript script, bool wasi = false)
        {
            _runner = runner;
            _script = script;
            _store = new Store(runner._engine);
            _linker = new Linker(runner._engine) { AllowShadowing = true };
            DefineSpecTest();
            if (!wasi) return;
            _linker.DefineWasi();
            _store.SetWasiConfiguration(new WasiConfiguration());
        }

        public void Dispose()
        {
            foreach (var d in _owned) d.Dispose();
            _linker.Dispose();
            _store.Dispose();
        }

        /// <summary>Runs one command; null when it did what the script says, else why not.</summary>
        public string? Execute(WastCommand command)
        {
            try
            {
                return command switch
                {
                    WastModule module => Define(module),
                    WastRegister register => Register(register),
                    WastActionCommand action => Act(action.Action),
                    AssertReturn assert => AssertReturn(assert),
                    AssertTrap { Action: { } action } assert => ExpectTrap(action, assert.Message, exhaustion: false),
                    AssertTrap { Module: { } module } assert => ExpectModuleTrap(module, assert.Message),
                    AssertExhaustion assert => ExpectTrap(assert.Action, assert.Message, exhaustion: true),
                    AssertException assert => ExpectException(assert.Action),
                    AssertModule assert => ExpectModuleFailure(assert),
                    _ => $"unsupported command {command.Keyword}",
                };
            }
            catch (CommandFailure failure)
            {
                return failure.Message;
            }
            catch (StageException e)
            {
                return e.Message;
            }
            catch (TrapException trap)
            {
                return $"unexpected trap: {TrapMessage(trap)}";
            }
            catch (WasmtimeException e)
            {
                return $"unexpected error: {FirstLine(e.Message)}";
            }
        }

        private string? Define(WastModule module)
        {
            var instance = Instantiate(module);
            _current = instance;
            if (module.Name is { } name) _named[name] = instance;
            return null;
        }

        private string? Act(WastAction action)
        {
            Perform(action);
            return null;
        }

        private string? Register(WastRegister register)
        {
            _linker.DefineInstance(_store, register.As, InstanceNamed(register.ModuleName));
            return null;
        }

        private string? AssertReturn(AssertReturn assert)
        {
            WastValue[] actual;
            try
            {
                actual = Perform(assert.Action);
            }
            catch (TrapException trap)
            {
                return $"expected {Show(assert.Expected)}, but the call trapped: {TrapMessage(trap)}";
            }
            if (actual.Length != assert.Expected.Count)
                return $"expected {assert.Expected.Count} result(s) {Show(assert.Expected)}, got {actual.Length}: {Show(actual)}";
            for (var i = 0; i < actual.Length; i++)
            {
                if (!assert.Expected[i].Matches(actual[i])) return $"expected {Show(assert.Expected)}, got {Show(actual)}";
            }
            return null;
        }

        private string? ExpectTrap(WastAction action, string message, bool exhaustion)
        {
            WastValue[] results;
            try
            {
                results = Perform(action);
            }
            catch (TrapException trap)
            {
                var expectedCode = exhaustion ? TrapCode.StackOverflow : TrapCodeFor(message);
                if (expectedCode is { } code && trap.Type != code)
                    return $"expected trap \"{message}\", got a different trap: {TrapMessage(trap)}";
                return null;
            }
            return $"expected {(exhaustion ? "stack exhaustion" : "a trap")} \"{message}\", but the call returned {Show(results)}";
        }

        private string? ExpectException(WastAction action)
        {
            WastValue[] results;
            try
            {
                results = Perform(action);
            }
            catch (TrapException trap) when (trap.Message.Contains("thrown Wasm exception", StringComparison.Ordinal))
            {
                return null;
            }
            return $"expected an uncaught exception, but the call returned {Show(results)}";
        }

        private string? ExpectModuleTrap(WastModule module, string message)
        {
            try
            {
                Instantiate(module);
            }
            catch (StageException e) when (e.Stage == Stage.Trap)
            {
                return null;
            }
            return $"expected instantiation to trap \"{message}\", but it succeeded";
        }

        private string? ExpectModuleFailure(AssertModule assert)
        {
            Stage? stage = null;
            string? reason = null;
            try
            {
                Instantiate(assert.Module, instantiate: assert.Assertion == ModuleAssertion.Unlinkable);
            }
            catch (StageException e)
            {
                stage = e.Stage;
                reason = e.Message;
            }
            var expected = assert.Assertion switch
            {
                ModuleAssertion.Malformed => stage == Stage.Malformed || (stage == Stage.Invalid && assert.Module.Kind == WastModuleKind.Binary),
                ModuleAssertion.Invalid => stage == Stage.Invalid,
                _ => stage == Stage.Unlinkable,
            };
            if (expected) return null;
            var wanted = assert.Assertion switch
            {
                ModuleAssertion.Malformed => "malformed",
                ModuleAssertion.Invalid => "invalid",
                _ => "unlinkable",
            };
            return stage is null
                ? $"expected the module to be {wanted} (\"{assert.Message}\"), but it {(assert.Assertion == ModuleAssertion.Unlinkable ? "linked" : "validated")}"
                : $"expected the module to be {wanted} (\"{assert.Message}\"), but {reason}";
        }

        // ---- modules ----

        private Instance Instantiate(WastModule module, bool instantiate = true)
        {
            var bytes = Assemble(module);
            if (WasmtimeModule.Validate(_runner._engine, bytes) is { } invalid)
                throw new StageException(Stage.Invalid, $"the module is invalid: {FirstLine(invalid)}");
            Whamm.Wasm.Model.Module model;
            try
            {
                model = ModuleReader.Read(bytes);
            }
            catch (WasmException e)
            {
                throw new StageException(Stage.Malformed, $"the module is malformed: {e.Message}");
            }
            if (WasmtimeBinding.Unsupported(model) is { } unsupported)
                throw new StageException(Stage.Unsupported, $"cannot run the module: its {unsupported}");
            var compiled = WasmtimeModule.FromBytes(_runner._engine, module.Name ?? "module", bytes);
            _owned.Add(compiled);
            if (!instantiate) return null!;
            try
            {
                return _linker.Instantiate(_store, compiled);
            }
            catch (TrapException trap)
            {
                throw new StageException(Stage.Trap, $"instantiation trapped: {TrapMessage(trap)}");
            }
            catch (WasmtimeException e)
            {
                throw new StageException(Stage.Unlinkable, $"the module does not link: {FirstLine(e.Message)}");
            }
        }

        /// <summary>The binary of a script module; text goes to the text parser with its positions in the script kept.</summary>
        /// <exception cref="StageException">The module is malformed.</exception>
        public byte[] Assemble(WastModule module)
        {
            switch (module.Kind)
            {
                case WastModuleKind.Binary:
                    try
                    {
                        ModuleReader.Read(module.Bytes!);
                    }
                    catch (WasmException e)
                    {
                        throw new StageException(Stage.Malformed, $"the module is malformed: {e.Message}");
                    }
                    return module.Bytes!;
                case WastModuleKind.Quote:
                    try
                    {
                        return _runner._parser.Parse("(module " + module.Text + ")", _script.Path);
                    }
                    catch (TextParseException e)
                    {
                        throw new StageException(Stage.Malformed, $"the quoted module does not parse: {e.Diagnostic.Message}");
                    }
                default:
                    try
                    {
                        // Pad so the parser's line:col are the script's.
                        var padded = new string('\n', module.Start.Line - 1) + new string(' ', module.Start.Column - 1) + module.Text;
                        return _runner._parser.Parse(padded, _script.Path);
                    }
                    catch (TextParseException e)
                    {
                        var d = e.Diagnostic;
                        var located = d.HasPosition ? TextDiagnostic.At(d.Code, d.Path, _script.Text, d.Line, d.Column, d.Message) : d;
                        throw new StageException(Stage.Malformed, $"the module does not parse: {located}");
                    }
            }
        }

        private Instance InstanceNamed(string? name)
        {
            if (name is null) return _current ?? throw new CommandFailure("no module has been instantiated");
            return _named.TryGetValue(name, out var instance) ? instance : throw new CommandFailure($"unknown module {name}");
        }

        // ---- actions and values ----

        private WastValue[] Perform(WastAction action)
        {
            var instance = InstanceNamed(action.ModuleName);
            switch (action)
            {
                case WastInvoke invoke:
                {
                    var function = instance.GetFunction(invoke.Field) ?? throw new CommandFailure($"no exported function \"{invoke.Field}\"");
                    var parameters = function.Parameters;
                    if (parameters.Count != invoke.Arguments.Count)
                        throw new CommandFailure($"\"{invoke.Field}\" takes {parameters.Count} argument(s), the script passes {invoke.Arguments.Count}");
                    var args = new ValueBox[parameters.Count];
                    for (var i = 0; i < args.Length; i++) args[i] = ToBox(invoke.Arguments[i], parameters[i], i);
                    var result = function.Invoke(args);
                    var kinds = function.Results;
                    if (kinds.Count == 0) return [];
                    if (kinds.Count == 1) return [FromEngine(result, kinds[0])];
                    var values = (object?[])result!;
                    return kinds.Select((k, i) => FromEngine(values[i], k)).ToArray();
                }
                case WastGet get:
                {
                    var global = instance.GetGlobal(get.Field) ?? throw new CommandFailure($"no exported global \"{get.Field}\"");
                    return [FromEngine(global.GetValue(), global.Kind)];
                }
                default:
                    throw new CommandFailure($"unsupported action {action.Keyword}");
            }
        }

        private ValueBox ToBox(WastValue value, ValueKind kind, int index)
        {
            var fits = (value.Type, kind) switch
            {
                (WastValueType.I32, ValueKind.Int32) or (WastValueType.I64, ValueKind.Int64) or (WastValueType.F32, ValueKind.Float32)
                    or (WastValueType.F64, ValueKind.Float64) or (WastValueType.V128, ValueKind.V128)
                    or (WastValueType.FuncRef, ValueKind.FuncRef) or (WastValueType.ExternRef, ValueKind.ExternRef) => true,
                _ => false,
            };
            if (!fits) throw new CommandFailure($"argument {index + 1} is {value}, but the parameter is {kind}");
            return value.Type switch
            {
                WastValueType.I32 => (int)(uint)value.Bits,
                WastValueType.I64 => (long)value.Bits,
                WastValueType.F32 => BitConverter.UInt32BitsToSingle((uint)value.Bits),
                WastValueType.F64 => BitConverter.UInt64BitsToDouble(value.Bits),
                WastValueType.V128 => new V128(value.V128),
                WastValueType.FuncRef => Function.Null,
                _ when value.IsNull => ValueBox.AsBox<object>(null!),
                _ => ValueBox.AsBox<object>(HostReferenceFor(value.Bits)),
            };
        }

        private HostReference HostReferenceFor(ulong number)
        {
            if (!_hostReferences.TryGetValue(number, out var reference)) _hostReferences[number] = reference = new HostReference(number);
            return reference;
        }

        private static WastValue FromEngine(object? value, ValueKind kind) => kind switch
        {
            ValueKind.Int32 => new WastValue(WastValueType.I32, (uint)(int)value!),
            ValueKind.Int64 => new WastValue(WastValueType.I64, (ulong)(long)value!),
            ValueKind.Float32 => new WastValue(WastValueType.F32, BitConverter.SingleToUInt32Bits((float)value!)),
            ValueKind.Float64 => new WastValue(WastValueType.F64, BitConverter.DoubleToUInt64Bits((double)value!)),
            ValueKind.V128 => new WastValue(WastValueType.V128, V128: V128Bytes((V128)value!)),
            ValueKind.FuncRef => new WastValue(WastValueType.FuncRef, IsNull: value is not Function { IsNull: false }, HeapType: "func"),
            ValueKind.ExternRef => value switch
            {
                null => new WastValue(WastValueType.ExternRef, IsNull: true, HeapType: "extern"),
                HostReference h => new WastValue(WastValueType.ExternRef, h.Number, HeapType: "extern"),
                _ => new WastValue(WastValueType.ExternRef, ulong.MaxValue, HeapType: "extern"),
            },
            _ => new WastValue(WastValueType.OtherRef, IsNull: value is null, HeapType: "any"),
        };

        private static byte[] V128Bytes(V128 v) => v.AsSpan().ToArray();

        // ---- spectest ----

        private void DefineSpecTest()
        {
            const string M = "spectest";
            _linker.DefineFunction(M, "print", () => { });
            _linker.DefineFunction(M, "print_i32", (int _) => { });
            _linker.DefineFunction(M, "print_i64", (long _) => { });
            _linker.DefineFunction(M, "print_f32", (float _) => { });
            _linker.DefineFunction(M, "print_f64", (double _) => { });
            _linker.DefineFunction(M, "print_i32_f32", (int _, float _) => { });
            _linker.DefineFunction(M, "print_f64_f64", (double _, double _) => { });
            _linker.Define(M, "global_i32", new Global(_store, ValueKind.Int32, 666, Mutability.Immutable));
            _linker.Define(M, "global_i64", new Global(_store, ValueKind.Int64, 666L, Mutability.Immutable));
            _linker.Define(M, "global_f32", new Global(_store, ValueKind.Float32, 666.6f, Mutability.Immutable));
            _linker.Define(M, "global_f64", new Global(_store, ValueKind.Float64, 666.6, Mutability.Immutable));
            _linker.Define(M, "table", new Table(_store, TableKind.FuncRef, null, 10, 20));
            _linker.Define(M, "memory", new Memory(_store, 1, 2, false));
        }

        // ---- messages ----

        private static string Show(IEnumerable<object> values)
        {
            var list = values.Select(v => v.ToString()).ToList();
            return list.Count == 0 ? "nothing" : string.Join(" ", list);
        }

        private static string TrapMessage(TrapException trap)
        {
            var lines = trap.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var cause = lines.LastOrDefault(l => l.StartsWith("wasm trap:", StringComparison.Ordinal)) ?? lines.LastOrDefault() ?? trap.Message;
            return $"{cause} ({trap.Type})";
        }

        private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

        /// <summary>The trap code a spec message stands for, or null when the message is not one we know (any trap then passes).</summary>
        private static TrapCode? TrapCodeFor(string message)
        {
            foreach (var (prefix, code) in TrapMessages)
            {
                if (message.StartsWith(prefix, StringComparison.Ordinal)) return code;
            }
            return null;
        }

        private static readonly (string Prefix, TrapCode Code)[] TrapMessages =
        [
            (OpcodeTable.Get(Op.Unreachable).Name, TrapCode.Unreachable), // the spec's message is the instruction's name
            ("integer divide by zero", TrapCode.IntegerDivisionByZero),
            ("integer overflow", TrapCode.IntegerOverflow),
            ("invalid conversion to integer", TrapCode.BadConversionToInteger),
            ("out of bounds memory access", TrapCode.MemoryOutOfBounds),
            ("undefined element", TrapCode.TableOutOfBounds),
            ("out of bounds table access", TrapCode.TableOutOfBounds),
            ("uninitialized element", TrapCode.IndirectCallToNull),
            ("indirect call type mismatch", TrapCode.BadSignature),
            ("call stack exhausted", TrapCode.StackOverflow),
            ("null", TrapCode.NullReference),
            ("out of bounds array access", TrapCode.ArrayOutOfBounds),
            ("cast failure", TrapCode.CastFailure),
            ("unaligned atomic", TrapCode.HeapMisaligned),
            ("expected shared memory", TrapCode.AtomicWaitNonSharedMemory),
        ];
    }
}
