namespace Whamm.Wasm.Opcodes;

/// <summary>WebAssembly proposals the toolkit understands. Validation can be limited to a set of them.</summary>
[Flags]
public enum Feature : uint
{
#pragma warning disable CS1591 // proposal names
    None = 0,
    SignExtension = 1 << 0,
    SaturatingFloatToInt = 1 << 1,
    MultiValue = 1 << 2,
    ReferenceTypes = 1 << 3,
    BulkMemory = 1 << 4,
    Simd = 1 << 5,
    RelaxedSimd = 1 << 6,
    TailCall = 1 << 7,
    Exceptions = 1 << 8,
    LegacyExceptions = 1 << 9,
    Threads = 1 << 10,
    MultiMemory = 1 << 11,
    Memory64 = 1 << 12,
    CustomPageSizes = 1 << 13,
    ExtendedConst = 1 << 14,
    FunctionReferences = 1 << 15,
    Gc = 1 << 16,
    WideArithmetic = 1 << 17,
    MutableGlobal = 1 << 18,
#pragma warning restore CS1591
    /// <summary>Everything Wasm 2.0 standardised.</summary>
    Wasm2 = SignExtension | SaturatingFloatToInt | MultiValue | ReferenceTypes | BulkMemory | Simd | MutableGlobal,
    /// <summary>What Wasmtime 50 accepts with every proposal switched on (it has no legacy exceptions).</summary>
    Wasmtime = Wasm2 | RelaxedSimd | TailCall | Exceptions | Threads | MultiMemory | Memory64 | CustomPageSizes
        | ExtendedConst | FunctionReferences | Gc | WideArithmetic,
    /// <summary>Every proposal the toolkit reads.</summary>
    All = Wasmtime | LegacyExceptions,
}
