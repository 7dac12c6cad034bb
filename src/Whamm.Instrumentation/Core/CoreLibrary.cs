using Whamm.Wasm.Model;
using Whamm.Wasm.Reading;

namespace Whamm.Instrumentation.Core;

/// <summary>
/// Whamm's core library (printing, allocation, hash maps, the report flush): a small self-contained Wasm module
/// built from the C sources beside this file by <c>build.sh</c> and embedded here. Its ABI is described in
/// <c>Core/README.md</c>; the names and layouts the instrumenter relies on are the constants below.
/// </summary>
public static class CoreLibrary
{
    private const string ResourceName = "whamm_core.wasm";

    private static readonly byte[] ModuleBytes = LoadBytes();

    /// <summary>The module's bytes (the committed <c>whamm_core.wasm</c>).</summary>
    public static ReadOnlyMemory<byte> Bytes => ModuleBytes;

    /// <summary>A freshly parsed copy of the module, free to edit.</summary>
    public static Module Read() => ModuleReader.Read(ModuleBytes);

    /// <summary>The sizes of the structures <see cref="Exports.Report"/> reads (Core/README.md, "Report").</summary>
    public static class ReportLayout
    {
        /// <summary>The argument: four i32s, <c>rows_ptr, row_count, kinds_ptr, functions_ptr</c>.</summary>
        public const int TableSize = 16;
        /// <summary>A row kind: six i32s, <c>text_ptr, text_len, probe_ptr, probe_len, desc_ptr, desc_len</c>.</summary>
        public const int KindSize = 24;
        /// <summary>A function: two i32s, <c>text_ptr, text_len</c> of its <c>NAME, FID, </c>.</summary>
        public const int FunctionSize = 8;
    }

    /// <summary>The module and field of the only import, WASI's <c>fd_write</c>.</summary>
    public const string FdWriteModule = "wasi_snapshot_preview1";

    /// <inheritdoc cref="FdWriteModule"/>
    public const string FdWriteName = "fd_write";

    private static byte[] LoadBytes()
    {
        using var stream = typeof(CoreLibrary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from {typeof(CoreLibrary).Assembly.GetName().Name}");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Export names; the signatures are in <c>Core/README.md</c>.</summary>
    public static class Exports
    {
        /// <summary>The library's (only) memory.</summary>
        public const string Memory = "memory";
        /// <summary>Immutable i32 global: the first byte the instrumenter may use for its static data.</summary>
        public const string HeapBase = "__heap_base";
        /// <summary><c>(static_end: i32)</c>: call once at start-up; allocation starts at <c>static_end</c>.</summary>
        public const string Init = "whamm_init";
        /// <summary><c>(len: i32) -> i32</c>: 8-aligned block, 0 for 0 bytes.</summary>
        public const string MemAlloc = "mem_alloc";
        /// <summary><c>(ptr: i32)</c>.</summary>
        public const string MemFree = "mem_free";
        /// <summary><c>()</c>: writes the buffered output.</summary>
        public const string Flush = "whamm_flush";
        /// <summary><c>(fd: i32)</c>: flushes, then writes to <c>fd</c> (default 1).</summary>
        public const string SetOutFd = "whamm_set_out_fd";
        /// <summary><c>(c: i32)</c>.</summary>
        public const string PutC = "putc";
        /// <summary><c>(ptr: i32, len: i32)</c>.</summary>
        public const string PutS = "puts";
        /// <summary><c>(v: i32)</c>.</summary>
        public const string PutU8 = "putu8";
        /// <summary><c>(v: i32)</c>.</summary>
        public const string PutI8 = "puti8";
        /// <summary><c>(v: i32)</c>.</summary>
        public const string PutU16 = "putu16";
        /// <summary><c>(v: i32)</c>.</summary>
        public const string PutI16 = "puti16";
        /// <summary><c>(v: i32)</c>.</summary>
        public const string PutU32 = "putu32";
        /// <summary><c>(v: i32)</c>.</summary>
        public const string PutI32 = "puti32";
        /// <summary><c>(v: i64)</c>.</summary>
        public const string PutU64 = "putu64";
        /// <summary><c>(v: i64)</c>.</summary>
        public const string PutI64 = "puti64";
        /// <summary><c>(v: f32)</c>, as Rust's <c>{:+e}</c>.</summary>
        public const string PutF32 = "putf32";
        /// <summary><c>(v: f64)</c>, as Rust's <c>{:+e}</c>.</summary>
        public const string PutF64 = "putf64";
        /// <summary><c>(v: i32)</c>: <c>true</c>/<c>false</c>.</summary>
        public const string PutBool = "putbool";
        /// <summary><c>(desc_ptr: i32, desc_len: i32, value_ptr: i32)</c>: one value in the report's format.</summary>
        public const string PrintValue = "whamm_print_value";
        /// <summary><c>(id: i32, kdesc_ptr: i32, kdesc_len: i32, vdesc_ptr: i32, vdesc_len: i32)</c>.</summary>
        public const string MapCreateWithId = "map_create_with_id";
        /// <summary><c>(kdesc_ptr: i32, kdesc_len: i32, vdesc_ptr: i32, vdesc_len: i32) -> i32</c>: the next free id.</summary>
        public const string MapCreate = "map_create";
        /// <summary><c>(id: i32, key_ptr: i32) -> i32</c>: the value, inserted zeroed when missing.</summary>
        public const string MapSlot = "map_slot";
        /// <summary><c>(id: i32, key_ptr: i32) -> i32</c>: the value or 0; never inserts.</summary>
        public const string MapFind = "map_find";
        /// <summary><c>(id: i32, key: i32) -> i32</c>: <see cref="MapSlot"/> for 4-byte keys without strings.</summary>
        public const string MapSlotI32 = "map_slot_i32";
        /// <summary><c>(id: i32, key: i32) -> i32</c>: <see cref="MapFind"/> for 4-byte keys without strings.</summary>
        public const string MapFindI32 = "map_find_i32";
        /// <summary><c>(id: i32, key: i64) -> i32</c>: <see cref="MapSlot"/> for 8-byte keys without strings.</summary>
        public const string MapSlotI64 = "map_slot_i64";
        /// <summary><c>(id: i32, key: i64) -> i32</c>: <see cref="MapFind"/> for 8-byte keys without strings.</summary>
        public const string MapFindI64 = "map_find_i64";
        /// <summary><c>(id: i32) -> i32</c>: the number of entries.</summary>
        public const string MapLen = "map_len";
        /// <summary><c>(id: i32, extra: i32)</c>: room for <c>extra</c> more entries, rehashing once.</summary>
        public const string MapReserve = "map_reserve";
        /// <summary><c>(id: i32, key_ptr: i32, amount: i64)</c>: <c>map[key] += amount</c> (an integer value), kept aside until the map is next used: a dump merges it.</summary>
        public const string MapDefer = "map_defer";
        /// <summary><c>(id: i32, key: i32, amount: i64)</c>: <see cref="MapDefer"/> for 4-byte keys.</summary>
        public const string MapDeferI32 = "map_defer_i32";
        /// <summary><c>(id: i32, extra: i32)</c>: room for <c>extra</c> more <see cref="MapDefer"/> additions.</summary>
        public const string MapDeferReserve = "map_defer_reserve";
        /// <summary><c>(id: i32)</c>: <c>k-&gt;v;k-&gt;v</c> sorted by key, or <c>empty map</c>.</summary>
        public const string PrintMap = "print_map";
        /// <summary><c>(id: i32)</c>: the per-map CSV flush.</summary>
        public const string PrintMapAsCsv = "print_map_as_csv";
        /// <summary><c>(table_ptr: i32)</c>: the Whamm CSV report of a <see cref="ReportLayout"/> table, then a flush.</summary>
        public const string Report = "whamm_report";
        /// <summary><c>(records_ptr: i32, count: i32)</c>: computes the derived per-site counters (Core/derive.c).</summary>
        public const string Derive = "whamm_derive";
    }

    /// <summary>Descriptor characters: one per scalar, values packed little-endian without padding.</summary>
    public static class Descriptor
    {
        /// <summary><c>u8</c>, 1 byte.</summary>
        public const char U8 = 'B';
        /// <summary><c>i8</c>, 1 byte.</summary>
        public const char I8 = 'b';
        /// <summary><c>u16</c>, 2 bytes.</summary>
        public const char U16 = 'H';
        /// <summary><c>i16</c>, 2 bytes.</summary>
        public const char I16 = 'h';
        /// <summary><c>u32</c>, 4 bytes.</summary>
        public const char U32 = 'I';
        /// <summary><c>i32</c>, 4 bytes.</summary>
        public const char I32 = 'i';
        /// <summary><c>u64</c>, 8 bytes.</summary>
        public const char U64 = 'Q';
        /// <summary><c>i64</c>, 8 bytes.</summary>
        public const char I64 = 'q';
        /// <summary><c>f32</c>, 4 bytes.</summary>
        public const char F32 = 'f';
        /// <summary><c>f64</c>, 8 bytes.</summary>
        public const char F64 = 'd';
        /// <summary><c>bool</c>, 1 byte (non-zero is true).</summary>
        public const char Bool = 'z';
        /// <summary><c>str</c>, 8 bytes: pointer and length (i32 each) of bytes in the library's memory.</summary>
        public const char Str = 's';
        /// <summary>A map, 4 bytes: its id.</summary>
        public const char Map = 'm';
        /// <summary>Opens a tuple of the descriptors up to <see cref="TupleEnd"/>.</summary>
        public const char TupleStart = '(';
        /// <summary>Closes a tuple.</summary>
        public const char TupleEnd = ')';
    }
}
