using Whamm.Language.Text;

namespace Whamm.Language.Tests.Text;

public class SourceTextTests
{
    [Fact]
    public void Maps_offsets_to_one_based_lines_and_columns()
    {
        var text = SourceText.From("ab\ncd\n\nefg", "x.mm");
        Assert.Equal(4, text.LineCount);
        Assert.Equal(new LinePosition(1, 1), text.GetLinePosition(0));
        Assert.Equal(new LinePosition(1, 3), text.GetLinePosition(2)); // the '\n' itself
        Assert.Equal(new LinePosition(2, 1), text.GetLinePosition(3));
        Assert.Equal(new LinePosition(3, 1), text.GetLinePosition(6));
        Assert.Equal(new LinePosition(4, 4), text.GetLinePosition(10)); // end of text
        Assert.Equal("efg", text.GetLineText(3));
        Assert.Equal("", text.GetLineText(2));
        Assert.Equal("4:4", text.GetLinePosition(10).ToString());
    }

    [Fact]
    public void Crlf_belongs_to_the_line_break()
    {
        var text = SourceText.From("ab\r\ncd\r\n");
        Assert.Equal("ab", text.GetLineText(0));
        Assert.Equal("cd", text.GetLineText(1));
        Assert.Equal("", text.GetLineText(2));
        Assert.Equal(new LinePosition(2, 1), text.GetLinePosition(4));
    }

    [Fact]
    public void Columns_count_unicode_scalar_values()
    {
        var text = SourceText.From("\U0001F600x\tz");
        Assert.Equal(new LinePosition(1, 2), text.GetLinePosition(2)); // after the surrogate pair
        Assert.Equal(new LinePosition(1, 4), text.GetLinePosition(4)); // a tab is one column
    }

    [Fact]
    public void Spans_are_half_open_and_validated()
    {
        var span = TextSpan.FromBounds(2, 5);
        Assert.Equal(3, span.Length);
        Assert.True(span.Contains(4));
        Assert.False(span.Contains(5));
        Assert.True(span.Contains(new TextSpan(5, 0)));
        Assert.Equal(TextSpan.FromBounds(1, 5), span.Cover(new TextSpan(1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextSpan.FromBounds(5, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextSpan(-1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SourceText.From("abc").ToString(new TextSpan(2, 5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SourceText.From("abc").GetLinePosition(4));
    }
}
