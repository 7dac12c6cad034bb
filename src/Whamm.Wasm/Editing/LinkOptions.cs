using Whamm.Wasm.Model;

namespace Whamm.Wasm.Editing;

/// <summary>How <see cref="ModuleEditor.Link"/> merges a library into the module being edited.</summary>
public sealed record LinkOptions
{
    /// <summary>
    /// Resolves a function import of the library to an existing function of the application instead of an import:
    /// called with the library's import (its <see cref="Import.FuncType"/> already in the application's type space),
    /// returns a function index in the editor's current numbering, or null to fall back to the default (reuse an
    /// identical import of the application, else add the import). The function must have the import's type.
    /// </summary>
    public Func<Import, uint?>? ResolveFunction { get; init; }

    /// <summary>
    /// Put before the library's function names in the name section (e.g. <c>whamm_core:</c>), so that a trap or a
    /// profile inside the library names it.
    /// </summary>
    public string NamePrefix { get; init; } = "";
}
