using System.Buffers.Binary;
using Whamm.Runtime.Text;

namespace Whamm.Runtime.Wast;

/// <summary>
/// Our reader for the script layer of <c>.wast</c> files: commands, actions, values and expected
/// results. Modules inside are kept as text (or bytes) for the text parser; nothing here parses module
/// fields.
/// </summary>
internal sealed class WastParser
{
    private readonly string _text;
    private readonly string _path;

    private WastParser(string text, string path)
    {
        _text = text;
        _path = path;
    }

    public static WastScript Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var (items, comments) = SExprReader.Read(text, path);
        var parser = new WastParser(text, path);
        var commands = new List<WastCommand>(items.Count);
        var nextComment = 0;
        var previousEndLine = 0;
        foreach (var item in items)
        {
            var leading = new List<WastComment>();
            var trailing = new List<WastComment>();
            while (nextComment < comments.Count && comments[nextComment].Start.Offset < item.Start.Offset)
            {
                var comment = comments[nextComment++];
                (comment.Start.Line == previousEndLine && commands.Count > 0 ? trailing : leading).Add(comment);
            }
            if (trailing.Count > 0) commands[^1] = commands[^1] with { TrailingComments = trailing };
            // Comments inside the command (module bodies) belong to no command's lists.
            while (nextComment < comments.Count && comments[nextComment].Start.Offset < item.EndOffset) nextComment++;
            commands.Add(parser.Command(item) with { LeadingComments = leading });
            previousEndLine = parser.LineOf(item.EndOffset - 1);
        }
        var last = comments.Skip(nextComment).TakeWhile(c => c.Start.Line == previousEndLine).ToList();
        if (last.Count > 0) commands[^1] = commands[^1] with { TrailingComments = last };
        return new WastScript(path, text, commands, comments);
    }

    /// <summary>The 1-based line of a character offset.</summary>
    private int LineOf(int offset)
    {
        _lineStarts ??= [0, .. _text.Select((c, i) => (c, i)).Where(p => p.c == '\n').Select(p => p.i + 1)];
        var index = _lineStarts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    private List<int>? _lineStarts;

    private TextParseException Error(SExpr at, string message) =>
        new(TextDiagnostic.At(TextDiagnosticCodes.Script, _path, _text, at.Start.Line, at.Start.Column, message));

    private SList List(SExpr e, string what) => e as SList ?? throw Error(e, $"expected {what}");

    private WastCommand Command(SExpr item)
    {
        var list = List(item, "a command in parentheses");
        switch (list.Head)
        {
            case "module":
                return Module(list);
            case "register":
            {
                if (list.Items.Count is < 2 or > 3 || list.Items[1] is not SString name) throw Error(list, "expected (register \"name\" $module?)");
                return new WastRegister(list.Start, name.Utf8, list.Items.Count == 3 ? Id(list.Items[2]) : null);
            }
            case "invoke" or "get":
                return new WastActionCommand(list.Start, Action(list));
            case "assert_return":
            {
                if (list.Items.Count < 2) throw Error(list, "expected (assert_return action result…)");
                var expected = list.Items.Skip(2).Select(Expected).ToList();
                return new AssertReturn(list.Start, Action(list.Items[1]), expected);
            }
            case "assert_trap":
            {
                var (target, message) = TargetAndMessage(list);
                var targetList = List(target, "an action or a module");
                return targetList.Head == "module"
                    ? new AssertTrap(list.Start, null, Module(targetList), message)
                    : new AssertTrap(list.Start, Action(targetList), null, message);
            }
            case "assert_exhaustion":
            {
                var (target, message) = TargetAndMessage(list);
                return new AssertExhaustion(list.Start, Action(target), message);
            }
            case "assert_exception":
                if (list.Items.Count != 2) throw Error(list, "expected (assert_exception action)");
                return new AssertException(list.Start, Action(list.Items[1]));
            case "assert_invalid" or "assert_malformed" or "assert_unlinkable":
            {
                var (target, message) = TargetAndMessage(list);
                var kind = list.Head switch
                {
                    "assert_invalid" => ModuleAssertion.Invalid,
                    "assert_malformed" => ModuleAssertion.Malformed,
                    _ => ModuleAssertion.Unlinkable,
                };
                var module = List(target, "a module");
                if (module.Head != "module") throw Error(target, $"expected (module …) in {list.Head}");
                return new AssertModule(list.Start, kind, Module(module), message);
            }
            case null:
                throw Error(list, "expected a command keyword");
            default:
                throw Error(list.Items[0], $"unknown or unsupported command '{list.Head}'");
        }
    }

    private (SExpr Target, string Message) TargetAndMessage(SList list)
    {
        if (list.Items.Count != 3 || list.Items[2] is not SString message)
            throw Error(list, $"expected ({list.Head} … \"message\")");
        return (list.Items[1], message.Utf8);
    }

    private string Id(SExpr e) => e is SAtom { IsId: true } atom ? atom.Text : throw Error(e, "expected a $name");

    private WastModule Module(SList list)
    {
        var i = 1;
        string? name = null;
        if (i < list.Items.Count && list.Items[i] is SAtom { IsId: true } id)
        {
            name = id.Text;
            i++;
        }
        if (i < list.Items.Count && list.Items[i] is SAtom { Text: "binary" or "quote" } mode)
        {
            var strings = list.Items.Skip(i + 1).Select(s => s as SString ?? throw Error(s, $"expected a string in (module {mode.Text} …)")).ToList();
            var bytes = strings.SelectMany(s => s.Bytes).ToArray();
            return mode.Text == "binary"
                ? new WastModule(list.Start, name, WastModuleKind.Binary, null, bytes)
                : new WastModule(list.Start, name, WastModuleKind.Quote, System.Text.Encoding.UTF8.GetString(bytes), null);
        }
        if (i < list.Items.Count && list.Items[i] is SAtom { Text: "definition" or "instance" } unsupported)
            throw Error(unsupported, $"(module {unsupported.Text} …) is not supported");
        return new WastModule(list.Start, name, WastModuleKind.Text, _text[list.Start.Offset..list.EndOffset], null);
    }

    private WastAction Action(SExpr e)
    {
        var list = List(e, "an action (invoke or get)");
        var i = 1;
        string? module = null;
        if (i < list.Items.Count && list.Items[i] is SAtom { IsId: true } id)
        {
            module = id.Text;
            i++;
        }
        if (i >= list.Items.Count || list.Items[i] is not SString field) throw Error(list, $"expected ({list.Head ?? "invoke"} $module? \"name\" …)");
        i++;
        switch (list.Head)
        {
            case "invoke":
                return new WastInvoke(list.Start, module, field.Utf8, list.Items.Skip(i).Select(Argument).ToList());
            case "get":
                if (i != list.Items.Count) throw Error(list.Items[i], "get takes no arguments");
                return new WastGet(list.Start, module, field.Utf8);
            default:
                throw Error(list, "expected an action (invoke or get)");
        }
    }

    // ---- values ----

    private WastValue Argument(SExpr e)
    {
        var list = List(e, "a value such as (i32.const 1)");
        var head = list.Head ?? throw Error(list, "expected a value");
        if (head == WastKeywords.RefNull) return new WastValue(RefKind(HeapTypeOf(list)), IsNull: true, HeapType: HeapTypeOf(list));
        if (head == WastKeywords.RefExtern)
        {
            if (list.Items.Count != 2) throw Error(list, "expected (ref.extern N)");
            return new WastValue(WastValueType.ExternRef, ParseU32(list.Items[1]), HeapType: "extern");
        }
        if (head == WastKeywords.V128Const)
        {
            var (_, lanes, _) = V128Lanes(list, allowPatterns: false);
            return new WastValue(WastValueType.V128, V128: LanesToBytes(lanes));
        }
        return Number(list, head, out _) ?? throw Error(list, $"unknown value '{head}'");
    }

    private WastExpected Expected(SExpr e)
    {
        var list = List(e, "an expected result such as (i32.const 1)");
        var head = list.Head ?? throw Error(list, "expected a result");
        if (head == "either")
        {
            if (list.Items.Skip(1).FirstOrDefault(i => i is SList { Head: "either" }) is { } nested) throw Error(nested, "either cannot be nested");
            return new ExpectEither(list.Items.Skip(1).Select(Expected).ToList());
        }
        if (head == WastKeywords.RefNull)
        {
            var heap = list.Items.Count > 1 ? HeapTypeOf(list) : "any";
            return new ExpectValue(new WastValue(list.Items.Count > 1 ? RefKind(heap) : WastValueType.OtherRef, IsNull: true, HeapType: heap));
        }
        if (head == WastKeywords.RefExtern)
        {
            return list.Items.Count == 1
                ? new ExpectAnyReference(WastValueType.ExternRef)
                : new ExpectValue(new WastValue(WastValueType.ExternRef, ParseU32(list.Items[1]), HeapType: "extern"));
        }
        if (head == WastKeywords.RefFunc) return new ExpectAnyReference(WastValueType.FuncRef);
        if (head == WastKeywords.V128Const)
        {
            var (shape, lanes, patterns) = V128Lanes(list, allowPatterns: true);
            return patterns.Any(p => p != NanPattern.None)
                ? new ExpectV128Lanes(shape, lanes, patterns)
                : new ExpectValue(new WastValue(WastValueType.V128, V128: LanesToBytes(lanes)));
        }
        var value = Number(list, head, out var nan) ?? throw Error(list, $"unknown result '{head}'");
        return nan == NanPattern.None ? new ExpectValue(value) : new ExpectNan(value.Type, nan);
    }

    /// <summary>An i32/i64/f32/f64 constant; null when <paramref name="head"/> is none of them.</summary>
    private WastValue? Number(SList list, string head, out NanPattern nan)
    {
        nan = NanPattern.None;
        WastValueType type;
        if (head == WastKeywords.I32Const) type = WastValueType.I32;
        else if (head == WastKeywords.I64Const) type = WastValueType.I64;
        else if (head == WastKeywords.F32Const) type = WastValueType.F32;
        else if (head == WastKeywords.F64Const) type = WastValueType.F64;
        else return null;
        if (list.Items.Count != 2 || list.Items[1] is not SAtom literal) throw Error(list, $"expected ({head} N)");
        var text = literal.Text;
        if (type is WastValueType.F32 or WastValueType.F64 && text is "nan:canonical" or "nan:arithmetic")
        {
            nan = text == "nan:canonical" ? NanPattern.Canonical : NanPattern.Arithmetic;
            return new WastValue(type);
        }
        switch (type)
        {
            case WastValueType.I32 when WatLiteral.TryI32(text, out var i32):
                return new WastValue(type, (uint)i32);
            case WastValueType.I64 when WatLiteral.TryI64(text, out var i64):
                return new WastValue(type, (ulong)i64);
            case WastValueType.F32 when WatLiteral.TryF32(text, out var f32):
                return new WastValue(type, f32);
            case WastValueType.F64 when WatLiteral.TryF64(text, out var f64):
                return new WastValue(type, f64);
            default:
                throw Error(literal, $"malformed {head} literal '{text}'");
        }
    }

    private (string Shape, ulong[] Lanes, NanPattern[] Patterns) V128Lanes(SList list, bool allowPatterns)
    {
        if (list.Items.Count < 2 || list.Items[1] is not SAtom shapeAtom) throw Error(list, "expected (v128.const shape lanes…)");
        var shape = shapeAtom.Text;
        var count = shape switch
        {
            "i8x16" => 16,
            "i16x8" => 8,
            "i32x4" or "f32x4" => 4,
            "i64x2" or "f64x2" => 2,
            _ => throw Error(shapeAtom, $"unknown v128 shape '{shape}'"),
        };
        if (list.Items.Count != 2 + count) throw Error(list, $"{shape} takes {count} lanes");
        var lanes = new ulong[count];
        var patterns = new NanPattern[count];
        for (var k = 0; k < count; k++)
        {
            if (list.Items[2 + k] is not SAtom lane) throw Error(list.Items[2 + k], "expected a lane value");
            var text = lane.Text;
            if (allowPatterns && shape[0] == 'f' && text is "nan:canonical" or "nan:arithmetic")
            {
                patterns[k] = text == "nan:canonical" ? NanPattern.Canonical : NanPattern.Arithmetic;
                continue;
            }
            var ok = shape switch
            {
                "i8x16" => TryLane(text, 8, out lanes[k]),
                "i16x8" => TryLane(text, 16, out lanes[k]),
                "i32x4" => TryLane(text, 32, out lanes[k]),
                "i64x2" => WatLiteral.TryI64(text, out var l) && Set(out lanes[k], (ulong)l),
                "f32x4" => WatLiteral.TryF32(text, out var f) && Set(out lanes[k], f),
                _ => WatLiteral.TryF64(text, out var d) && Set(out lanes[k], d),
            };
            if (!ok) throw Error(lane, $"malformed {shape} lane '{text}'");
        }
        return (shape, lanes, patterns);
    }

    private static bool Set(out ulong slot, ulong value)
    {
        slot = value;
        return true;
    }

    private static bool TryLane(string text, int bits, out ulong lane)
    {
        lane = 0;
        if (!WatLiteral.TryI64(text, out var value)) return false;
        var min = -(1L << (bits - 1));
        var max = (1L << bits) - 1;
        if (value < min || value > max) return false;
        lane = (ulong)value & ((1UL << bits) - 1);
        return true;
    }

    private static byte[] LanesToBytes(ulong[] lanes)
    {
        var bytes = new byte[16];
        var width = 16 / lanes.Length;
        for (var k = 0; k < lanes.Length; k++)
        {
            var span = bytes.AsSpan(k * width, width);
            switch (width)
            {
                case 1: span[0] = (byte)lanes[k]; break;
                case 2: BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)lanes[k]); break;
                case 4: BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)lanes[k]); break;
                default: BinaryPrimitives.WriteUInt64LittleEndian(span, lanes[k]); break;
            }
        }
        return bytes;
    }

    private string HeapTypeOf(SList list)
    {
        if (list.Items.Count != 2 || list.Items[1] is not SAtom heap) throw Error(list, $"expected ({list.Head} heaptype)");
        return heap.Text;
    }

    private static WastValueType RefKind(string heapType) => heapType switch
    {
        "func" or "nofunc" => WastValueType.FuncRef,
        "extern" or "noextern" => WastValueType.ExternRef,
        _ => WastValueType.OtherRef,
    };

    private uint ParseU32(SExpr e)
    {
        if (e is SAtom atom && WatLiteral.TryI64(atom.Text, out var value) && value is >= 0 and <= uint.MaxValue) return (uint)value;
        throw Error(e, "expected a number");
    }
}
