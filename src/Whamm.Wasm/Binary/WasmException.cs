namespace Whamm.Wasm.Binary;

/// <summary>Whether a module could not be decoded or decoded but broke a validation rule.</summary>
public enum WasmErrorKind
{
    /// <summary>The bytes are not a well-formed binary module.</summary>
    Malformed,
    /// <summary>Well-formed, but rejected by validation.</summary>
    Invalid,
}

/// <summary>
/// The one exception the toolkit throws for bad modules: it names the byte offset (from the start of
/// the file) and the section, and says what is wrong in the spec's words.
/// </summary>
public sealed class WasmException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WasmException(WasmErrorKind kind, string reason, long offset, string? section = null)
        : base(Format(reason, offset, section))
    {
        Kind = kind;
        Reason = reason;
        Offset = offset;
        Section = section;
    }

    /// <summary>Malformed or invalid.</summary>
    public WasmErrorKind Kind { get; }
    /// <summary>What is wrong, without location.</summary>
    public string Reason { get; }
    /// <summary>Byte offset from the start of the file.</summary>
    public long Offset { get; }
    /// <summary>The section being read, e.g. <c>code</c>, or null for the module header.</summary>
    public string? Section { get; }

    private static string Format(string reason, long offset, string? section) =>
        section is null ? $"{reason} (at offset 0x{offset:x})" : $"{reason} (at offset 0x{offset:x}, {section} section)";
}
