using System.Net;

namespace Farun.IntegrationTests.Assistant;

public sealed class AssistantPageTests
{
    [Fact]
    public async Task Pages_CitizenPagesOpenStaffPagesNeedSignIn()
    {
        await using var app = await AssistantApp.StartAsync();
        var citizen = app.Citizen();
        var chat = await citizen.GetAsync("/assistant");
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        Assert.Contains("智能法律助手", await chat.Content.ReadAsStringAsync());
        var kiosk = await citizen.GetAsync("/kiosk");
        Assert.Equal(HttpStatusCode.OK, kiosk.StatusCode);
        Assert.True(kiosk.Headers.CacheControl?.NoStore);
        Assert.Contains("讨要工资", await kiosk.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/kiosk/slip?c={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/assistant?c={Guid.NewGuid()}")).StatusCode);
        foreach (var staffPage in new[] { "/assistant/handoffs", "/assistant/review" })
        {
            var response = await citizen.GetAsync(staffPage);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location!.ToString());
        }

        var staff = await app.StaffAsync("staff");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/assistant/handoffs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/assistant/review")).StatusCode);
    }

    [Fact]
    public async Task Slip_Conversation_QrCodeAndAddressOfConversation()
    {
        await using var app = await AssistantApp.StartAsync(settings: new Dictionary<string, string?> { ["Farun:Assistant:PublicBaseUrl"] = "https://farun.example.gov.cn/" });
        var citizen = app.Citizen();
        var asked = await AssistantApp.AskAsync(citizen, "公司把我辞退了，能要补偿吗？");
        var id = asked["conversationId"]!.GetValue<string>();
        var slip = await citizen.GetAsync($"/kiosk/slip?c={id}");
        Assert.Equal(HttpStatusCode.OK, slip.StatusCode);
        var html = await slip.Content.ReadAsStringAsync();
        Assert.Contains($"https://farun.example.gov.cn/assistant?c={id}", html);
        Assert.Contains("src=\"data:image/png;base64,", html);
        Assert.Contains("公司把我辞退了", html);
        Assert.Contains("不是律师的法律意见", html);
    }
}
