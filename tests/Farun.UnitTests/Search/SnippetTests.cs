using Farun.Law.Search;

namespace Farun.UnitTests.Search;

public sealed class SnippetTests
{
    [Fact]
    public void Highlight_Terms_AreMarkedAndHtmlEscaped()
    {
        var s = Snippets.Highlight("用人单位<b>应当</b>支付劳动报酬", ["劳动报酬"], 100);
        Assert.Equal("用人单位&lt;b&gt;应当&lt;/b&gt;支付<mark>劳动报酬</mark>", s);
    }

    [Fact]
    public void Highlight_LongText_ShowsTheWindowWithMostMatches()
    {
        var text = new string('甲', 300) + "拖欠工资" + new string('乙', 300);
        var s = Snippets.Highlight(text, ["拖欠工资"], 40);
        Assert.StartsWith("…", s);
        Assert.EndsWith("…", s);
        Assert.Contains("<mark>拖欠工资</mark>", s);
    }
}
