using Whamm.Wasm.Binary;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Writing;

namespace Whamm.Wasm.Tests.Text;

/// <summary>
/// The comparison behind "print → parse reproduces the module". The text parser writes a module
/// canonically, so the original cannot always come back byte for byte; this re-encodes a module the
/// same canonical way, and the round-trip tests require
/// <c>Canonical(original) == Canonical(reparsed)</c> and <c>Canonical(reparsed) == reparsed minus names</c>.
/// <para>What canonical means, each a difference the text format cannot express:</para>
/// <list type="bullet">
/// <item>Every section is re-encoded from the model with shortest LEBs (section and body sizes, counts,
/// indices). Function bodies and constant expressions are re-encoded instruction by instruction, so
/// padded LEBs that linkers leave in code (wasm-ld's relocatable <c>call</c> and <c>i32.const</c>
/// operands) become minimal, and a memarg's memory-index flag is set only for memories other than 0.</item>
/// <item>Local declarations: adjacent runs of the same type are merged, empty runs dropped
/// (<c>(local i32) (local i32)</c> is one run in the parser's output).</item>
/// <item>Data segments in the explicit-memory form (flags 2) with memory 0 become the short form (flags 0).</item>
/// <item>The data count section is present exactly when code uses <c>memory.init</c>, <c>data.drop</c>,
/// <c>array.new_data</c> or <c>array.init_data</c>: the parser emits it on that rule and text has no
/// syntax to ask for it otherwise.</item>
/// <item>The <c>name</c> section is dropped: names become identifiers in the text and the parser
/// re-derives the section from them (checked separately by comparing the decoded names).</item>
/// </list>
/// Everything else (types and rec groups, imports, every segment's form, custom sections and their
/// positions) must come back exactly.
/// </summary>
public static class CanonicalEncoding
{
    /// <summary>The canonical encoding of <paramref name="bytes"/>.</summary>
    public static byte[] Of(byte[] bytes) => Of(Whamm.Wasm.Reading.ModuleReader.Read(bytes));

    /// <summary>The canonical encoding of <paramref name="module"/> (which it modifies).</summary>
    public static byte[] Of(Module module)
    {
        var kept = module.CustomSections.Where(c => c.Name != "name").ToList();
        module.CustomSections.Clear();
        module.CustomSections.AddRange(kept);
        module.Names = null;
        var needsDataCount = false;
        var w = new WasmWriter();
        for (var i = 0; i < module.Functions.Count; i++)
        {
            var function = module.Functions[i];
            w.Clear();
            var runs = new List<LocalDecl>();
            foreach (var decl in function.Body.Locals)
            {
                if (decl.Count == 0) continue;
                if (runs.Count > 0 && runs[^1].Type == decl.Type) runs[^1] = new LocalDecl(runs[^1].Count + decl.Count, decl.Type);
                else runs.Add(decl);
            }
            w.WriteU32((uint)runs.Count);
            foreach (var run in runs)
            {
                w.WriteU32(run.Count);
                w.WriteValType(run.Type);
            }
            var reader = function.Body.Instructions();
            while (!reader.AtEnd)
            {
                var ins = reader.Read();
                needsDataCount |= ins.Op is Op.MemoryInit or Op.DataDrop or Op.ArrayNewData or Op.ArrayInitData;
                InstructionWriter.Write(w, ins);
            }
            module.Functions[i] = new Function(function.TypeIndex, new FunctionBody(w.ToArray()));
        }
        module.HasDataCount = needsDataCount;
        for (var i = 0; i < module.Globals.Count; i++) module.Globals[i] = module.Globals[i] with { Init = Expression(module.Globals[i].Init) };
        for (var i = 0; i < module.Tables.Count; i++)
        {
            if (module.Tables[i].Init is { } init) module.Tables[i] = module.Tables[i] with { Init = Expression(init) };
        }
        for (var i = 0; i < module.Elements.Count; i++)
        {
            var e = module.Elements[i];
            module.Elements[i] = e with
            {
                Offset = e.Offset is null ? null : Expression(e.Offset),
                Expressions = e.Expressions?.Select(Expression).ToArray(),
            };
        }
        for (var i = 0; i < module.Data.Count; i++)
        {
            var d = module.Data[i];
            var encoding = d.Encoding == 2 && d.Memory == 0 ? (byte)0 : d.Encoding;
            module.Data[i] = new DataSegment(d.Mode, d.Bytes, encoding)
            {
                Memory = d.Memory,
                Offset = d.Offset is null ? null : Expression(d.Offset),
            };
        }
        return ModuleWriter.Write(module, reencodeAll: true);
    }

    /// <summary><paramref name="bytes"/> with the name section removed and nothing else changed.</summary>
    public static byte[] WithoutNames(byte[] bytes)
    {
        var module = Whamm.Wasm.Reading.ModuleReader.Read(bytes);
        var kept = module.CustomSections.Where(c => c.Name != "name").ToList();
        if (kept.Count == module.CustomSections.Count) return bytes;
        module.CustomSections.Clear();
        module.CustomSections.AddRange(kept);
        module.Names = null;
        return ModuleWriter.Write(module);
    }

    private static ConstExpr Expression(ConstExpr expr)
    {
        var w = new WasmWriter();
        var reader = expr.Read();
        while (!reader.AtEnd) InstructionWriter.Write(w, reader.Read());
        return new ConstExpr(w.ToArray());
    }

    /// <summary>The index of the first differing byte (or the shorter length).</summary>
    public static int FirstDifference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var n = a.CommonPrefixLength(b);
        return n;
    }
}
