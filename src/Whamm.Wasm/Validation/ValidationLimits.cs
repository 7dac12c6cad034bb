namespace Whamm.Wasm.Validation;

/// <summary>
/// Implementation limits of Wasmtime's validator (wasmparser's <c>limits.rs</c>). Modules over them are
/// rejected with a clear message so that our verdict agrees with Wasmtime's.
/// </summary>
public static class ValidationLimits
{
#pragma warning disable CS1591 // self-describing names
    public const int MaxTypes = 1_000_000;
    public const int MaxSupertypes = 1;
    public const int MaxFunctions = 1_000_000;
    public const int MaxImports = 1_000_000;
    public const int MaxExports = 1_000_000;
    public const int MaxGlobals = 1_000_000;
    public const int MaxElementSegments = 100_000;
    public const int MaxDataSegments = 100_000;
    public const int MaxStringSize = 100_000;
    public const int MaxFunctionLocals = 50_000;
    public const int MaxFunctionParams = 1_000;
    public const int MaxFunctionResults = 1_000;
    public const int MaxTableEntries = 10_000_000;
    public const int MaxTables = 100;
    public const int MaxMemories = 100;
    public const int MaxTags = 1_000_000;
    public const int MaxBrTableSize = 128 * 1024;
    public const int MaxStructFields = 10_000;
    public const int MaxCatches = 10_000;
    public const int MaxSubtypingDepth = 63;
#pragma warning restore CS1591

    /// <summary>The largest memory size in pages of 2^<paramref name="pageSizeLog2"/> bytes.</summary>
    public static ulong MaxMemoryPages(bool is64, int pageSizeLog2)
    {
        if (is64) return pageSizeLog2 == 0 ? ulong.MaxValue : 1UL << (64 - pageSizeLog2);
        var pages = (1UL << 32) >> pageSizeLog2;
        return Math.Min(pages, uint.MaxValue);
    }
}
