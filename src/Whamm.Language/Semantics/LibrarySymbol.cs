using Whamm.Language.Text;

namespace Whamm.Language.Semantics;

/// <summary>A library the script may call: one named by <c>use NAME;</c>, or the always-available <c>whamm_core</c>.</summary>
public sealed class LibrarySymbol : Symbol
{
    internal LibrarySymbol(string name, LibrarySignatures signatures, TextSpan? useSpan)
        : base(name, useSpan)
    {
        Signatures = signatures;
    }

    /// <inheritdoc/>
    public override SymbolKind Kind => SymbolKind.Library;

    /// <summary>The library's exported functions and memory.</summary>
    public LibrarySignatures Signatures { get; }

    /// <summary>True for <c>whamm_core</c> (built in, see DECISIONS 13).</summary>
    public bool IsCore => Name == LibrarySignatures.CoreLibraryName;
}
