using Farun.Web.Features.Guides.Engine;
using static Farun.UnitTests.Guides.GuideTestKit;

namespace Farun.UnitTests.Guides;

public sealed class GuideValidatorTests
{
    private static string Replace(string from, string to)
    {
        Assert.Contains(from, ValidGuide, StringComparison.Ordinal);
        return ValidGuide.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ValidGuide_HasNoDiagnostics()
    {
        var (guide, diagnostics) = GuideValidator.ReadAndValidate(ValidGuide, FakeLaws);
        Assert.Empty(diagnostics);
        Assert.NotNull(guide);
        Assert.Equal("kind", guide.Start);
        Assert.Equal(2, guide.Questions.Count);
    }

    [Fact]
    public void Validate_QuestionNoRuleLeadsTo_ReportsUnreachableAtItsLine()
    {
        var yaml = Replace("computed:\n", "  - id: orphan\n    type: yesno\n    text: 没人问的问题\n    next: done_b\ncomputed:\n");
        var d = Single(Diagnose(yaml), DiagnosticKind.UnreachableQuestion);
        Assert.Equal(LineOf(yaml, "id: orphan"), d.Position.Line);
        Assert.Equal(ColumnOf(yaml, "id: orphan"), d.Position.Column);
        Assert.Contains("orphan", d.Message);
    }

    [Fact]
    public void Validate_OutcomeNoRuleLeadsTo_ReportsUnreachableOutcome()
    {
        var yaml = ValidGuide + "\n  - id: done_c\n    verdict: guidance\n    title: 没人到达的结果\n    basis:\n      - 法律援助法第三十二条\n";
        var d = Single(Diagnose(yaml), DiagnosticKind.UnreachableOutcome);
        Assert.Contains("done_c", d.Message);
        Assert.Equal(LineOf(yaml, "id: done_c"), d.Position.Line);
    }

    [Fact]
    public void Validate_EveryRuleConditional_ReportsDeadEndAtLastRule()
    {
        var yaml = Replace("      - goto: done_b\n  - id: income", "      - if: kind == \"b\"\n        goto: done_b\n  - id: income");
        var d = Single(Diagnose(yaml), DiagnosticKind.DeadEnd);
        Assert.Equal(LineOf(yaml, "if: kind == \"b\""), d.Position.Line);
        Assert.Contains("死胡同", d.Message);
    }

    [Fact]
    public void Validate_QuestionWithoutNext_ReportsDeadEnd()
    {
        var yaml = Replace("    min: 0\n    next:\n      - if: income <= limit\n        goto: done_a\n      - goto: done_b\n", "    min: 0\n");
        var d = Single(Diagnose(yaml), DiagnosticKind.DeadEnd);
        Assert.Equal(LineOf(yaml, "id: income"), d.Position.Line);
    }

    [Fact]
    public void Validate_GotoUnknownTarget_ReportsItAtTheGoto()
    {
        var yaml = Replace("        goto: done_a", "        goto: done_x");
        var d = Single(Diagnose(yaml), DiagnosticKind.UnknownTarget);
        Assert.Equal(LineOf(yaml, "goto: done_x"), d.Position.Line);
        Assert.Equal(ColumnOf(yaml, "done_x"), d.Position.Column);
    }

    [Fact]
    public void Validate_QuestionsLoop_ReportsCycle()
    {
        var yaml = Replace("      - goto: done_b\ncomputed:", "      - goto: kind\ncomputed:");
        var d = Single(Diagnose(yaml), DiagnosticKind.Cycle);
        Assert.Contains("kind → income → kind", d.Message);
    }

    [Fact]
    public void Validate_UndefinedVariable_PointsAtTheName()
    {
        var yaml = Replace("if: income <= limit", "if: income <= limitt");
        var d = Single(Diagnose(yaml), DiagnosticKind.UndefinedVariable);
        Assert.Equal(LineOf(yaml, "limitt"), d.Position.Line);
        Assert.Equal(ColumnOf(yaml, "limitt"), d.Position.Column);
        Assert.Contains("limitt", d.Message);
    }

    [Theory]
    [InlineData("if: income <= \"很多\"", "不能比较")]
    [InlineData("if: income + 1", "应为是/否")]
    [InlineData("if: not income", "not")]
    [InlineData("if: today() + 1 > income", "add_days")]
    [InlineData("if: add_years(income, 1) > today()", "第1个参数应为日期")]
    public void Validate_TypeError_IsReportedWithItsLine(string condition, string expected)
    {
        var yaml = Replace("if: income <= limit", condition);
        var diagnostics = Diagnose(yaml);
        var d = Assert.Single(diagnostics, x => x.Kind == DiagnosticKind.TypeError);
        Assert.Equal(LineOf(yaml, condition), d.Position.Line);
        Assert.Contains(expected, d.Message);
    }

    [Fact]
    public void Validate_ComparedWithUnknownOption_ReportsUnknownOption()
    {
        var yaml = Replace("if: kind == \"a\"", "if: kind == \"c\"");
        var d = Single(Diagnose(yaml), DiagnosticKind.UnknownOption);
        Assert.Equal(ColumnOf(yaml, "\"c\""), d.Position.Column);
        Assert.Contains("可选：a、b", d.Message);
    }

    [Fact]
    public void Validate_AnswerUsedWhereNotAlwaysAsked_ReportsNotAlwaysAnswered()
    {
        var yaml = Replace("    title: 不符合条件", "    title: 不符合条件，收入{{ double_income }}");
        var d = Single(Diagnose(yaml), DiagnosticKind.NotAlwaysAnswered);
        Assert.Equal(LineOf(yaml, "不符合条件，收入"), d.Position.Line);
        Assert.Equal(ColumnOf(yaml, "{{ double_income") + 3, d.Position.Column);
        Assert.Contains("income", d.Message);
    }

    [Fact]
    public void Validate_AnswerGuardedByAnswered_IsAccepted()
    {
        var yaml = Replace("    title: 不符合条件", "    title: '不符合条件{{ if(answered(income), income, 0) }}'");
        Assert.Empty(Diagnose(yaml));
    }

    [Theory]
    [InlineData("《中华人民共和国法律援助法》第九十九条", "没有第九十九条")]
    [InlineData("《中华人民共和国不存在法》第一条", "未找到")]
    [InlineData("法律援助法第四十三条第三款", "只有2款")]
    [InlineData("法律援助法第三十一条第五项", "只有3项")]
    [InlineData("没有引用的文字", "未找到法条引用")]
    public void Validate_BadCitation_ReportsCitationAtItsLine(string cite, string expected)
    {
        var yaml = Replace("《中华人民共和国法律援助法》第三十一条第二项", cite);
        var d = Single(Diagnose(yaml), DiagnosticKind.Citation);
        Assert.Equal(LineOf(yaml, cite), d.Position.Line);
        Assert.Contains(expected, d.Message);
    }

    [Fact]
    public void Validate_OutcomeWithoutBasis_IsRejected()
    {
        var yaml = Replace("    basis:\n      - cite: 法律援助法第四十三条第一款\n        why: 七日内审查", "    basis: []");
        Assert.Contains(Diagnose(yaml), d => d.Kind == DiagnosticKind.Citation && d.Message.Contains("法律依据"));
    }

    [Theory]
    [InlineData("kind: legal_aid", "kind: loan", "类型“loan”无效")]
    [InlineData("        summary: '\"测试\"'\n", "", "缺少必填字段“summary”")]
    [InlineData("        income_per_capita: income", "        income_per_capitaa: income", "没有字段“income_per_capitaa”")]
    [InlineData("matter: '\"social_insurance\"'", "matter: '\"loans\"'", "可能取值“loans”")]
    [InlineData("matter: '\"social_insurance\"'", "matter: label(kind)", "只能取固定的代码")]
    [InlineData("income_per_capita: income", "income_per_capita: kind == \"a\"", "应为金额")]
    public void Validate_BadApplicationMapping_ReportsAction(string from, string to, string expected)
    {
        var diagnostics = Diagnose(Replace(from, to));
        Assert.Contains(diagnostics, d => d.Kind is DiagnosticKind.Action or DiagnosticKind.TypeError && d.Message.Contains(expected));
    }

    [Fact]
    public void Validate_MoneyFollowedByYuan_IsReported()
    {
        var yaml = Replace("符合条件，收入{{ income }}", "符合条件，收入{{ income }}元");
        var d = Single(Diagnose(yaml), DiagnosticKind.Schema);
        Assert.Contains("自动带“元”", d.Message);
        Assert.Equal(LineOf(yaml, "{{ income }}元"), d.Position.Line);
    }

    [Fact]
    public void Validate_UnknownKey_ReportsSchemaAtTheKey()
    {
        var yaml = Replace("    min: 0", "    minimum: 0");
        var diagnostics = Diagnose(yaml);
        Assert.Contains(diagnostics, d => d.Kind == DiagnosticKind.Schema && d.Message.Contains("minimum") && d.Position.Line == LineOf(yaml, "minimum"));
    }

    [Fact]
    public void Validate_MissingText_ReportsSchema()
    {
        var yaml = Replace("    text: 每月收入多少元？\n", "");
        Assert.Contains(Diagnose(yaml), d => d.Kind == DiagnosticKind.Schema && d.Message.Contains("缺少“text”"));
    }

    [Fact]
    public void Validate_DuplicateId_ReportsDuplicateAtTheSecond()
    {
        var yaml = Replace("  - id: done_b", "  - id: kind");
        var d = Assert.Single(Diagnose(yaml), x => x.Kind == DiagnosticKind.Duplicate);
        Assert.Equal(yaml.Split('\n').ToList().FindLastIndex(l => l.Contains("id: kind", StringComparison.Ordinal)) + 1, d.Position.Line);
        Assert.Contains("问题", d.Message);
    }

    [Fact]
    public void Validate_BrokenIndentation_ReportsYamlSyntaxWithLine()
    {
        var yaml = Replace("    text: 是哪一类事情？", "    text: 是哪一类事情？\n   broken: here: now");
        var d = Single(Diagnose(yaml), DiagnosticKind.Syntax);
        Assert.InRange(d.Position.Line, LineOf(yaml, "broken") - 1, LineOf(yaml, "broken"));
        Assert.StartsWith("YAML 格式错误", d.Message);
    }

    [Fact]
    public void Validate_ExpressionSyntaxError_PointsIntoTheExpression()
    {
        var yaml = Replace("if: income <= limit", "if: income <= (limit");
        var d = Single(Diagnose(yaml), DiagnosticKind.Syntax);
        Assert.Equal(LineOf(yaml, "(limit"), d.Position.Line);
        Assert.Contains("右括号", d.Message);
    }

    [Fact]
    public void Validate_SingleEqualsSign_ExplainsDoubleEquals()
    {
        var yaml = Replace("if: kind == \"a\"", "if: kind = \"a\"");
        var d = Single(Diagnose(yaml), DiagnosticKind.Syntax);
        Assert.Contains("==", d.Message);
        Assert.Equal(ColumnOf(yaml, "= \"a\""), d.Position.Column);
    }

    [Fact]
    public void Validate_ComputedValueReferringToItself_ReportsCycle()
    {
        var yaml = Replace("value: income * 2", "value: double_income * 2");
        Assert.Contains(Diagnose(yaml), d => d.Kind == DiagnosticKind.Cycle && d.Message.Contains("double_income"));
    }

    [Fact]
    public void Load_InvalidGuide_ThrowsWithDiagnostics()
    {
        var e = Assert.Throws<GuideInvalidException>(() => Load(Replace("goto: done_a", "goto: nowhere")));
        Assert.Contains(e.Diagnostics, d => d.Kind == DiagnosticKind.UnknownTarget);
    }
}
