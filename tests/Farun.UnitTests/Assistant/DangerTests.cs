using Farun.Features.Assistant;

namespace Farun.UnitTests.Assistant;

public sealed class DangerTests
{
    [Fact]
    public void Detect_DomesticViolence_ShowsPoliceAmbulanceAndWomensHotline()
    {
        var d = DangerDetector.Detect("老公打我，我该怎么离婚？");
        Assert.NotNull(d);
        Assert.Equal(DangerKind.DomesticViolence, d.Kinds[0]);
        Assert.Equal(["110", "120", "12338"], d.Contacts.Select(c => c.Number).ToList());
    }

    [Theory]
    [InlineData("工资要不回来，我真的不想活了", DangerKind.SelfHarm)]
    [InlineData("包工头拿刀威胁我", DangerKind.Violence)]
    [InlineData("几十个工人明天要去堵门讨薪", DangerKind.Crowd)]
    public void Detect_Signal_FindsKind(string question, DangerKind kind)
    {
        var d = DangerDetector.Detect(question);
        Assert.NotNull(d);
        Assert.Contains(kind, d.Kinds);
        Assert.Contains(d.Contacts, c => c.Number == "110");
        Assert.DoesNotContain(d.Contacts, c => c.Number == "12338");
    }

    [Fact]
    public void Detect_SelfHarmAndViolence_MostSeriousFirst()
    {
        var d = DangerDetector.Detect("他拿刀逼我，我不想活了");
        Assert.NotNull(d);
        Assert.Equal([DangerKind.SelfHarm, DangerKind.Violence], d.Kinds);
    }

    [Theory]
    [InlineData("有人抢劫我，我该怎么办", DangerKind.Violence)]
    [InlineData("他们把我关起来不让出门", DangerKind.Violence)]
    [InlineData("我想自杀", DangerKind.SelfHarm)]
    public void Detect_FirstPersonDanger_Found(string question, DangerKind kind) => Assert.Contains(kind, DangerDetector.Detect(question)!.Kinds);

    [Theory]
    [InlineData("老板三个月没发工资怎么办？")]
    [InlineData("盗窃和抢劫有什么区别？")]
    [InlineData("网友相约自杀，网络平台是否应当承担赔偿责任？")]
    [InlineData("孩子（未成年人）犯罪被抓了，日后可不可以不被关起来？")]
    [InlineData("")]
    [InlineData(null)]
    public void Detect_OrdinaryQuestion_NoSignal(string? question) => Assert.Null(DangerDetector.Detect(question));
}
