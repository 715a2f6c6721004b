using Farun.Law.Corpus;

namespace Farun.UnitTests.Law;

public class ArticleNumberTests
{
    [Theory]
    [InlineData("第一千零七十九条", 1079, 0)]
    [InlineData("1079", 1079, 0)]
    [InlineData("第82条", 82, 0)]
    [InlineData("第８２条", 82, 0)]
    [InlineData("第一百二十八 条", 128, 0)]
    [InlineData("第二百八十七条之二", 287, 2)]
    [InlineData("287-2", 287, 2)]
    [InlineData("第三十－条", 31, 0)]
    [InlineData("十", 10, 0)]
    [InlineData("第十条之一", 10, 1)]
    public void TryParse_SupportedForms_ReturnsNumber(string text, int number, int suffix)
    {
        Assert.True(ArticleNumber.TryParse(text, out var parsed));
        Assert.Equal(new ArticleNumber(number, suffix), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("第条")]
    [InlineData("第零条")]
    [InlineData("0")]
    [InlineData("第三人")]
    [InlineData("第十条之")]
    [InlineData("abc")]
    public void TryParse_Invalid_ReturnsFalse(string text)
    {
        Assert.False(ArticleNumber.TryParse(text, out _));
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => ArticleNumber.Parse("第条"));
    }

    [Theory]
    [InlineData(82, 0, "82", "第八十二条")]
    [InlineData(287, 2, "287-2", "第二百八十七条之二")]
    [InlineData(1079, 0, "1079", "第一千零七十九条")]
    [InlineData(10, 0, "10", "第十条")]
    public void KeyAndDisplay_Number_AreFormatted(int number, int suffix, string key, string display)
    {
        var article = new ArticleNumber(number, suffix);
        Assert.Equal(key, article.Key);
        Assert.Equal(display, article.Display);
        Assert.Equal(display, article.ToString());
        Assert.Equal(article, ArticleNumber.Parse(key));
        Assert.Equal(article, ArticleNumber.Parse(display));
    }

    [Fact]
    public void CompareTo_SuffixedArticle_SortsBetweenNeighbours()
    {
        var list = new[] { new ArticleNumber(288), new ArticleNumber(287, 2), new ArticleNumber(287), new ArticleNumber(287, 1), new ArticleNumber(29) };
        Array.Sort(list);
        Assert.Equal(["29", "287", "287-1", "287-2", "288"], list.Select(a => a.Key));
        Assert.True(new ArticleNumber(287, 2) < new ArticleNumber(288));
        Assert.True(new ArticleNumber(287, 2) > new ArticleNumber(287));
        Assert.True(new ArticleNumber(9) < new ArticleNumber(10));
    }

    [Fact]
    public void Constructor_NonPositiveNumber_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArticleNumber(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArticleNumber(5, -1));
    }
}
