using Whamm.Wasm.Opcodes;

namespace Whamm.Wasm.Tests.Validation;

/// <summary>
/// One data-driven validation case: a <c>.wat</c> file under <c>Validation/cases/</c> whose leading
/// <c>;;</c> comment lines state the expected verdict. Keys (one per line, <c>;; key: value</c>):
/// <list type="bullet">
/// <item><c>expect</c>: <c>valid</c> or <c>invalid</c> (required).</item>
/// <item><c>message</c>: a fragment our error message must contain (invalid cases).</item>
/// <item><c>at</c>: the mnemonic of the instruction our error offset must point at (invalid cases).</item>
/// <item><c>features</c>: the proposal set, e.g. <c>Wasmtime</c> (default), <c>All</c>, <c>Wasm2</c>,
/// <c>Wasmtime - Simd</c>, <c>Wasm2 | TailCall</c>.</item>
/// <item><c>kind</c>: <c>invalid</c> (default) or <c>malformed</c>.</item>
/// <item><c>oracle</c>: <c>skip</c> when Wasmtime cannot judge the case (legacy exceptions, custom page sizes);
/// <c>no-offset</c> to compare only the verdict, not the error offset.</item>
/// </list>
/// Every other case is cross-checked with Wasmtime: same verdict, and for invalid ones the same offset.
/// </summary>
public sealed record ValidationCase(string Name, string Text, bool Valid, string? Message, string? At, Feature Features,
    bool Malformed, bool SkipOracle, bool CompareOffset)
{
    /// <summary>The cases directory in the source tree.</summary>
    public static string Directory => Path.Combine(Corpus.CorpusFiles.Root, "tests", "Whamm.Wasm.Tests", "Validation", "cases");

    /// <summary>Every case file name (relative to <see cref="Directory"/>), sorted, for [MemberData].</summary>
    public static IEnumerable<object[]> Names() =>
        System.IO.Directory.GetFiles(Directory, "*.wat", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Directory, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new object[] { f });

    /// <summary>Loads and parses a case file.</summary>
    public static ValidationCase Load(string name)
    {
        var text = File.ReadAllText(Path.Combine(Directory, name));
        bool? valid = null;
        string? message = null, at = null;
        var features = Feature.Wasmtime;
        bool malformed = false, skip = false, offset = true;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith(";;", StringComparison.Ordinal)) continue;
            var body = line[2..].Trim();
            var colon = body.IndexOf(':');
            if (colon <= 0) continue;
            var key = body[..colon].Trim();
            var value = body[(colon + 1)..].Trim();
            switch (key)
            {
                case "expect": valid = value == "valid" ? true : value == "invalid" ? false : throw new FormatException($"{name}: expect must be valid or invalid"); break;
                case "message": message = value; break;
                case "at": at = value; break;
                case "features": features = ParseFeatures(value); break;
                case "kind": malformed = value == "malformed"; break;
                case "oracle":
                    skip |= value.Contains("skip", StringComparison.Ordinal);
                    offset &= !value.Contains("no-offset", StringComparison.Ordinal);
                    break;
            }
        }
        if (valid is null) throw new FormatException($"{name}: no ';; expect:' line");
        if (valid == false && message is null) throw new FormatException($"{name}: invalid cases need a ';; message:' line");
        return new ValidationCase(name, text, valid.Value, message, at, features, malformed, skip, offset);
    }

    /// <summary>Parses <c>A | B - C</c> (left to right; <c>|</c> adds, <c>-</c> removes).</summary>
    public static Feature ParseFeatures(string text)
    {
        var result = Feature.None;
        var add = true;
        foreach (var token in text.Replace("|", " | ").Replace("-", " - ").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            switch (token)
            {
                case "|": add = true; break;
                case "-": add = false; break;
                default:
                    var f = Enum.Parse<Feature>(token);
                    result = add ? result | f : result & ~f;
                    break;
            }
        }
        return result;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
