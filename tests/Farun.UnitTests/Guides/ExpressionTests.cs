using Farun.Common.Calendar;
using Farun.Web.Features.Guides.Engine;

namespace Farun.UnitTests.Guides;

public sealed class ExpressionTests
{
    private sealed class Scope : ITypeScope
    {
        public GuideType? TypeOf(string name) => name switch
        {
            "income" => GuideType.Money,
            "size" => GuideType.Number,
            "left" => GuideType.Date,
            "kind" => GuideType.ChoiceOf("kind"),
            "ok" => GuideType.Bool,
            _ => null,
        };

        public IReadOnlyList<string> OptionsOf(string question) => ["a", "b"];

        public bool IsQuestion(string name) => TypeOf(name) is not null;
    }

    private static readonly GuideClock Clock = GuideTestKit.Clock;

    private static object Eval(string text, Dictionary<string, object>? answers = null)
    {
        var guide = GuideTestKit.Load(GuideTestKit.ValidGuide);
        return new Evaluator(guide, Clock, answers ?? [], new Dictionary<string, object> { ["limit"] = 1000m }).Evaluate(ExpressionParser.Parse(text));
    }

    private static (GuideType? Type, IReadOnlyList<ExpressionProblem> Problems) Type(string text)
    {
        var typer = new ExpressionTyper(new Scope());
        var type = typer.Check(ExpressionParser.Parse(text));
        return (type, typer.Problems);
    }

    [Theory]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("10 - 4 - 3", 3)]
    [InlineData("-2 + 5", 3)]
    [InlineData("1_000 / 4", 250)]
    [InlineData("round(10 / 3, 2)", 3.33)]
    [InlineData("max(3, 7) - min(3, 7)", 4)]
    public void Evaluate_Arithmetic_FollowsPrecedence(string text, double expected) =>
        Assert.Equal((decimal)expected, (decimal)Eval(text));

    [Theory]
    [InlineData("1 < 2 and 2 < 3", true)]
    [InlineData("1 < 2 and not (2 < 3)", false)]
    [InlineData("false or 1 == 1", true)]
    [InlineData("\"甲\" != \"乙\"", true)]
    [InlineData("1 < 2 && 3 > 4 || true", true)]
    [InlineData("!(1 == 1)", false)]
    public void Evaluate_Logic_Works(string text, bool expected) => Assert.Equal(expected, Eval(text));

    [Fact]
    public void Evaluate_ChoiceAnswer_ComparesByValueAndShowsLabel()
    {
        var answers = new Dictionary<string, object> { ["kind"] = "a" };
        Assert.Equal(true, Eval("kind == \"a\"", answers));
        Assert.Equal("甲类", Eval("label(kind)", answers));
        Assert.Equal(true, Eval("answered(kind) and not answered(income)", answers));
    }

    [Fact]
    public void Evaluate_ComputedValue_UsesAnswers()
    {
        Assert.Equal(1600m, Eval("double_income", new Dictionary<string, object> { ["kind"] = "a", ["income"] = 800m }));
    }

    [Fact]
    public void Evaluate_DivisionByZero_ThrowsEvaluationError()
    {
        var e = Assert.Throws<GuideEvaluationException>(() => Eval("1 / (2 - 2)"));
        Assert.Contains("除数为零", e.Message);
    }

    [Fact]
    public void Evaluate_IfIsLazy_DoesNotEvaluateOtherBranch() => Assert.Equal(1m, Eval("if(true, 1, 1 / 0)"));

    [Theory]
    [InlineData("today()", "2026-06-15")]
    [InlineData("add_days(date(\"2026-01-31\"), 1)", "2026-02-01")]
    [InlineData("add_months(date(\"2026-01-31\"), 1)", "2026-02-28")]
    [InlineData("add_years(date(\"2024-02-29\"), 1)", "2025-02-28")]
    // 民法典第二百零一条至第二百零三条: start day not counted, corresponding day, rest day moves to the next working day.
    [InlineData("period_end_years(date(\"2025-03-13\"), 1)", "2026-03-13")] // a Friday
    [InlineData("period_end_years(date(\"2025-03-14\"), 1)", "2026-03-16")] // Saturday -> Monday
    [InlineData("period_end_years(date(\"2024-10-01\"), 1)", "2025-10-09")] // National Day holiday 1-8 Oct 2025
    [InlineData("period_end_days(date(\"2026-01-30\"), 3)", "2026-02-02")] // 3 days from Friday end on Monday
    [InlineData("period_end_months(date(\"2026-01-31\"), 1)", "2026-02-28")] // a Saturday, but a make-up working day (调休)
    [InlineData("period_end_years(date(\"2027-06-15\"), 3)", "2030-06-17")] // beyond the calendar: weekends only
    public void Evaluate_DateFunctions_FollowCivilCodePeriodRules(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Eval(text));

    [Theory]
    [InlineData("days_until(date(\"2026-06-20\"))", 5)]
    [InlineData("days_since(date(\"2026-06-10\"))", 5)]
    [InlineData("days_between(date(\"2026-01-01\"), date(\"2026-12-31\"))", 364)]
    [InlineData("date(\"2026-06-20\") - today()", 5)]
    public void Evaluate_DayCounts_AreCalendarDays(string text, int expected) => Assert.Equal((decimal)expected, Eval(text));

    [Fact]
    public void AddYears_FractionalYears_IsRejectedAtRunTime() =>
        Assert.Throws<GuideEvaluationException>(() => Eval("add_years(today(), 1.5)"));

    [Theory]
    [InlineData("income * 2", ValueKind.Money)]
    [InlineData("income / size", ValueKind.Money)]
    [InlineData("income / income", ValueKind.Number)]
    [InlineData("left - today()", ValueKind.Number)]
    [InlineData("if(ok, income, 0)", ValueKind.Money)]
    [InlineData("if(ok, kind, \"其他\")", ValueKind.Text)]
    [InlineData("period_end_years(left, 1)", ValueKind.Date)]
    [InlineData("label(kind)", ValueKind.Text)]
    public void Typer_WellTyped_InfersType(string text, ValueKind expected)
    {
        var (type, problems) = Type(text);
        Assert.Empty(problems);
        Assert.Equal(expected, type!.Kind);
    }

    [Theory]
    [InlineData("income * income", "金额乘以金额")]
    [InlineData("left + 30", "add_days")]
    [InlineData("ok + 1", "只能用于数字")]
    [InlineData("kind == \"z\"", "不是问题“kind”的选项")]
    [InlineData("left < 3", "只能比较")]
    [InlineData("nope > 1", "未定义的变量“nope”")]
    [InlineData("foo(1)", "未知的函数“foo”")]
    [InlineData("add_days(left)", "需要 2 个参数")]
    [InlineData("if(ok, 1, \"a\")", "类型应相同")]
    [InlineData("date(\"2026-13-01\")", "yyyy-MM-dd")]
    [InlineData("label(ok)", "选择题的答案")]
    [InlineData("answered(1)", "问题的编号")]
    public void Typer_IllTyped_ReportsProblem(string text, string expected)
    {
        var (_, problems) = Type(text);
        Assert.Contains(problems, p => p.Message.Contains(expected));
    }

    [Theory]
    [InlineData("1 +", 3, "不完整")]
    [InlineData("(1 + 2", 6, "右括号")]
    [InlineData("a = 1", 2, "==")]
    [InlineData("a ＝ 1", 2, "中文标点")]
    [InlineData("\"open", 0, "引号")]
    [InlineData("1 < 2 < 3", 6, "不能连写")]
    [InlineData("", 0, "空的")]
    public void Parse_Malformed_ThrowsWithOffset(string text, int offset, string expected)
    {
        var e = Assert.Throws<ExpressionSyntaxException>(() => ExpressionParser.Parse(text));
        Assert.Equal(offset, e.Offset);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void PeriodEnd_LastDayOnHoliday_MovesPastWholeHoliday()
    {
        // Spring Festival 2026: 15-23 February are days off.
        Assert.Equal(new DateOnly(2026, 2, 24), GuideFunctions.PeriodEnd(new DateOnly(2026, 2, 16), WorkingDayCalendar.China));
    }
}
