namespace Whamm.Wasm.Opcodes;

/// <summary>
/// Instruction categories. Names and numeric ids are Whamm's <c>category_name</c>/<c>category_id</c>
/// (reference §2.5), so the event catalogue reads them straight from the table.
/// </summary>
public enum OpCategory : byte
{
#pragma warning disable CS1591 // self-describing names
    Arith = 0, Atomic = 1, Compare = 2, Const = 3, Control = 4, Convert = 5, Exn = 6, Gc = 7,
    Global = 8, Load = 9, Local = 10, Memory = 11, Misc = 12, Ref = 13, Simd = 14, Store = 15, Table = 16,
#pragma warning restore CS1591
}
