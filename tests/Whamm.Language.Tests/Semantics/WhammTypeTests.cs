using Whamm.Language.Semantics;
using Whamm.Language.Syntax;
using Whamm.Wasm.Types;

namespace Whamm.Language.Tests.Semantics;

public class WhammTypeTests
{
    [Theory]
    [InlineData("u32", "u32")]
    [InlineData("funcref", "funcref")]
    [InlineData("unknown", "unknown")]
    [InlineData("map<u32, u32>", "map<u32,u32>")]
    [InlineData("(i32, (i32, i32))", "(i32,(i32,i32))")]
    [InlineData("()", "()")]
    [InlineData("map<(u32,str),f64>", "map<(u32,str),f64>")]
    public void ParsesAndDisplaysLikeTheReference(string text, string display) =>
        Assert.Equal(display, WhammType.TryParse(text)!.ToString());

    [Theory]
    [InlineData("")]
    [InlineData("v128")]
    [InlineData("map<u32>")]
    [InlineData("(u32")]
    public void RejectsOtherText(string text) => Assert.Null(WhammType.TryParse(text));

    [Fact]
    public void Deeply_nested_text_is_refused_not_overflowed() =>
        Assert.Null(WhammType.TryParse(new string('(', 100_000) + new string(')', 100_000)));

    [Fact]
    public void EqualityIsStructural()
    {
        Assert.Equal(WhammType.Map(WhammType.U32, WhammType.U32), WhammType.TryParse("map<u32,u32>"));
        Assert.True(WhammType.Map(WhammType.U32, WhammType.U32) == WhammType.TryParse("map<u32, u32>"));
        Assert.NotEqual(WhammType.Tuple(WhammType.I32), WhammType.Tuple(WhammType.U32));
        Assert.Same(WhammType.Unit, WhammType.Tuple());
    }

    [Fact]
    public void Kinds_follow_the_reference_type_id_order()
    {
        string[] order = ["u8", "i8", "u16", "i16", "u32", "i32", "f32", "u64", "i64", "f64", "bool", "str", "funcref"];
        var kinds = order.Select(t => WhammType.TryParse(t)!.Kind).ToList();
        Assert.Equal(kinds.Order().ToList(), kinds);
        Assert.True(WhammTypeKind.FuncRef < WhammTypeKind.Tuple && WhammTypeKind.Tuple < WhammTypeKind.Map);
    }

    [Theory]
    [InlineData("u8", 8, false)]
    [InlineData("i16", 16, true)]
    [InlineData("u64", 64, false)]
    [InlineData("f32", 32, true)]
    public void Number_properties(string text, int width, bool signed)
    {
        var t = WhammType.TryParse(text)!;
        Assert.True(t.IsNumeric);
        Assert.Equal(width, t.BitWidth);
        Assert.Equal(signed, t.IsSigned);
    }

    [Fact]
    public void Wasm_representation_is_flattened()
    {
        Assert.Equal([ValType.I32, ValType.I32], WhammType.Str.WasmTypes);
        Assert.Equal([ValType.I32, ValType.I32, ValType.I64], WhammType.TryParse("(u8,i32,i64)")!.WasmTypes);
        Assert.Equal([ValType.I32], WhammType.TryParse("map<u32,u32>")!.WasmTypes);
        Assert.Empty(WhammType.Unit.WasmTypes);
        Assert.Equal(13, WhammType.TryParse("(u8,i32,i64)")!.ByteSize);
    }

    [Fact]
    public void Library_types_come_from_wasm_numbers()
    {
        Assert.Equal(WhammType.I32, WhammType.FromWasm(ValType.I32));
        Assert.Equal(WhammType.F64, WhammType.FromWasm(ValType.F64));
        Assert.Null(WhammType.FromWasm(ValType.V128));
    }

    [Fact]
    public void Error_is_assignable_both_ways()
    {
        Assert.True(WhammType.Error.IsAssignableTo(WhammType.Str));
        Assert.True(WhammType.Tuple(WhammType.Error, WhammType.I32).IsAssignableTo(WhammType.Tuple(WhammType.U8, WhammType.I32)));
        Assert.False(WhammType.U8.IsAssignableTo(WhammType.I8));
    }

    [Fact]
    public void Syntax_types_map_to_semantic_types() =>
        Assert.Equal(WhammType.Map(WhammType.U32, WhammType.Tuple(WhammType.I32, WhammType.Str)),
            WhammType.FromSyntax(new MapTypeSyntax(default, new PrimitiveTypeSyntax(default, PrimitiveTypeKind.U32),
                new TupleTypeSyntax(default, [new PrimitiveTypeSyntax(default, PrimitiveTypeKind.I32), new PrimitiveTypeSyntax(default, PrimitiveTypeKind.Str)]))));
}
