using Farun.Law.Corpus;

namespace Farun.UnitTests.Law;

public class LawMarkdownParserTests
{
    private const string LabourContractLaw = """
        # 中华人民共和国劳动合同法

        2007年6月29日 第十届全国人民代表大会常务委员会会议通过

        2012年12月28日 第十一届全国人民代表大会常务委员会会议《关于修改〈中华人民共和国劳动合同法〉的决定》修正

        <!-- INFO END -->

        ## 第一章 总则

        第一条 为了完善劳动合同制度，制定本法。

        第二条 本法适用于用人单位。

        第三人明知的，不构成本条的例外。

        ## 第七章 法律责任

        第八十二条 用人单位用工超过一个月仍未与劳动者签订书面合同的，按月向劳动者加付一倍工资。

        用人单位应当签订无固定期限合同而不签订的，从应当签订之日起也按月加付一倍工资。
        """;

    [Fact]
    public void Parse_RegularLaw_ReadsTitleDateArticlesAndPaths()
    {
        var file = LawMarkdownParser.Parse("社会法/劳动合同法.md", LabourContractLaw);

        Assert.Equal("中华人民共和国劳动合同法", file.Title);
        Assert.Null(file.Subtitle);
        Assert.Equal(new DateOnly(2012, 12, 28), file.Date);
        Assert.Equal(2, file.HeaderEvents.Count);
        Assert.Equal(new DateOnly(2007, 6, 29), file.HeaderEvents[0].Date);
        Assert.StartsWith("2012年12月28日 第十一届", file.HeaderEvents[1].Text, StringComparison.Ordinal);
        Assert.Equal(["1", "2", "82"], file.Articles.Select(a => a.Number.Key));
        Assert.Equal([1, 2, 3], file.Articles.Select(a => a.Ordinal));
        Assert.Equal(["第一章 总则"], file.Articles[0].Path);
        Assert.Equal(["第七章 法律责任"], file.Articles[2].Path);
        Assert.Null(file.Body);
        Assert.Equal(64, file.ContentHash.Length);
    }

    [Fact]
    public void Parse_ParagraphStartingWithDiSanRen_StaysInPreviousArticle()
    {
        var file = LawMarkdownParser.Parse("a.md", LabourContractLaw);

        Assert.Equal("本法适用于用人单位。\n第三人明知的，不构成本条的例外。", file.Articles[1].Text);
    }

    [Fact]
    public void Parse_ArticleWithSeveralParagraphs_KeepsParagraphsWithoutLabel()
    {
        var file = LawMarkdownParser.Parse("a.md", LabourContractLaw);

        var text = file.Articles[2].Text;
        Assert.Equal(2, text.Split('\n').Length);
        Assert.StartsWith("用人单位用工超过一个月", text, StringComparison.Ordinal);
        Assert.DoesNotContain("第八十二条", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FileNameDate_WinsOverHeaderDates()
    {
        var file = LawMarkdownParser.Parse("社会法/劳动合同法(2013-07-01).md", LabourContractLaw);

        Assert.Equal(new DateOnly(2013, 7, 1), file.Date);
    }

    [Fact]
    public void Parse_NoDatesAnywhere_DateIsNull()
    {
        var file = LawMarkdownParser.Parse("a.md", "# 某条例\n\n<!-- INFO END -->\n\n第一条 内容。\n");

        Assert.Null(file.Date);
        Assert.Empty(file.HeaderEvents);
    }

    [Fact]
    public void Parse_CivilCodePart_SubtitleIsTopOfPathAndToc()
    {
        const string content = """
            # 中华人民共和国民法典

            # 物权编

            2020年5月28日 第十三届全国人民代表大会会议通过

            <!-- INFO END -->

            ## 第一分编  通则

            ### 第一章  一般规定

            第二百零五条 本编规定物归谁所有、由谁使用的民事关系。
            """;

        var file = LawMarkdownParser.Parse("民法典/物权编.md", content);

        Assert.Equal("物权编", file.Subtitle);
        Assert.Equal(["物权编", "第一分编 通则", "第一章 一般规定"], file.Articles[0].Path);
        Assert.Equal(new TocEntry(1, "物权编", new ArticleNumber(205)), file.Toc[0]);
        Assert.Equal(3, file.Toc[2].Level);
    }

    [Fact]
    public void Parse_NoiseCharacters_AreRemovedOrNormalised()
    {
        var content = "#  中华人民共和国\u00a0测试法 \n\n2020年1月1日 通过\n\n<!-- INFO END -->\n\n## 第一章\u3000总则\n\u200b\n"
            + "第一条\u3000第一款内容\u200b。\n\n<!-- FORCE BREAK -->\n\n<!-- TABLE -->\n| 甲 | 乙 |\n<!-- TABLE END -->\n\n第二条 第二条内容。\r\n";

        var file = LawMarkdownParser.Parse("a.md", content);

        Assert.Equal("中华人民共和国 测试法", file.Title);
        Assert.Equal(["第一章 总则"], file.Articles[0].Path);
        Assert.Equal("第一款内容。\n| 甲 | 乙 |", file.Articles[0].Text);
        Assert.Equal("第二条内容。", file.Articles[1].Text);
    }

    [Fact]
    public void Parse_SameContentWithCrLfAndZeroWidth_HasSameContentHash()
    {
        var plain = LawMarkdownParser.Parse("a.md", "# 测试法\n\n<!-- INFO END -->\n\n第一条 内容。\n");
        var noisy = LawMarkdownParser.Parse("b.md", "\ufeff# 测试法\r\n\r\n<!-- INFO END -->  \r\n\r\n第一条 内\u200b容。\r\n\r\n");

        Assert.Equal(plain.ContentHash, noisy.ContentHash);
    }

    [Theory]
    [InlineData("第一百二十八 条侦查人员对于与犯罪有关的场所应当进行勘验。", 128, 0, "侦查人员对于与犯罪有关的场所应当进行勘验。")]
    [InlineData("第三十－条 在城乡规划区内新建建筑物。", 31, 0, "在城乡规划区内新建建筑物。")]
    [InlineData("第二百八十七条之二 明知他人利用信息网络实施犯罪。", 287, 2, "明知他人利用信息网络实施犯罪。")]
    [InlineData("第十五条\u3000用全角空格分隔。", 15, 0, "用全角空格分隔。")]
    [InlineData("第12条 阿拉伯数字。", 12, 0, "阿拉伯数字。")]
    public void Parse_ArticleStartVariants_AreRecognised(string line, int number, int suffix, string text)
    {
        var file = LawMarkdownParser.Parse("a.md", $"# 测试法\n\n<!-- INFO END -->\n\n{line}\n");

        var article = Assert.Single(file.Articles);
        Assert.Equal(new ArticleNumber(number, suffix), article.Number);
        Assert.Equal(text, article.Text);
    }

    [Theory]
    [InlineData("第三人根据民事诉讼法第五十九条第三款规定提起撤销之诉。")]
    [InlineData("第三十一条的决定》第一次修正")]
    [InlineData("第一次会议通过。")]
    [InlineData("“第一百二十条之二 有下列情形之一的，处五年以下有期徒刑。")]
    public void Parse_LinesThatAreNotArticles_FallBackToBody(string line)
    {
        var file = LawMarkdownParser.Parse("a.md", $"# 测试决定\n\n<!-- INFO END -->\n\n{line}\n");

        Assert.Empty(file.Articles);
        Assert.Equal(line, file.Body);
    }

    [Fact]
    public void Parse_PreambleAndXuYan_AreNotArticles()
    {
        const string content = """
            # 中华人民共和国宪法

            1982年12月4日 第五届全国人民代表大会会议通过

            <!-- INFO END -->

            ## 序言

            序言是一段叙述，不是条文，也不计入条文。

            ## 第一章 总纲

            第一条 中华人民共和国是社会主义国家。
            """;

        var file = LawMarkdownParser.Parse("宪法/宪法.md", content);

        var article = Assert.Single(file.Articles);
        Assert.Equal("中华人民共和国是社会主义国家。", article.Text);
        Assert.Equal(new TocEntry(2, "序言", null), file.Toc[0]);
        Assert.Equal(new TocEntry(2, "第一章 总纲", new ArticleNumber(1)), file.Toc[1]);
    }

    [Fact]
    public void Parse_ArticleFollowedByHeadingOrAttachment_EndsThere()
    {
        const string content = """
            # 中华人民共和国测试法

            <!-- INFO END -->

            第一条 第一条内容。

            ## 第二章 其他

            第二条 第二条内容。

            附件三所列法律，由当地公布实施。

            附件：测试清单

            1．清单第一项

            第三条 附件里的条文属于附件，不是本法的条文。

            ## 附件二

            第五条 附件里的条文也不是。
            """;

        var file = LawMarkdownParser.Parse("a.md", content);

        Assert.Equal(["1", "2"], file.Articles.Select(a => a.Number.Key));
        Assert.Equal("第一条内容。", file.Articles[0].Text);
        Assert.Equal("第二条内容。\n附件三所列法律，由当地公布实施。", file.Articles[1].Text);
        Assert.Contains(file.Toc, t => t.Title == "附件二" && t.FirstArticle is null);
    }

    [Theory]
    [InlineData("附表一")]
    [InlineData("附件")]
    [InlineData("附件1：查处酒后驾驶操作规程")]
    [InlineData("附：")]
    [InlineData("附录")]
    [InlineData("附图 消防救援衔标志式样")]
    public void Parse_AttachmentLine_EndsArticle(string attachment)
    {
        var file = LawMarkdownParser.Parse("a.md", $"# 测试条例\n\n<!-- INFO END -->\n\n第一条 内容。\n\n{attachment}\n\n表格内容\n");

        Assert.Equal("内容。", Assert.Single(file.Articles).Text);
    }

    [Fact]
    public void Parse_FootnoteAfterLastArticle_IsNotArticleText()
    {
        var file = LawMarkdownParser.Parse("a.md", "# 刑法\n\n<!-- INFO END -->\n\n第四百五十二条 本法自1997年10月1日起施行。\n\n① 施行日期的说明。\n");

        Assert.Equal("本法自1997年10月1日起施行。", Assert.Single(file.Articles).Text);
    }

    [Fact]
    public void Parse_AmendingDecisionWithConsolidatedTextAttached_ReadsArticlesOfAttachment()
    {
        const string content = """
            # 关于审理测试案件的解释

            <!-- INFO END -->

            一、删除《解释》第一条第二项。

            附：

            关于审理测试案件的解释

            第一条 附件中的第一条。

            第二条 附件中的第二条。

            第三条 附件中的第三条。
            """;

        var file = LawMarkdownParser.Parse("a.md", content);

        Assert.Equal(["1", "2", "3"], file.Articles.Select(a => a.Number.Key));
    }

    [Fact]
    public void Parse_WrappedHeading_JoinsContinuationLine()
    {
        const string content = """
            # 中华人民共和国刑事诉讼法

            <!-- INFO END -->

            ### 第四章 嫌疑人、被告人逃匿或者死亡的

            没收违法所得程序

            第二百九十八条 对于贪污贿赂犯罪案件，可以没收违法所得。

            ## 第八章 附 则

            总 则

            第三百零八条 军队内部的刑事案件，由军队保卫部门侦查。
            """;

        var file = LawMarkdownParser.Parse("a.md", content);

        Assert.Equal("第四章 嫌疑人、被告人逃匿或者死亡的没收违法所得程序", file.Toc[0].Title);
        Assert.Equal([file.Toc[0].Title], file.Articles[0].Path);
        Assert.Equal("第八章 附 则", file.Toc[1].Title);
        Assert.Equal("军队内部的刑事案件，由军队保卫部门侦查。", file.Articles[1].Text);
    }

    [Fact]
    public void Parse_DocumentWithoutArticles_ReturnsWholeBody()
    {
        const string content = """
            # 中华人民共和国刑法修正案（十一）

            2020年12月26日 第十三届全国人民代表大会常务委员会会议通过

            <!-- INFO END -->

            一、将刑法第十七条改为：“满十六周岁的人犯罪，要负刑事责任。”

            二、本修正案自2021年3月1日起施行。
            """;

        var file = LawMarkdownParser.Parse("刑法/刑法修正案（十一）.md", content);

        Assert.Empty(file.Articles);
        Assert.Equal("一、将刑法第十七条改为：“满十六周岁的人犯罪，要负刑事责任。”\n二、本修正案自2021年3月1日起施行。", file.Body);
        Assert.Equal(new DateOnly(2020, 12, 26), file.Date);
    }

    [Theory]
    [InlineData("", "文件为空")]
    [InlineData("   \n\n", "文件为空")]
    [InlineData("2020年1月1日 通过\n\n<!-- INFO END -->\n\n第一条 内容。", "缺少以“# ”开头的标题行")]
    [InlineData("# 测试法\n\n第一条 内容。", "缺少“<!-- INFO END -->”标记")]
    [InlineData("# 测试法\0\0\u0001\u0002<!-- INFO END -->", "二进制")]
    public void Parse_MalformedFile_ThrowsWithChineseReason(string content, string reasonPart)
    {
        var e = Assert.Throws<LawFormatException>(() => LawMarkdownParser.Parse("坏/文件.md", content));

        Assert.Contains(reasonPart, e.Reason, StringComparison.Ordinal);
        Assert.Equal("坏/文件.md", e.RelativePath);
    }
}
