using System.Text;

namespace Whamm.Wasm.Text;

/// <summary>
/// Lexical rules of the WebAssembly text format that the printer needs: which names can be written as
/// plain identifiers (<c>$name</c>), quoted identifiers (<c>$"any name"</c>) and string escaping.
/// </summary>
public static class WatSyntax
{
    /// <summary>Whether <paramref name="c"/> may appear in a plain identifier (the spec's <c>idchar</c>).</summary>
    public static bool IsIdChar(char c) =>
        c is >= '0' and <= '9' or >= 'a' and <= 'z' or >= 'A' and <= 'Z'
            or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '/' or ':' or '<' or '=' or '>'
            or '?' or '@' or '\\' or '^' or '_' or '`' or '|' or '~';

    /// <summary>Whether <paramref name="name"/> can follow <c>$</c> without quotes.</summary>
    public static bool IsPlainId(string name)
    {
        if (name.Length == 0) return false;
        foreach (var c in name)
        {
            if (!IsIdChar(c)) return false;
        }
        return true;
    }

    /// <summary>
    /// The identifier for a name: <c>$name</c> when every character is an <c>idchar</c>, else the quoted
    /// form <c>$"…"</c> with the string escapes. Null for the empty name, which has no identifier.
    /// </summary>
    public static string? Id(string name)
    {
        if (name.Length == 0) return null;
        if (IsPlainId(name)) return "$" + name;
        var sb = new StringBuilder(name.Length + 4);
        sb.Append("$\"");
        AppendEscaped(sb, Encoding.UTF8.GetBytes(name));
        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>A string literal holding the UTF-8 encoding of <paramref name="text"/>.</summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2);
        sb.Append('"');
        AppendEscaped(sb, Encoding.UTF8.GetBytes(text));
        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>
    /// Appends <paramref name="bytes"/> as the inside of a string literal: printable ASCII as itself,
    /// <c>\"</c>, <c>\\</c>, <c>\t</c>, <c>\n</c>, and <c>\hh</c> for every other byte (so the output is ASCII).
    /// </summary>
    public static void AppendEscaped(StringBuilder sb, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            switch (b)
            {
                case (byte)'"': sb.Append("\\\""); break;
                case (byte)'\\': sb.Append("\\\\"); break;
                case (byte)'\t': sb.Append("\\t"); break;
                case (byte)'\n': sb.Append("\\n"); break;
                default:
                    if (b is >= 0x20 and < 0x7F)
                    {
                        sb.Append((char)b);
                    }
                    else
                    {
                        sb.Append('\\');
                        sb.Append(Hex[b >> 4]);
                        sb.Append(Hex[b & 0xF]);
                    }
                    break;
            }
        }
    }

    /// <summary>Lower-case hex digits.</summary>
    internal const string Hex = "0123456789abcdef";
}
