using Whamm.Language.Catalogue;

namespace Whamm.Language.Tests.Catalogue;

public class CatalogueTypeTests
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
        Assert.Equal(display, CatalogueType.TryParse(text)!.ToString());

    [Theory]
    [InlineData("")]
    [InlineData("v128")]
    [InlineData("map<u32>")]
    [InlineData("(u32")]
    public void RejectsOtherText(string text) => Assert.Null(CatalogueType.TryParse(text));

    [Fact]
    public void EqualityIsStructural()
    {
        Assert.Equal(CatalogueType.Map(CatalogueType.U32, CatalogueType.U32), CatalogueType.TryParse("map<u32,u32>"));
        Assert.NotEqual(CatalogueType.Tuple(CatalogueType.I32), CatalogueType.Tuple(CatalogueType.U32));
        Assert.Same(CatalogueType.Unit, CatalogueType.Tuple());
    }
}
