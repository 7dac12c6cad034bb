using Whamm.Language.Semantics;

namespace Whamm.Cli;

/// <summary>One <c>--user-libs</c> entry: <c>NAME=PATH</c> or <c>NAME(IMPORT_MODULE)=PATH</c> (reference §5).</summary>
/// <param name="Name">The name scripts <c>use</c>.</param>
/// <param name="ImportModule">The module name of the Wasm imports (defaults to the name).</param>
/// <param name="Path">The library module, <c>.wasm</c> or <c>.wat</c>.</param>
internal sealed record UserLibrarySpec(string Name, string ImportModule, string Path);

/// <summary>A user library read from its <see cref="UserLibrarySpec"/>.</summary>
/// <param name="Spec">Where it came from.</param>
/// <param name="Binary">The module (binary, converted when the file is text).</param>
/// <param name="Signatures">What a script can call.</param>
internal sealed record LoadedLibrary(UserLibrarySpec Spec, byte[] Binary, LibrarySignatures Signatures);

/// <summary>Parses <c>--user-libs</c> values and reads the libraries' signatures; every mistake is a one-line message.</summary>
internal static class UserLibraries
{
    /// <summary>The specs in the option values (each value may hold several, comma-separated), or null with <paramref name="error"/>.</summary>
    public static List<UserLibrarySpec>? Parse(IEnumerable<string> values, out string? error)
    {
        error = null;
        var specs = new List<UserLibrarySpec>();
        foreach (var value in values)
        {
            foreach (var item in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = item.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0 || eq == item.Length - 1)
                {
                    error = $"error: --user-libs expects NAME=PATH (or NAME(IMPORT_MODULE)=PATH), found `{item}`";
                    return null;
                }
                var name = item[..eq].Trim();
                var path = item[(eq + 1)..].Trim();
                var module = name;
                var open = name.IndexOf('(', StringComparison.Ordinal);
                if (open >= 0)
                {
                    if (!name.EndsWith(')') || open == 0 || open == name.Length - 2)
                    {
                        error = $"error: --user-libs expects NAME(IMPORT_MODULE)=PATH, found `{item}`";
                        return null;
                    }
                    module = name[(open + 1)..^1];
                    name = name[..open];
                }
                if (!IsIdentifier(name))
                {
                    error = $"error: --user-libs: `{name}` is not a library name a script can `use` (letters, digits and `_`, not starting with a digit)";
                    return null;
                }
                if (specs.Any(s => s.Name == name))
                {
                    error = $"error: --user-libs names the library `{name}` twice";
                    return null;
                }
                specs.Add(new UserLibrarySpec(name, module, path));
            }
        }
        return specs;
    }

    /// <summary>Reads each library's exports, or null with <paramref name="error"/> (the file's message).</summary>
    public static Dictionary<string, LibrarySignatures>? Load(IEnumerable<UserLibrarySpec> specs, out string? error) =>
        Read(specs, out error)?.ToDictionary(l => l.Spec.Name, l => l.Signatures, StringComparer.Ordinal);

    /// <summary>Reads each library: its module (binary, also from text) and its exports; null with <paramref name="error"/> (the file's message).</summary>
    public static List<LoadedLibrary>? Read(IEnumerable<UserLibrarySpec> specs, out string? error)
    {
        error = null;
        var libraries = new List<LoadedLibrary>();
        foreach (var spec in specs)
        {
            if (ModuleInput.Load(spec.Path, out error) is not { } loaded) return null;
            try
            {
                libraries.Add(new LoadedLibrary(spec, loaded.Binary, LibrarySignatures.FromModule(loaded.Module)));
            }
            catch (Whamm.Wasm.Binary.WasmException e)
            {
                error = ModuleInput.BinaryError(spec.Path, e, loaded.Format == Whamm.Runtime.ModuleFormat.Text);
                return null;
            }
        }
        return libraries;
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
