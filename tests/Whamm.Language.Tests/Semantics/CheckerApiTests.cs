using System.Reflection;
using Whamm.Language.Catalogue;
using Whamm.Language.Diagnostics;
using Whamm.Language.Semantics;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Tests.Semantics;

/// <summary>What the rewriter reads from a <see cref="CheckedScript"/>.</summary>
public class CheckerApiTests
{
    private static CheckedScript Check(string text)
    {
        var (script, diagnostics) = Checker.Check(SourceText.From(text, "api.mm"), TestLibraries.Options);
        Assert.True(!script.HasErrors, DiagnosticRenderer.Render(diagnostics, DiagnosticFormat.Plain));
        return script;
    }

    [Fact]
    public void Matches_come_in_catalogue_order_with_their_modes()
    {
        var probe = Check("wasm:opcode:br*:before { }").Probes.Single();
        Assert.Equal(["br", "br_if", "br_table", "br_on_cast", "br_on_cast_fail", "br_on_null", "br_on_non_null"],
            probe.Matches.Select(m => m.Event!.Name));
        Assert.All(probe.Matches, m => Assert.Equal(ModeKind.Before, m.Mode!.Kind));
    }

    [Fact]
    public void Needed_bound_variables_say_which_are_static()
    {
        var match = Check("var m: map<u32, u32>;\nwasm:opcode:i32.load:before / fid == 3 / { m[effective_addr]++; }").Probes[0].Matches.Single();
        Assert.Equal(["fid", "effective_addr", "addr", "arg0", "offset"], match.BoundVariables.Select(v => v.Name));
        Assert.Equal(["fid", "offset"], match.StaticVariables.Select(v => v.Name));
        Assert.Equal(["effective_addr", "addr", "arg0"], match.DynamicVariables.Select(v => v.Name));
        Assert.Equal([true, true, false, false, false], match.BoundVariables.Select(v => v.IsDirect));
        Assert.Same(WasmCatalogue.OpcodeEvent(Whamm.Wasm.Opcodes.Op.I32Load).FindVariable("offset"), match.BoundVariables[^1].Variable);
    }

    [Fact]
    public void Each_match_has_its_own_bound_variables_and_shares_the_model_when_types_agree()
    {
        // Catalogue order, not rule order: i32.load, i32.store, i64.store.
        var probe = Check("wasm:opcode:i32.store|i64.store|i32.load:before { var a: u32 = addr; }").Probes[0];
        Assert.Equal(["i32.load", "i32.store", "i64.store"], probe.Matches.Select(m => m.Event!.Name));
        Assert.Equal("arg0", probe.Matches[0].BoundVariables[1].Name);
        Assert.Equal("arg1", probe.Matches[1].BoundVariables[1].Name);
        Assert.Equal("arg1", probe.Matches[2].BoundVariables[1].Name);
        Assert.Same(probe.Matches[1].Model, probe.Matches[2].Model);
        Assert.NotSame(probe.Matches[0].Model, probe.Matches[1].Model);
        Assert.Equal(2, probe.Models.Count());
    }

    [Fact]
    public void A_glob_that_names_no_bound_variable_is_checked_once()
    {
        var probe = Check("report var n: u64;\nwasm:opcode:*:before { n++; }").Probes[0];
        Assert.True(probe.Matches.Count > 500);
        Assert.Single(probe.Models);
    }

    [Fact]
    public void Types_of_every_expression_are_recorded_per_model()
    {
        var script = Check("wasm:opcode:i32.eqz|i64.eqz:before / arg0 == 0 / { }");
        var predicate = (BinaryExpressionSyntax)script.Probes[0].Syntax.Predicate!;
        var (i32, i64) = (script.Probes[0].Matches[0].Model, script.Probes[0].Matches[1].Model);
        Assert.Equal(WhammType.I32, i32.TypeOf(predicate.Right));
        Assert.Equal(WhammType.I64, i64.TypeOf(predicate.Right));
        Assert.Equal(WhammType.Bool, i64.TypeOf(predicate));
        var arg0 = Assert.IsType<VariableSymbol>(i64.SymbolOf(predicate.Left));
        Assert.Equal(VariableKind.Bound, arg0.VariableKind);
        Assert.False(arg0.IsStatic);
    }

    [Fact]
    public void Symbols_of_names_calls_and_declarations()
    {
        var script = Check("use testlib;\nvar total: u64;\nfn twice(x: u32) -> u32 { return x * 2; }\nwasm:opcode:call:before {\n    report var hits: u32;\n    hits = twice(fid);\n    testlib.log_i64(total as i64);\n}");
        var model = script.Probes[0].Matches[0].Model;
        var body = script.Probes[0].Syntax.Body.Statements;
        var hits = Assert.IsType<VariableSymbol>(model.SymbolOf(body[0]));
        Assert.Equal(VariableKind.Unshared, hits.VariableKind);
        Assert.True(hits.IsReport);
        Assert.Equal([hits], model.UnsharedVariables);
        var call = (CallExpressionSyntax)((AssignmentStatementSyntax)body[1]).Value;
        var twice = Assert.IsType<FunctionSymbol>(model.SymbolOf(call));
        Assert.Equal(FunctionKind.User, twice.FunctionKind);
        Assert.Same(script.Functions[0].Symbol, twice);
        var lib = (CallExpressionSyntax)((ExpressionStatementSyntax)body[2]).Expression;
        var log = Assert.IsType<FunctionSymbol>(model.SymbolOf(lib));
        Assert.Equal("testlib.log_i64", log.DisplayName);
        Assert.Same(script.Libraries[0], log.Library);
        var total = Assert.IsType<VariableSymbol>(model.SymbolOf(((CastExpressionSyntax)lib.Arguments[0]).Operand));
        Assert.Same(script.Globals[0], total);
        Assert.True(script.HasReports);
    }

    [Fact]
    public void Type_bounds_exclude_events_and_retype_variables()
    {
        var probe = Check("wasm:opcode:*.eqz(arg0: i64):before { }").Probes[0];
        Assert.Equal("i64.eqz", probe.Matches.Single().Event!.Name);
        Assert.Equal("i32.eqz", probe.ExcludedMatches.Single().Event!.Name);
        Assert.Equal(WhammType.I64, probe.TypeBounds["arg0"]);
    }

    [Fact]
    public void Parse_errors_stop_before_checking()
    {
        var (script, diagnostics) = Checker.Check(SourceText.From("wasm:opcode:call:before { x = ; }"));
        Assert.True(script.HasErrors);
        Assert.Empty(script.Probes);
        Assert.All(diagnostics, d => Assert.StartsWith("WH0", d.Id));
    }

    [Fact]
    public void Diagnostics_are_sorted_and_name_the_rule()
    {
        var (_, diagnostics) = Checker.Check(SourceText.From("wasm:opcode:call:before { b = 1; }\nwasm:begin { a = 1; }", "x.mm"));
        Assert.Equal(["b", "a"], diagnostics.Select(d => d.Message[1..2]));
        Assert.Equal(["wasm:opcode:call:before", "wasm:begin"], diagnostics.Select(d => d.Rule));
    }

    [Fact]
    public void Checked_script_is_the_same_when_checked_again()
    {
        var text = File.ReadAllText(Path.Combine(CaseFiles.Root, "..", "..", "..", "examples", "monitors", "call-graph.mm"));
        var a = CheckedScriptDump.Print(Check(text));
        var b = CheckedScriptDump.Print(Check(text));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Misuse_throws_argument_exceptions()
    {
        Assert.Throws<ArgumentNullException>(() => Checker.Check((SourceText)null!));
        Assert.Throws<ArgumentNullException>(() => LibrarySignatures.FromWasm(null!));
    }

    [Fact]
    public void Descriptor_ids_are_in_their_phase_ranges()
    {
        static IEnumerable<DiagnosticDescriptor> Of(Type t) => t.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (DiagnosticDescriptor)f.GetValue(null)!);
        Assert.All(Of(typeof(RuleDiagnostics)), d => Assert.InRange(int.Parse(d.Id[2..], System.Globalization.CultureInfo.InvariantCulture), 1000, 1999));
        Assert.All(Of(typeof(CheckDiagnostics)), d => Assert.InRange(int.Parse(d.Id[2..], System.Globalization.CultureInfo.InvariantCulture), 2000, 2999));
        Assert.All(Of(typeof(CheckDiagnostics)), d => Assert.Contains(d.Kind, (DiagnosticKind[])[DiagnosticKind.TypeCheckError, DiagnosticKind.DuplicateIdentifierError, DiagnosticKind.TypeCheckWarning, DiagnosticKind.ProbeWarning]));
    }
}
