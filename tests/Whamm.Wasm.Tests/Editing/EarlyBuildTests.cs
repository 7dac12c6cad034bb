using Whamm.Wasm.Editing;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;
using Whamm.Wasm.Writing;
using static Whamm.Wasm.Tests.Editing.EditTestSupport;

namespace Whamm.Wasm.Tests.Editing;

/// <summary>
/// <see cref="ModuleEditor.BuildBody"/>: a function's edits built before the commit, in the numbering the commit applies,
/// give the module the commit alone would; the function can be edited again afterwards.
/// </summary>
public class EarlyBuildTests
{
    private const string Program = """
        (module
          (import "env" "log" (func $log (param i32)))
          (global $g (mut i32) (i32.const 0))
          (func $add (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
          (func $twice (export "twice") (param i32) (result i32)
            local.get 0 call $log
            local.get 0 local.get 0 call $add
            global.get $g i32.add))
        """;

    /// <summary>A hook import at index 0 (every function index moves), a call to it at every entry, a nop before every add.</summary>
    private static byte[] Edit(bool buildEarly)
    {
        var module = Read(Program);
        var editor = new ModuleEditor(module);
        var hook = editor.AddFunctionImport("whamm", "hook", new FuncType([], []), at: 0);
        for (var i = 0; i < module.Functions.Count; i++)
        {
            var body = editor.EditBody(i).InsertAtEntry(new InstructionBuilder().Call(hook));
            foreach (var add in Code(module, i).Where(ins => ins.Op == Op.I32Add)) body.InsertBefore(add.Offset, new InstructionBuilder().Nop());
            if (buildEarly) editor.BuildBody(i);
        }
        return editor.Write();
    }

    [Fact]
    public void BodiesBuiltBeforeTheCommitGiveTheModuleTheCommitWould()
    {
        var early = Edit(buildEarly: true);
        AssertWasmtimeValid(early);
        Assert.Equal(Edit(buildEarly: false), early);
    }

    [Fact]
    public void ABuiltBodyIsEditedAgainAsBuilt()
    {
        var module = Read(Program);
        var twice = DefinedExport(module, "twice");
        var editor = new ModuleEditor(module);
        var hook = editor.AddFunctionImport("whamm", "hook", new FuncType([], []), at: 0);
        editor.EditBody(twice).InsertAtEntry(new InstructionBuilder().Call(hook));
        editor.BuildBody(twice);
        Assert.Equal(module.Functions[twice].Body.Length, editor.EditBody(twice).Original.Length - 2); // the call's two bytes
        editor.EditBody(twice).InsertAtEntry(new InstructionBuilder().Nop());
        editor.Commit();

        var code = Code(module, twice).Select(i => (i.Op, i.Op == Op.Call ? i.Index : 0)).ToArray();
        Assert.Equal((Op.Nop, 0u), code[0]);
        Assert.Equal((Op.Call, hook), code[1]);
        Assert.Equal((Op.Call, 1u), code[3]); // $log, moved by the hook
        Assert.Equal((Op.Call, 2u), code[6]); // $add
        AssertWasmtimeValid(ModuleWriter.Write(module));
    }
}
