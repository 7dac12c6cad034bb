namespace Whamm.Language.Semantics;

/// <summary>What the type checker needs besides the script.</summary>
public sealed record CheckOptions
{
    /// <summary>The default options: no user libraries.</summary>
    public static CheckOptions Default { get; } = new();

    /// <summary>
    /// The libraries a script may <c>use</c>, by name (the CLI's <c>--user-libs NAME=lib.wasm</c>), with
    /// their signatures (<see cref="LibrarySignatures.FromWasm"/>). <c>whamm_core</c> is always available;
    /// giving it here replaces the built-in signatures.
    /// </summary>
    public IReadOnlyDictionary<string, LibrarySignatures> UserLibs { get; init; } =
        new Dictionary<string, LibrarySignatures>(StringComparer.Ordinal);
}
