using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;

namespace Whamm.Wasm.Text;

/// <summary>
/// Prints function bodies, flat (one instruction a line, indented by nesting) or folded (see
/// <see cref="WatFolder"/>). Block labels are named from the name section's label map, by the order in
/// which blocks open; branches always use numeric depths. The final <c>end</c> is implicit in the text.
/// </summary>
internal sealed class WatBodyPrinter(WatTextWriter w, WatInstructionWriter ins, WatNames names, bool folded, Module module)
{
    /// <summary>Per opcode: whether it opens a block (it has a block type immediate).</summary>
    internal static readonly bool[] OpensBlock = OpcodeTable.All.Select(o => o.Has(ImmKind.BlockType)).ToArray();

    public void Print(FunctionBody body, uint funcIndex)
    {
        var labels = names.Labels(funcIndex);
        if (folded && new WatFolder(w, ins, labels, module).Print(body, funcIndex)) return;
        var baseDepth = w.Depth;
        try
        {
            PrintFlat(body, labels);
        }
        finally
        {
            w.Depth = baseDepth; // also after a body with unbalanced blocks
        }
    }

    private void PrintFlat(FunctionBody body, NameMap labels)
    {
        var reader = body.Instructions();
        var depth = 0;
        var label = 0u;
        while (!reader.AtEnd)
        {
            var i = reader.Read();
            switch (i.Op)
            {
                case Op.End when depth == 0 && reader.AtEnd:
                    return; // the function's own end
                case Op.End or Op.Delegate when depth > 0:
                    depth--;
                    w.Depth--;
                    w.Line();
                    ins.Write(i);
                    continue;
                case Op.Else or Op.Catch or Op.CatchAll when depth > 0:
                    w.Depth--;
                    w.Line();
                    ins.Write(i);
                    w.Depth++;
                    continue;
            }
            w.Line();
            if (OpensBlock[(int)i.Op])
            {
                ins.Write(i, labels.Id(label), labels.Annotation(label));
                label++;
                depth++;
                w.Depth++;
            }
            else
            {
                ins.Write(i);
            }
        }
    }
}
