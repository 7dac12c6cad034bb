using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Text;

/// <summary>
/// Folded printing of a function body. Blocks, loops, ifs and try_tables become s-expressions
/// (<c>(block … )</c>, <c>(if (cond) (then …) (else …))</c>) and an instruction takes the preceding
/// instructions as operands when they are exactly the single-result values it pops:
/// <c>(i32.add (local.get 0) (i32.const 1))</c>.
/// <para>
/// Any grouping that keeps instructions in order is the same program (the parser unfolds
/// <c>(op a b)</c> to <c>a b op</c>), so folding only affects readability; an instruction whose operand
/// count is not known here simply takes no operands. Legacy <c>try</c> blocks stay flat.
/// </para>
/// <para>
/// Printing recurses over the tree, so its depth is bounded: operands fold at most
/// <see cref="MaxOperandDepth"/> deep (a longer chain continues on the next line), and a function whose
/// blocks nest deeper than <see cref="MaxBlockDepth"/> is printed flat.
/// </para>
/// </summary>
internal sealed class WatFolder(WatTextWriter w, WatInstructionWriter ins, NameMap labels, Module module)
{
    private static readonly string ElseKeyword = OpcodeTable.Get(Op.Else).Name;

    /// <summary>The deepest operand nesting folded into one expression.</summary>
    public const int MaxOperandDepth = 32;

    /// <summary>Functions with blocks nested deeper than this are printed flat.</summary>
    public const int MaxBlockDepth = 1000;

    private enum Kind : byte { Plain, Block, If, LegacyTry }

    private sealed class Node(Instruction ins, Kind kind)
    {
        public Instruction Ins { get; } = ins;
        public Kind Kind { get; } = kind;
        /// <summary>Values pushed, or -1 when unknown.</summary>
        public int Results { get; set; }
        /// <summary>Folded operands (plain instructions, if conditions).</summary>
        public List<Node>? Operands { get; set; }
        /// <summary>Block, then or try body.</summary>
        public List<Node> Body { get; } = [];
        /// <summary>If: the else arm (null when there is no <c>else</c>). Legacy try: handler bodies.</summary>
        public List<Node>? Else { get; set; }
        /// <summary>Legacy try: each handler instruction (catch, catch_all) with its body.</summary>
        public List<(Instruction Handler, List<Node> Body)>? Handlers { get; set; }
        /// <summary>The instruction that closed the block (end or delegate).</summary>
        public Instruction? Closer { get; set; }
        public uint Label { get; set; }
        /// <summary>Nesting of folded operands below this node (0 for none).</summary>
        public int OperandDepth { get; set; }
        /// <summary>A plain instruction whose operands are all plain: printed on one line.</summary>
        public bool IsInline { get; set; }
    }

    /// <summary>Prints the body folded; false (nothing printed) when its blocks nest too deep for that.</summary>
    public bool Print(FunctionBody body, uint funcIndex)
    {
        var baseDepth = w.Depth;
        try
        {
            if (Build(body, FunctionType(funcIndex)?.Results.Length ?? -1) is not { } nodes) return false;
            foreach (var node in nodes) PrintNode(node);
            return true;
        }
        finally
        {
            w.Depth = baseDepth;
        }
    }

    // ---- building the tree ----

    private List<Node>? Build(FunctionBody body, int functionResults)
    {
        var top = new List<Node>();
        var open = new Stack<(Node Node, List<Node> Items)>();
        // Values a branch to each label carries (innermost last; the function body is label 0 from outside).
        var labelArity = new List<int> { functionResults };
        var items = top;
        var label = 0u;
        var reader = body.Instructions();
        while (!reader.AtEnd)
        {
            var i = reader.Read();
            if (open.Count == 0 && i.Op == Op.End && reader.AtEnd) break; // the function's own end
            switch (i.Op)
            {
                case Op.End or Op.Delegate when open.Count > 0:
                {
                    var (node, _) = open.Pop();
                    labelArity.RemoveAt(labelArity.Count - 1);
                    node.Closer = i;
                    items = open.Count > 0 ? open.Peek().Items : top;
                    items.Add(node);
                    continue;
                }
                case Op.Else when open.Count > 0 && open.Peek().Node.Kind == Kind.If:
                {
                    var (node, _) = open.Pop();
                    node.Else = [];
                    open.Push((node, node.Else));
                    items = node.Else;
                    continue;
                }
                case Op.Catch or Op.CatchAll when open.Count > 0 && open.Peek().Node.Kind == Kind.LegacyTry:
                {
                    var (node, _) = open.Pop();
                    var handler = new List<Node>();
                    (node.Handlers ??= []).Add((i, handler));
                    open.Push((node, handler));
                    items = handler;
                    continue;
                }
            }
            if (WatBodyPrinter.OpensBlock[(int)i.Op])
            {
                var kind = i.Op switch
                {
                    Op.If => Kind.If,
                    Op.Try => Kind.LegacyTry,
                    _ => Kind.Block,
                };
                if (open.Count >= MaxBlockDepth) return null;
                var node = new Node(i, kind) { Label = label++, Results = BlockResults(i.BlockType) };
                if (kind == Kind.If) node.Operands = TakeOperands(items, 1);
                labelArity.Add(i.Op == Op.Loop ? BlockParams(i.BlockType) : node.Results);
                open.Push((node, node.Body));
                items = node.Body;
                continue;
            }
            var (pops, pushes) = Arity(i, labelArity);
            var operands = TakeOperands(items, pops);
            items.Add(new Node(i, Kind.Plain)
            {
                Results = pushes,
                Operands = operands,
                OperandDepth = operands is null ? 0 : 1 + operands.Max(o => o.OperandDepth),
                IsInline = operands is null || operands.TrueForAll(o => o.IsInline),
            });
        }
        // A body with unclosed blocks (malformed): close them where they stand.
        while (open.Count > 0)
        {
            var (node, _) = open.Pop();
            (open.Count > 0 ? open.Peek().Items : top).Add(node);
        }
        return top;
    }

    /// <summary>The last <paramref name="count"/> items when each pushes exactly one value, else none.</summary>
    private static List<Node>? TakeOperands(List<Node> items, int count)
    {
        if (count <= 0 || count > items.Count) return null;
        for (var k = items.Count - count; k < items.Count; k++)
        {
            if (items[k].Results != 1 || items[k].OperandDepth >= MaxOperandDepth) return null;
        }
        var operands = items.GetRange(items.Count - count, count);
        items.RemoveRange(items.Count - count, count);
        return operands;
    }

    private int BlockResults(BlockType type) => type.Kind switch
    {
        BlockTypeKind.Empty => 0,
        BlockTypeKind.Value => 1,
        _ => FuncType(type.TypeIndex) is { } f && f.Params.Length == 0 ? f.Results.Length : -1,
    };

    private int BlockParams(BlockType type) => type.Kind switch
    {
        BlockTypeKind.TypeIndex => FuncType(type.TypeIndex)?.Params.Length ?? -1,
        _ => 0,
    };

    private FuncType? FuncType(uint typeIndex) =>
        typeIndex < module.Types.Count ? module.Types[(int)typeIndex].Composite as FuncType : null;

    private FuncType? FunctionType(uint funcIndex)
    {
        var imported = (uint)module.ImportedFunctionCount;
        if (funcIndex >= imported)
        {
            var defined = funcIndex - imported;
            return defined < module.Functions.Count ? FuncType(module.Functions[(int)defined].TypeIndex) : null;
        }
        return funcIndex < imported ? FuncType(module.FunctionTypeIndex(funcIndex)) : null;
    }

    /// <summary>
    /// Operands popped and results pushed, for readability only: fixed signatures from the opcode
    /// table, the rest from immediates. (-1, -1) when unknown (branches, returns, anything exotic).
    /// </summary>
    private (int Pops, int Pushes) Arity(in Instruction i, List<int> labelArity)
    {
        var row = i.Opcode;
        if (row.HasFixedSignature) return (row.Params!.Length, row.Results!.Length);
        int LabelArity(uint depth) => depth < labelArity.Count ? labelArity[labelArity.Count - 1 - (int)depth] : -1;
        switch (i.Op)
        {
            case Op.Br:
                return LabelArity(i.Index) is var br and >= 0 ? (br, 0) : (-1, -1);
            case Op.BrIf:
                return LabelArity(i.Index) is var brIf and >= 0 ? (brIf + 1, brIf) : (-1, -1);
            case Op.BrTable:
                return LabelArity(i.BrTableLabels[^1]) is var table and >= 0 ? (table + 1, 0) : (-1, -1);
            case Op.Return:
                return labelArity[0] >= 0 ? (labelArity[0], 0) : (-1, -1);
            case Op.LocalGet or Op.GlobalGet or Op.MemorySize or Op.TableSize or Op.RefNull or Op.RefFunc or Op.StructNewDefault:
                return (0, 1);
            case Op.LocalSet or Op.GlobalSet or Op.Drop or Op.ThrowRef:
                return (1, 0);
            case Op.LocalTee or Op.MemoryGrow or Op.TableGet or Op.RefIsNull or Op.RefAsNonNull or Op.StructGet or Op.StructGetS
                or Op.StructGetU or Op.ArrayNewDefault or Op.ArrayLen or Op.RefTest or Op.RefTestNull or Op.RefCast or Op.RefCastNull
                or Op.AnyConvertExtern or Op.ExternConvertAny or Op.RefI31 or Op.I31GetS or Op.I31GetU:
                return (1, 1);
            case Op.Select or Op.SelectTyped:
                return (3, 1);
            case Op.TableSet or Op.StructSet:
                return (2, 0);
            case Op.TableGrow or Op.RefEq or Op.ArrayNew or Op.ArrayNewData or Op.ArrayNewElem or Op.ArrayGet or Op.ArrayGetS
                or Op.ArrayGetU:
                return (2, 1);
            case Op.MemoryFill or Op.MemoryCopy or Op.MemoryInit or Op.TableFill or Op.TableCopy or Op.TableInit or Op.ArraySet:
                return (3, 0);
            case Op.ArrayFill or Op.ArrayInitData or Op.ArrayInitElem:
                return (4, 0);
            case Op.ArrayCopy:
                return (5, 0);
            case Op.ArrayNewFixed:
                return ((int)Math.Min(i.Imm1, int.MaxValue), 1);
            case Op.StructNew:
                return i.Index < module.Types.Count && module.Types[(int)i.Index].Composite is StructType s ? (s.Fields.Length, 1) : (-1, -1);
            case Op.Call or Op.ReturnCall:
                return FunctionType(i.Index) is { } called ? (called.Params.Length, i.Op == Op.Call ? called.Results.Length : 0) : (-1, -1);
            case Op.CallIndirect or Op.ReturnCallIndirect or Op.CallRef or Op.ReturnCallRef:
                return FuncType(i.Index) is { } t
                    ? (t.Params.Length + 1, i.Op is Op.CallIndirect or Op.CallRef ? t.Results.Length : 0)
                    : (-1, -1);
            case Op.Throw:
                return i.Index < module.TagCount && FuncType(module.TagType(i.Index).TypeIndex) is { } tag ? (tag.Params.Length, 0) : (-1, -1);
            case Op.Unreachable:
                return (0, 0);
            default:
                return (-1, -1);
        }
    }

    // ---- printing ----

    private void PrintNode(Node node)
    {
        switch (node.Kind)
        {
            case Kind.Plain:
                w.Line();
                if (node.IsInline)
                {
                    Inline(node);
                    return;
                }
                w.Write('(');
                ins.Write(node.Ins);
                Nested(node.Operands!);
                w.Line();
                w.Write(')');
                return;
            case Kind.Block:
                w.Line();
                w.Write('(');
                ins.Write(node.Ins, labels.Id(node.Label), labels.Annotation(node.Label));
                Nested(node.Body);
                w.Line();
                w.Write(')');
                return;
            case Kind.If:
                w.Line();
                w.Write('(');
                ins.Write(node.Ins, labels.Id(node.Label), labels.Annotation(node.Label));
                w.Depth++;
                if (node.Operands is { } condition)
                {
                    foreach (var c in condition) PrintNode(c);
                }
                w.Line();
                w.Write("(then");
                Nested(node.Body);
                if (node.Body.Count > 0) w.Line();
                w.Write(')');
                if (node.Else is { } otherwise)
                {
                    w.Line();
                    w.Write('(');
                    w.Write(ElseKeyword);
                    Nested(otherwise);
                    if (otherwise.Count > 0) w.Line();
                    w.Write(')');
                }
                w.Depth--;
                w.Line();
                w.Write(')');
                return;
            case Kind.LegacyTry:
                w.Line();
                ins.Write(node.Ins, labels.Id(node.Label), labels.Annotation(node.Label));
                Nested(node.Body);
                foreach (var (handler, body) in node.Handlers ?? [])
                {
                    w.Line();
                    ins.Write(handler);
                    Nested(body);
                }
                if (node.Closer is { } closer)
                {
                    w.Line();
                    ins.Write(closer);
                }
                return;
        }
    }

    private void Nested(List<Node> nodes)
    {
        w.Depth++;
        foreach (var n in nodes) PrintNode(n);
        w.Depth--;
    }

    private void Inline(Node node)
    {
        w.Write('(');
        ins.Write(node.Ins);
        if (node.Operands is { } operands)
        {
            foreach (var o in operands)
            {
                w.Write(' ');
                Inline(o);
            }
        }
        w.Write(')');
    }
}
