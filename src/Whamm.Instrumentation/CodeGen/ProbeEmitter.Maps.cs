using Whamm.Instrumentation.Core;
using Whamm.Instrumentation.Counters;
using Whamm.Instrumentation.State;
using Whamm.Language.Semantics;
using Whamm.Language.Syntax;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.CodeGen;

/// <summary>
/// Map reads and writes (reference §1.12) through the core library: <c>m[k]</c> finds the entry (a missing key
/// reads as zero and is not inserted, DECISIONS 12), <c>m[k] = v</c> gets the entry's slot (inserted when
/// missing) and stores into it. Keys of one 4- or 8-byte integer go by value; other keys are written to a
/// scratch area and go by address.
/// <code>
/// ;; count[fid] = count[fid] + 1   (map&lt;u32, u32&gt;, id 0, at fid 5)
/// i32.const 0  i32.const 5  call $map_find_i32  local.tee $p  i32.eqz  if  i32.const ZEROS  local.set $p  end
/// local.get $p  i32.load  i32.const 1  i32.add
/// local.set $v  i32.const 0  i32.const 5  call $map_slot_i32  local.set $p  local.get $p  local.get $v  i32.store
/// </code>
/// </summary>
internal sealed partial class ProbeEmitter
{
    private void EmitMapRead(InstructionBuilder b, IndexExpressionSyntax e)
    {
        var map = MapOf(e);
        var core = state.RequireCore("a map read");
        var value = map.Type.MapValue;
        EmitEntry(b, map, e.Index, insert: false);
        var pointer = newLocal(ValType.I32);
        b.LocalTee(pointer).I32Eqz().If(BlockType.Empty, x => x.I32Const((int)state.Zeros(ValueLayout.Size(value))).LocalSet(pointer));
        new PointerLocation(value, core.Memory, pointer).EmitLoad(b);
    }

    /// <summary>Stores the value on top of the stack into <c>m[k]</c>.</summary>
    private void EmitMapWrite(InstructionBuilder b, IndexExpressionSyntax e)
    {
        var map = MapOf(e);
        var core = state.RequireCore("a map write");
        var value = map.Type.MapValue;
        var saved = value.WasmTypes.Select(newLocal).ToArray();
        for (var i = saved.Length - 1; i >= 0; i--) b.LocalSet(saved[i]);
        EmitEntry(b, map, e.Index, insert: true);
        var pointer = newLocal(ValType.I32);
        b.LocalSet(pointer);
        foreach (var l in saved) b.LocalGet(l);
        new PointerLocation(value, core.Memory, pointer).EmitStore(b, newLocal);
    }

    /// <summary>
    /// <c>m[k]++</c>, <c>m[k]--</c>, <c>m[k] = m[k] ± e</c>: one lookup that inserts the entry (a missing key reads as zero,
    /// as it does for the separate read and write), then the value updated through the entry's address. Only for
    /// <see cref="Pure"/> keys and amounts: a call there could insert into the map and move the entry.
    /// </summary>
    private void EmitEntryUpdate(InstructionBuilder b, IndexExpressionSyntax entry, BinaryOperator op, ExpressionSyntax? amount)
    {
        if (TryEmitDenseAdd(b, entry, op, amount)) return;
        var map = MapOf(entry);
        var value = map.Type.MapValue;
        EmitEntry(b, map, entry.Index, insert: true);
        var pointer = newLocal(ValType.I32);
        b.LocalSet(pointer);
        var location = new PointerLocation(value, state.RequireCore("a map update").Memory, pointer);
        location.EmitLoad(b);
        if (amount is null) EmitOne(b, value);
        else EmitExpression(b, amount);
        EmitArithmetic(b, op, value, entry);
        location.EmitStore(b, newLocal);
    }

    /// <summary>
    /// Where the map may be counted densely (<see cref="DenseMaps"/>): <c>m[k] += N</c> with <c>N</c> a positive constant
    /// and either, for a script global, exactly one element of the key a run-time 32-bit integer and none naming the site, or, for a per-site map,
    /// a key whose values at this site are known to be few (<see cref="DerivedValues.Bound"/>); the key is evaluated once
    /// into a local.
    /// </summary>
    private bool TryEmitDenseAdd(InstructionBuilder b, IndexExpressionSyntax entry, BinaryOperator op, ExpressionSyntax? amount)
    {
        if (op != BinaryOperator.Add || entry.Target is not NameExpressionSyntax name || model.SymbolOf(name) is not VariableSymbol variable
            || DenseMaps?.Invoke(variable) is not { } dense)
            return false;
        var n = 1L;
        if (amount is not null)
        {
            if (!constants.TryGetValue(amount, out var c) || !c.IsInteger || c.WasmValue <= 0) return false;
            n = c.WasmValue;
        }
        var map = MapOf(entry);
        if (variable.VariableKind == VariableKind.Unshared)
        {
            if (entry.Index is not NameExpressionSyntax keyName || model.SymbolOf(keyName) is not VariableSymbol { VariableKind: VariableKind.Bound } bound
                || DerivedValues.Bound(bound.Name, SiteInstruction) is not { } count || map.Type.MapKey.Kind is not (WhammTypeKind.U32 or WhammTypeKind.I32)
                || !dense.HasRoom(8L * count))
                return false;
            var index = newLocal(ValType.I32);
            EmitExpression(b, entry.Index);
            b.LocalSet(index);
            dense.EmitSiteAdd(b, map, index, count, n);
            return true;
        }
        IReadOnlyList<ExpressionSyntax> elements = entry.Index is TupleExpressionSyntax t ? t.Elements : [entry.Index];
        var key = elements.Select(e => constants.GetValueOrDefault(e)).ToArray();
        // A key naming its function or site (`g[(caller, fid)]`) would make an array per function: the map does better.
        var dynamic = Array.IndexOf(key, null);
        if (dynamic < 0 || elements.Any(e => e.DescendantNodesAndSelf().OfType<NameExpressionSyntax>().Any(n => n.Name.Text is "fid" or "pc" or "fname")))
            return false;
        var runTime = elements[dynamic];
        var planes = IsEffectiveAddress(runTime) && dense.PlanesCountable(map, key, SiteInstruction);
        if (!planes && !dense.Countable(map, key)) return false;
        var k = newLocal(ValType.I32);
        EmitExpression(b, runTime);
        b.LocalSet(k);
        if (planes) dense.EmitPlanesAdd(b, map, key, k, n, SiteInstruction!.Value, newLocal);
        else dense.EmitAdd(b, map, key, k, n, newLocal);
        return true;
    }

    /// <summary>Whether <paramref name="e"/> is the site's <c>effective_addr</c> (a key bounded by the accessed memory's size).</summary>
    private bool IsEffectiveAddress(ExpressionSyntax e) =>
        e is NameExpressionSyntax { Name.Text: "effective_addr" } n && model.SymbolOf(n) is VariableSymbol { VariableKind: VariableKind.Bound };

    /// <summary>Whether evaluating <paramref name="e"/> cannot change a map: no calls and no map reads (a read of a missing key inserts nothing, but keeps it simple).</summary>
    private static bool Pure(ExpressionSyntax e) =>
        !e.DescendantNodesAndSelf().Any(n => n is CallExpressionSyntax or IndexExpressionSyntax);

    private MapLocation MapOf(IndexExpressionSyntax e) =>
        LocationOf(e.Target) as MapLocation ?? throw Unsupported("indexing this expression", e);

    /// <summary>Pushes the address of the entry for <paramref name="key"/> (0 when absent and not <paramref name="insert"/>).</summary>
    private void EmitEntry(InstructionBuilder b, MapLocation map, ExpressionSyntax key, bool insert)
    {
        var core = state.RequireCore("a map access");
        var keyType = map.Type.MapKey;
        switch (keyType.Kind)
        {
            case WhammTypeKind.U32 or WhammTypeKind.I32:
                b.I32Const(map.Id);
                EmitExpression(b, key);
                b.Call(core.Function(insert ? CoreLibrary.Exports.MapSlotI32 : CoreLibrary.Exports.MapFindI32));
                return;
            case WhammTypeKind.U64 or WhammTypeKind.I64:
                b.I32Const(map.Id);
                EmitExpression(b, key);
                b.Call(core.Function(insert ? CoreLibrary.Exports.MapSlotI64 : CoreLibrary.Exports.MapFindI64));
                return;
        }
        var scratch = state.Scratch(ValueLayout.Size(keyType));
        EmitExpression(b, key);
        new MemoryLocation(keyType, core.Memory, scratch).EmitStore(b, newLocal);
        b.I32Const(map.Id).I32Const((int)scratch).Call(core.Function(insert ? CoreLibrary.Exports.MapSlot : CoreLibrary.Exports.MapFind));
    }
}
