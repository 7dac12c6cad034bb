using Whamm.Language.Semantics;
using Whamm.Wasm.Types;

namespace Whamm.Language.Tests.Semantics;

/// <summary>
/// The user libraries the check cases may <c>use</c>: <c>testlib</c> (numbers in, numbers out, a memory)
/// and <c>nomem</c> (no memory, an export with two results and one with a v128 parameter).
/// </summary>
public static class TestLibraries
{
    public static LibrarySignatures TestLib { get; } = new(
    [
        Function("get_i32", [], [ValType.I32]),
        Function("add_i32", [ValType.I32, ValType.I32], [ValType.I32]),
        Function("log_i64", [ValType.I64], []),
        Function("scale", [ValType.F64], [ValType.F64]),
        Function("init", [], []),
        Function("should_instrument", [ValType.I32, ValType.I32], [ValType.I32]),
    ], "memory");

    public static LibrarySignatures NoMem { get; } = new(
    [
        Function("pair", [], [ValType.I32, ValType.I32]),
        Function("vec", [ValType.V128], []),
        Function("id", [ValType.I32], [ValType.I32]),
    ], null);

    public static CheckOptions Options { get; } = new()
    {
        UserLibs = new Dictionary<string, LibrarySignatures>(StringComparer.Ordinal) { ["testlib"] = TestLib, ["nomem"] = NoMem },
    };

    private static LibraryFunction Function(string name, ValType[] parameters, ValType[] results) =>
        new(name, new FuncType(parameters, results));
}
