using Whamm.Language.Semantics;
using static Whamm.Language.Semantics.WhammType;

namespace Whamm.Language.Catalogue;

/// <summary>
/// The Whamm-level built-ins visible in every probe and at global scope (reference §1.13), as
/// <c>whamm info</c> lists them under "CORE `whamm` FUNCTIONALITY". Methods on <c>str</c> values are not
/// included (they belong to the type).
/// </summary>
public static class CoreBuiltins
{
    private static readonly WhammType Address = Tuple(I32, I32);

    /// <summary>Built-in variables.</summary>
    public static IReadOnlyList<BoundVariable> Variables { get; } =
    [
        new("APP_MEMID", U32, VarLifetime.Static, "The index of the application's first memory defined in the module."),
    ];

    /// <summary>Built-in functions.</summary>
    public static IReadOnlyList<BoundFunction> Functions { get; } =
    [
        new("strcmp", [new("str_addr", Address), new("value", Str)], Bool,
            "Whether the string at (address, length) in the application's memory equals value."),
        new("strcontains", [new("str_addr", Address), new("needle", Str)], Bool,
            "Whether the string at (address, length) in the application's memory contains needle."),
        new("memid", [new("lib", Library)], U32, "The index of the memory of an imported library.", isStatic: true),
        new("memcpy", [new("src_mem", U32), new("src_ptr", U32), new("dst_mem", U32), new("dst_ptr", U32), new("len", U32)], Unit,
            "Copies len bytes from src_ptr in memory src_mem to dst_ptr in memory dst_mem."),
        new("active_data_start", [new("memid", U32)], U32,
            "The lowest start offset of the active data segments of a memory.", isStatic: true),
        new("active_data_len", [new("memid", U32)], U32,
            "The length of the range covered by the active data segments of a memory (highest end minus lowest start).", isStatic: true),
        new("page_size", [new("memid", U32)], U32, "The page size of a memory, in bytes.", isStatic: true),
        new("mem_size", [new("memid", U32)], U32, "The current size of a memory, in pages."),
        new("write_str", [new("dst_mem", U32), new("ptr", I32), new("s", Str)], Unit,
            "Copies the bytes of a string to ptr in memory dst_mem."),
        new("read_str", [new("src_mem", U32), new("ptr", I32), new("l", U32)], Str,
            "Reads l bytes at ptr in memory src_mem as a string."),
    ];
}
