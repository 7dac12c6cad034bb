using System.Globalization;
using System.Text;
using Whamm.Runtime.Text;

namespace Whamm.Runtime.Wast;

/// <summary>
/// Reads a script's text into s-expressions: lists, atoms and strings, with positions. Comments are not
/// dropped: each is recorded, in order, with its position. Errors are <see cref="TextParseException"/>s
/// with the line and column.
/// </summary>
internal sealed class SExprReader
{
    private readonly string _text;
    private readonly string _path;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    private SExprReader(string text, string path)
    {
        _text = text;
        _path = path;
    }

    /// <summary>The comments, in source order.</summary>
    public List<WastComment> Comments { get; } = [];

    /// <summary>Reads every top-level expression of <paramref name="text"/>.</summary>
    public static (List<SExpr> Items, List<WastComment> Comments) Read(string text, string path)
    {
        var reader = new SExprReader(text, path);
        var items = new List<SExpr>();
        while (true)
        {
            reader.SkipTrivia();
            if (reader._pos >= text.Length) break;
            items.Add(reader.ReadExpr());
        }
        return (items, reader.Comments);
    }

    private SourcePosition Here => new(_pos, _line, _pos - _lineStart + 1);

    private TextParseException Error(SourcePosition at, string message) =>
        new(TextDiagnostic.At(TextDiagnosticCodes.Script, _path, _text, at.Line, at.Column, message));

    /// <summary>Reads one expression. Iterative, so a deeply nested module cannot overflow the stack.</summary>
    private SExpr ReadExpr()
    {
        var open = new Stack<(SourcePosition Start, List<SExpr> Items)>();
        while (true)
        {
            SkipTrivia();
            if (_pos >= _text.Length)
            {
                var unclosed = open.Count > 0 ? open.Peek().Start : Here;
                throw Error(unclosed, "unclosed '(': expected ')' before the end of the script");
            }
            var start = Here;
            SExpr? done = null;
            switch (_text[_pos])
            {
                case '(':
                    Advance();
                    open.Push((start, []));
                    continue;
                case ')':
                    if (open.Count == 0) throw Error(start, "unexpected ')'");
                    Advance();
                    var (listStart, items) = open.Pop();
                    done = new SList(items, listStart, _pos);
                    break;
                case '"':
                    done = new SString(ReadString(), start, _pos);
                    break;
                default:
                    done = ReadAtom(start);
                    break;
            }
            if (open.Count == 0) return done;
            open.Peek().Items.Add(done);
        }
    }

    private SAtom ReadAtom(SourcePosition start)
    {
        if (_text[_pos] == '$' && _pos + 1 < _text.Length && _text[_pos + 1] == '"')
        {
            Advance();
            var bytes = ReadString();
            if (bytes.Length == 0) throw Error(start, "empty identifier");
            return new SAtom("$" + Encoding.UTF8.GetString(bytes), start, _pos);
        }
        var begin = _pos;
        while (_pos < _text.Length && !IsDelimiter(_pos)) Advance();
        return new SAtom(_text[begin.._pos], start, _pos);
    }

    private bool IsDelimiter(int i)
    {
        var c = _text[i];
        if (c is ' ' or '\t' or '\n' or '\r' or '(' or ')' or '"') return true;
        return c == ';' && i + 1 < _text.Length && _text[i + 1] == ';';
    }

    private byte[] ReadString()
    {
        var start = Here;
        Advance(); // opening quote
        var bytes = new List<byte>();
        Span<byte> utf8 = stackalloc byte[4];
        while (true)
        {
            if (_pos >= _text.Length) throw Error(start, "unterminated string");
            var c = _text[_pos];
            if (c == '"')
            {
                Advance();
                return bytes.ToArray();
            }
            if (c == '\n') throw Error(start, "unterminated string (newline inside a string)");
            if (c != '\\')
            {
                var rune = Rune.GetRuneAt(_text, _pos);
                var n = rune.EncodeToUtf8(utf8);
                for (var k = 0; k < n; k++) bytes.Add(utf8[k]);
                for (var k = 0; k < rune.Utf16SequenceLength; k++) Advance();
                continue;
            }
            var escape = Here;
            Advance();
            if (_pos >= _text.Length) throw Error(escape, "unterminated string");
            var e = _text[_pos];
            Advance();
            switch (e)
            {
                case 't': bytes.Add((byte)'\t'); break;
                case 'n': bytes.Add((byte)'\n'); break;
                case 'r': bytes.Add((byte)'\r'); break;
                case '"': bytes.Add((byte)'"'); break;
                case '\'': bytes.Add((byte)'\''); break;
                case '\\': bytes.Add((byte)'\\'); break;
                case 'u':
                {
                    if (_pos >= _text.Length || _text[_pos] != '{') throw Error(escape, "invalid \\u escape: expected '{'");
                    var close = _text.IndexOf('}', _pos);
                    if (close < 0) throw Error(escape, "invalid \\u escape: missing '}'");
                    var hex = _text[(_pos + 1)..close].Replace("_", "", StringComparison.Ordinal);
                    if (!int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) || !Rune.IsValid(code))
                        throw Error(escape, $"invalid unicode escape '\\u{{{hex}}}'");
                    while (_pos <= close) Advance();
                    var n = new Rune(code).EncodeToUtf8(utf8);
                    for (var k = 0; k < n; k++) bytes.Add(utf8[k]);
                    break;
                }
                default:
                    if (Uri.IsHexDigit(e) && _pos < _text.Length && Uri.IsHexDigit(_text[_pos]))
                    {
                        bytes.Add((byte)(Uri.FromHex(e) * 16 + Uri.FromHex(_text[_pos])));
                        Advance();
                        break;
                    }
                    throw Error(escape, $"invalid escape '\\{e}'");
            }
        }
    }

    /// <summary>Skips whitespace and comments, recording the comments.</summary>
    private void SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                Advance();
                continue;
            }
            if (c == ';' && _pos + 1 < _text.Length && _text[_pos + 1] == ';')
            {
                var start = Here;
                var end = _text.IndexOf('\n', _pos);
                if (end < 0) end = _text.Length;
                var text = _text[_pos..end].TrimEnd('\r');
                while (_pos < end) Advance();
                Comments.Add(new WastComment(text, WastCommentKind.Line, start));
                continue;
            }
            if (c == '(' && _pos + 1 < _text.Length && _text[_pos + 1] == ';')
            {
                var start = Here;
                var depth = 0;
                while (true)
                {
                    if (_pos + 1 >= _text.Length) throw Error(start, "unterminated block comment");
                    if (_text[_pos] == '(' && _text[_pos + 1] == ';')
                    {
                        depth++;
                        Advance();
                        Advance();
                    }
                    else if (_text[_pos] == ';' && _text[_pos + 1] == ')')
                    {
                        depth--;
                        Advance();
                        Advance();
                        if (depth == 0) break;
                    }
                    else
                    {
                        Advance();
                    }
                }
                Comments.Add(new WastComment(_text[start.Offset.._pos], WastCommentKind.Block, start));
                continue;
            }
            return;
        }
    }

    private void Advance()
    {
        if (_text[_pos] == '\n')
        {
            _line++;
            _lineStart = _pos + 1;
        }
        _pos++;
    }
}
