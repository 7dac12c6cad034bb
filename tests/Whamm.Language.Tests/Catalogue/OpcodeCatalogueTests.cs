using System.Text.RegularExpressions;
using Whamm.Language.Catalogue;
using Whamm.Wasm.Opcodes;

namespace Whamm.Language.Tests.Catalogue;

/// <summary>
/// The <c>wasm:opcode</c> package against the reference table (<c>Data/reference-opcode-events.md</c>,
/// a verbatim copy of §2.6) and against the opcode table: Whamm 1.0's 310 events first, in its order,
/// then one event for every other row of the table.
/// </summary>
public partial class OpcodeCatalogueTests
{
    private static readonly IReadOnlyList<CatalogueEvent> Events = WasmCatalogue.Opcode.Events;

    /// <summary>
    /// Where this catalogue deliberately differs from a variable of the reference table: the replacement
    /// (null = not bound). Everything else in the table must match exactly.
    /// </summary>
    private static ExpectedVar? Deviation(ExpectedEvent e, ExpectedVar v) => (e.Name, v.Name) switch
    {
        // The reference gives compare-exchange the address at arg1 (MEMARG addr=arg1, arg1:u32); the
        // stack is (addr, expected, replacement), so arg1 is the expected value and the address is arg2.
        (var n, "arg1") when n.Contains("cmpxchg") => v with { Type = n[..3] },
        (var n, "addr") when n.Contains("cmpxchg") => v with { DerivedFrom = "arg2" },
        // br_table's target depends on arg0: a run-time value, not a static one as the reference marks it.
        ("br_table", "target") => v with { IsStatic = false },
        // array.len has no type immediate in the GC proposal as standardised (the reference still
        // declares the pre-standard one): no imm0 and no tid.
        ("array.len", "imm0" or "tid") => null,
        _ => v,
    };

    /// <summary>Variables this catalogue binds beyond the reference table (supersets), with the reason.</summary>
    private static bool IsAllowedAddition(CatalogueEvent e, BoundVariable v) => (e.Name, v.DisplayName) switch
    {
        // Results of fixed-signature instructions are derived from the opcode table.
        (_, var name) when ResN().IsMatch(name) && e.Opcode!.HasFixedSignature => true,
        // Compare-exchange: the address operand (see Deviation).
        (var n, "arg2") when n.Contains("cmpxchg") => true,
        // wait/notify access memory too; the table knows the size.
        (var n, "data_size") when n.StartsWith("memory.atomic.", StringComparison.Ordinal) => true,
        // Immediates the table has but the reference does not expose: br_on_null's label, memory.copy's
        // source memory, ref.null's heap type.
        ("br_on_null", "imm0") or ("memory.copy", "imm1") or ("ref.null", "imm0") => true,
        _ => false,
    };

    [Fact]
    public void ReferenceTableHas310Events()
    {
        Assert.Equal(310, ReferenceTable.Events.Count);
        Assert.Equal(WasmCatalogue.ReferenceOpcodeEventCount, ReferenceTable.Events.Count);
    }

    [Fact]
    public void The310ReferenceEventsComeFirstInReferenceOrder()
    {
        Assert.Equal(ReferenceTable.Events.Select(e => e.Name), Events.Take(310).Select(e => e.Name));
        Assert.All(Events.Take(310), e => Assert.True(e.IsReferenceEvent, e.Name));
        Assert.All(Events.Skip(310), e => Assert.False(e.IsReferenceEvent, e.Name));
        Assert.Equal(Enumerable.Range(0, Events.Count), Events.Select(e => e.Index));
    }

    [Fact]
    public void EveryRowOfTheOpcodeTableHasExactlyOneEvent()
    {
        Assert.Equal(OpcodeTable.All.Count, Events.Count);
        Assert.Equal(OpcodeTable.All.Count, Events.Select(e => e.Opcode!.Op).Distinct().Count());
        foreach (var info in OpcodeTable.All)
        {
            var evt = WasmCatalogue.OpcodeEvent(info.Op);
            Assert.Same(info, evt.Opcode);
            Assert.Same(evt, Events.Single(e => e.Opcode == info));
        }
    }

    [Fact]
    public void AppendedEventsFollowTableOrderAndUseTheirMnemonic()
    {
        var appended = Events.Skip(310).ToList();
        Assert.Equal(OpcodeTable.All.Count - 310, appended.Count);
        Assert.Equal(appended.Select(e => e.Opcode!.Op).Order(), appended.Select(e => e.Opcode!.Op));
        Assert.All(appended, e => Assert.Equal(e.Opcode!.Name, e.Name));
        // SIMD (256 rows), legacy exception handling (5) and wide arithmetic (4).
        Assert.Equal(256, appended.Count(e => e.Opcode!.Category == OpCategory.Simd));
        Assert.Equal(5, appended.Count(e => e.Opcode!.Feature == Feature.LegacyExceptions));
        Assert.Equal(4, appended.Count(e => e.Opcode!.Feature == Feature.WideArithmetic));
    }

    [Fact]
    public void EventNamesAreUniqueAndRenamedRowsKeepTheirOpname()
    {
        Assert.Equal(Events.Count, Events.Select(e => e.Name).Distinct().Count());
        Assert.Equal(Op.SelectTyped, Event("typed_select").Opcode!.Op);
        Assert.Equal("\"select\"", Event("typed_select").FindVariable("opname")!.DerivedFrom);
        Assert.Equal(Op.RefTestNull, Event("ref.test_null").Opcode!.Op);
        Assert.Equal(Op.RefCastNull, Event("ref.cast_null").Opcode!.Op);
        Assert.Equal("\"ref.cast_null\"", Event("ref.cast_null").FindVariable("opname")!.DerivedFrom);
    }

    public static TheoryData<string> ReferenceEventNames() => [.. ReferenceTable.Events.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(ReferenceEventNames))]
    public void ReferenceEventMatchesTheTable(string name)
    {
        var expected = ReferenceTable.Events.Single(e => e.Name == name);
        var actual = Event(name);

        // Metadata derived from the opcode table.
        Assert.Equal(expected.Bytecode, actual.Opcode!.Bytecode);
        Assert.Equal(expected.Category, CategoryName(actual));
        AssertVar(actual, new ExpectedVar("opname", "str", true, $"\"{expected.OpName}\""));
        AssertVar(actual, new ExpectedVar("bytecode", "u16", true, $"0x{expected.Bytecode:x}"));
        AssertVar(actual, new ExpectedVar("category_id", "u32", true, ((int)actual.Opcode.Category).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        AssertVar(actual, new ExpectedVar("category_name", "str", true, $"\"{expected.Category}\""));

        // Bound variables: everything the reference declares, apart from the documented deviations.
        foreach (var v in expected.Vars)
        {
            var want = Deviation(expected, v);
            if (want is null) Assert.Null(actual.Variables.FirstOrDefault(a => a.DisplayName == v.Name));
            else AssertVar(actual, want);
        }

        // Nothing beyond the reference except the derived supersets.
        var declared = expected.Vars.Select(v => v.Name).Concat(["opname", "bytecode", "category_id", "category_name"]).ToHashSet();
        foreach (var extra in actual.Variables.Where(a => !declared.Contains(a.DisplayName)))
            Assert.True(IsAllowedAddition(actual, extra), $"{name}: unexpected variable {extra}");

        // Functions and modes.
        Assert.Equal(expected.Functions.Select(Normalize), actual.Functions.Select(f => Normalize(f.Signature).Replace("->()", "", StringComparison.Ordinal)));
        Assert.Equal(expected.Modes, actual.Modes.Select(m => (m.Name, m.DefinitionName)));
    }

    [Fact]
    public void BytecodesOfTheReferenceEventsAreUnique() =>
        Assert.Equal(310, Events.Take(310).Select(e => e.Opcode!.Bytecode).Distinct().Count());

    // Spot checks written out for the quirks that matter most to scripts (all 310 events are
    // compared with the reference table above; these read as documentation).
    [Theory]
    [InlineData("i32.lt_u", "arg0", "u32", "dynamic")]
    [InlineData("i32.lt_u", "arg1", "u32", "dynamic")]
    [InlineData("i32.lt_s", "arg1", "i32", "dynamic")]
    [InlineData("i64.div_u", "arg0", "i64", "dynamic")]
    [InlineData("i64.extend_i32_u", "arg0", "u32", "dynamic")]
    [InlineData("f64.convert_i64_u", "arg0", "u64", "dynamic")]
    [InlineData("i32.add", "res0", "i32", "dynamic")]
    [InlineData("i32.store", "arg0", "i32", "dynamic")]
    [InlineData("i32.store", "arg1", "u32", "dynamic")]
    [InlineData("i64.load32_u", "data_size", "u32", "static")]
    [InlineData("i64.load32_u", "offset", "u64", "static")]
    [InlineData("f32.const", "imm0", "f32", "static")]
    [InlineData("call", "arg7", "unknown", "dynamic")]
    [InlineData("call", "target_fn_type", "str", "static")]
    [InlineData("call_indirect", "arg0", "i32", "dynamic")]
    [InlineData("call_indirect", "imm1", "u32", "static")]
    [InlineData("call_indirect", "target_funcref", "funcref", "dynamic")]
    [InlineData("br_table", "imm5", "u32", "static")]
    [InlineData("br_table", "targets", "map<u32,u32>", "static")]
    [InlineData("memory.grow", "failed", "bool", "dynamic")]
    [InlineData("struct.get", "field_idx", "u32", "static")]
    [InlineData("ref.func", "resolved_fid", "i32", "static")]
    [InlineData("table.get", "resolved_fid", "i32", "dynamic")]
    [InlineData("local.set", "arg0", "unknown", "dynamic")]
    [InlineData("i64.atomic.rmw16.cmpxchg_u", "arg2", "u32", "dynamic")]
    [InlineData("if", "arg0", "u32", "dynamic")]
    [InlineData("throw", "imm0", "u32", "static")]
    [InlineData("global.set", "arg0", "unknown", "dynamic")]
    [InlineData("array.new", "arg0", "u32", "dynamic")]
    [InlineData("table.set", "resolved_fid", "i32", "static")]
    [InlineData("memory.atomic.wait32", "arg1", "i32", "dynamic")]
    [InlineData("i64.store32", "data_size", "u32", "static")]
    public void SpotCheck(string eventName, string variable, string type, string lifetime)
    {
        var v = Event(eventName).FindVariable(variable);
        Assert.NotNull(v);
        Assert.Equal(type, v.Type.ToString());
        Assert.Equal(lifetime, v.IsStatic ? "static" : "dynamic");
    }

    [Theory]
    [InlineData("i64.eq", "arg1")] // reference quirk kept: only arg0 declared
    [InlineData("i32.add", "imm0")]
    [InlineData("nop", "arg0")]
    [InlineData("return_call", "res0")]
    public void NotBound(string eventName, string variable) => Assert.Null(Event(eventName).FindVariable(variable));

    [Fact]
    public void AppendedEventsAreDerivedFromTheTable()
    {
        var load = Event("v128.load");
        Assert.Equal("\"simd\"", load.FindVariable("category_name")!.DerivedFrom);
        Assert.Equal("14", load.FindVariable("category_id")!.DerivedFrom);
        Assert.Equal("16", load.FindVariable("data_size")!.DerivedFrom);
        Assert.Equal("false", load.FindVariable("is_write")!.DerivedFrom);
        Assert.Equal("u32", load.FindVariable("arg0")!.Type.ToString());
        Assert.Null(load.FindVariable("res0")); // v128 has no Whamm type

        var storeLane = Event("v128.store8_lane");
        Assert.Equal("arg1", storeLane.FindVariable("addr")!.DerivedFrom);
        Assert.Equal("true", storeLane.FindVariable("is_write")!.DerivedFrom);
        Assert.Equal("u32", storeLane.FindVariable("imm0")!.Type.ToString()); // the lane
        Assert.Null(storeLane.FindVariable("arg0"));

        var extract = Event("i16x8.extract_lane_u");
        Assert.Equal("i32", extract.FindVariable("res0")!.Type.ToString());

        var add128 = Event("i64.add128");
        Assert.All(new[] { "arg0", "arg1", "arg2", "arg3", "res0", "res1" }, n => Assert.Equal("i64", add128.FindVariable(n)!.Type.ToString()));

        Assert.Equal(["before", "after", "alt", "entry", "exit"], Event("try").Modes.Select(m => m.Name));
        Assert.Equal("u32", Event("catch").FindVariable("imm0")!.Type.ToString());
        Assert.All(Events.Skip(310).Where(e => e.Name != "try"), e => Assert.Equal(["before", "after", "alt"], e.Modes.Select(m => m.Name)));
    }

    [Fact]
    public void EveryEventAndVariableIsDocumented()
    {
        foreach (var node in Events.Cast<CatalogueNode>().Concat(WasmCatalogue.Wasm.Packages).Append(WasmCatalogue.Wasm))
        {
            Assert.False(string.IsNullOrWhiteSpace(node.Doc), node.Name);
            Assert.All(node.Variables, v => Assert.False(string.IsNullOrWhiteSpace(v.Doc), $"{node.Name}.{v.Name}"));
            Assert.All(node.Functions, f => Assert.False(string.IsNullOrWhiteSpace(f.Doc), $"{node.Name}.{f.Name}"));
        }
    }

    [Fact]
    public void CatalogueSourcesSpellNoMnemonic()
    {
        // The opcode table is the one place mnemonics are written; the catalogue refers to rows by Op member.
        var mnemonics = OpcodeTable.All.Select(o => o.Name).ToHashSet();
        var src = Path.GetFullPath(Path.Combine(CatalogueData.Directory, "..", "..", "..", "..", "src", "Whamm.Language", "Catalogue"));
        var files = Directory.GetFiles(src, "*.cs");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            foreach (Match literal in StringLiteral().Matches(File.ReadAllText(file)))
                Assert.False(mnemonics.Contains(literal.Groups[1].Value), $"{Path.GetFileName(file)} spells the mnemonic {literal.Value}");
        }
    }

    private static CatalogueEvent Event(string name) =>
        WasmCatalogue.Opcode.FindEvent(name) ?? throw new Xunit.Sdk.XunitException($"no event {name}");

    private static string CategoryName(CatalogueEvent e) => e.FindVariable("category_name")!.DerivedFrom!.Trim('"');

    private static void AssertVar(CatalogueEvent e, ExpectedVar want)
    {
        var actual = e.Variables.FirstOrDefault(v => v.DisplayName == want.Name);
        Assert.True(actual is not null, $"{e.Name}: {want.Name} is not bound");
        Assert.True(want.Type == actual.Type.ToString(), $"{e.Name}.{want.Name}: type {actual.Type}, expected {want.Type}");
        Assert.True(want.IsStatic == actual.IsStatic, $"{e.Name}.{want.Name}: {(actual.IsStatic ? "static" : "dynamic")}, expected the other");
        if (want.DerivedFrom is not null)
            Assert.True(Normalize(want.DerivedFrom) == Normalize(actual.DerivedFrom ?? ""), $"{e.Name}.{want.Name}: derived from '{actual.DerivedFrom}', expected '{want.DerivedFrom}'");
    }

    private static string Normalize(string s) => s.Replace(" ", "", StringComparison.Ordinal);

    [GeneratedRegex(@"^res\d+$")]
    private static partial Regex ResN();

    [GeneratedRegex(@"""((?:[^""\\\n]|\\.)*)""")]
    private static partial Regex StringLiteral();
}
