using Whamm.Wasm.Model;
using Whamm.Wasm.Types;

namespace Whamm.Runtime;

/// <summary>
/// What the Wasmtime .NET binding (50.0.1) can hand to .NET. Creating a <c>Wasmtime.Module</c> lists its
/// imports and exports with their types, and the native layer aborts the whole process ("support for
/// non-externref and non-funcref references is not implemented") when one of those types uses any
/// reference other than <c>funcref</c> and <c>externref</c> (anyref, exnref, <c>(ref $t)</c>, even
/// non-null <c>(ref func)</c>). Modules are checked with our reader before they reach Wasmtime.
/// Inside a module every proposal works; only the boundary is limited.
/// </summary>
public static class WasmtimeBinding
{
    /// <summary>Null when every import and export type of <paramref name="module"/> is representable, else why not.</summary>
    public static string? Unsupported(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var spaces = new IndexSpaces(module);
        foreach (var import in module.Imports)
        {
            var type = import.Kind switch
            {
                ExternalKind.Func => FunctionTypeOf(spaces, import.FuncType),
                ExternalKind.Table => Check(import.Table.Element),
                ExternalKind.Global => Check(import.Global.Type),
                ExternalKind.Tag => FunctionTypeOf(spaces, import.Tag.TypeIndex),
                _ => null,
            };
            if (type is not null) return $"import \"{import.Module}\" \"{import.Name}\" uses {type}";
        }
        foreach (var export in module.Exports)
        {
            var type = export.Kind switch
            {
                ExternalKind.Func => FunctionType(spaces, export.Index),
                ExternalKind.Table => export.Index < spaces.Tables.Length ? Check(spaces.Tables[export.Index].Element) : null,
                ExternalKind.Global => export.Index < spaces.Globals.Length ? Check(spaces.Globals[export.Index].Type) : null,
                ExternalKind.Tag => export.Index < spaces.Tags.Length ? FunctionTypeOf(spaces, spaces.Tags[export.Index].TypeIndex) : null,
                _ => null,
            };
            if (type is not null) return $"export \"{export.Name}\" uses {type}";
        }
        return null;
    }

    /// <summary>Whether the binding can pass values of <paramref name="type"/>.</summary>
    public static bool IsSupported(ValType type) =>
        !type.IsRef || (type.Nullable && !type.Heap.IsConcrete && type.Heap.Abstract is AbstractHeap.Func or AbstractHeap.Extern);

    private static string? FunctionType(IndexSpaces spaces, uint funcIndex) =>
        funcIndex < spaces.FunctionTypes.Length ? FunctionTypeOf(spaces, spaces.FunctionTypes[funcIndex]) : null;

    private static string? FunctionTypeOf(IndexSpaces spaces, uint typeIndex)
    {
        if (spaces.FuncTypeAt(typeIndex) is not { } f) return null;
        foreach (var t in f.Params.Concat(f.Results))
        {
            if (Check(t) is { } bad) return bad;
        }
        return null;
    }

    private static string? Check(ValType type) => IsSupported(type) ? null : $"type {type}, which the Wasmtime .NET binding cannot represent";
}
