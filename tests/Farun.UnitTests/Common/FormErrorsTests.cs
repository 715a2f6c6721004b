using Farun.Web.Common;

namespace Farun.UnitTests.Common;

public sealed class FormErrorsTests
{
    [Fact]
    public async Task TryAsync_BadRequestNamingSeveralFields_EveryFieldMessage()
    {
        var errors = await FormErrors.TryAsync(() => throw new BadRequestException("网上申请包含只能由受理机构填写的内容。", new Dictionary<string, string[]>
        {
            ["servicePointId"] = ["网上申请由受理机构确定服务点，请不要填写服务点。"],
            ["assigneeId"] = ["网上申请由受理机构分派，请不要指定承办人。"],
        }));
        Assert.Equal(["网上申请由受理机构确定服务点，请不要填写服务点。", "网上申请由受理机构分派，请不要指定承办人。"], errors);
    }

    [Fact]
    public async Task TryAsync_BadRequestWithoutFields_TheSummary()
    {
        Assert.Equal(["请求有误。"], await FormErrors.TryAsync(() => throw new BadRequestException("请求有误。")));
    }

    [Fact]
    public async Task TryAsync_Conflict_ItsMessage()
    {
        Assert.Equal(["不能受理。"], await FormErrors.TryAsync(() => throw new ConflictException("不能受理。", ["refuse"])));
    }

    [Fact]
    public async Task TryAsync_Succeeds_NoMessages()
    {
        Assert.Empty(await FormErrors.TryAsync(() => Task.CompletedTask));
    }
}
