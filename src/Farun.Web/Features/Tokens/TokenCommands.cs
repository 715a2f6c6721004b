using System.CommandLine;
using Farun.Features.Tokens;
using Farun.Web.Cli;
using Farun.Web.Common;

namespace Farun.Web.Features.Tokens;

/// <summary><c>tokens issue|list|revoke</c>: bearer tokens for partner systems and scripts.</summary>
public static class TokenCommands
{
    public static string CommandLineActor => $"命令行:{Environment.UserName}";

    public static Command Create()
    {
        var tokens = new Command("tokens", "接口令牌（合作系统与脚本使用的 Bearer 令牌）。");

        var user = new Option<string>("--user") { Description = "令牌代表的账号（登录名）；请求以该账号的角色和网点执行", Required = true };
        var days = new Option<int>("--days") { Description = $"有效天数（1-{ApiTokenService.MaxDays}）", Required = true };
        var name = new Option<string?>("--name") { Description = "令牌名称，如“12345平台对接”" };
        var partner = new Option<bool>("--partner") { Description = "合作系统令牌：审计日志中记为合作系统（Partner）而非工作人员本人" };
        var issue = new Command("issue", "签发令牌。令牌只在此显示一次（标准输出），数据库只保存其 SHA-256 哈希。") { user, days, name, partner };
        issue.SetAction(async (parse, ct) =>
        {
            await using var app = CliHost.Build();
            await Database.MigrateAsync(app.Services, ct);
            return await IssueAsync(app.Services, parse.GetValue(user)!, parse.GetValue(days), parse.GetValue(name),
                parse.GetValue(partner) ? ApiTokenKind.Partner : ApiTokenKind.Staff, Console.Out, Console.Error, ct);
        });
        tokens.Subcommands.Add(issue);

        var list = new Command("list", "列出全部令牌（不含令牌本身）。");
        list.SetAction(async (_, ct) =>
        {
            await using var app = CliHost.Build();
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ListTokens.Handler>().HandleAsync(new ListTokens.Request(null, null), ct);
            foreach (var t in result.Items)
                Console.WriteLine($"{t.Id}  {t.Hint}…  {t.Status,-8} {t.Kind,-8} {t.UserName,-16} expires {t.ExpiresAt:yyyy-MM-dd}  last used {t.LastUsedAt:yyyy-MM-dd HH:mm}  {t.Label}");
            return 0;
        });
        tokens.Subcommands.Add(list);

        var id = new Argument<Guid>("id") { Description = "令牌编号（tokens list 第一列）" };
        var revoke = new Command("revoke", "吊销令牌：各节点在令牌缓存时限（Farun:Tokens:CacheSeconds，默认10秒）内拒绝。") { id };
        revoke.SetAction(async (parse, ct) =>
        {
            await using var app = CliHost.Build();
            await using var scope = app.Services.CreateAsyncScope();
            try
            {
                var changed = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().RevokeAsync(parse.GetValue(id), CommandLineActor, ct);
                Console.WriteLine(changed ? "Token revoked." : "Token was already revoked.");
                return 0;
            }
            catch (DomainException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        tokens.Subcommands.Add(revoke);
        return tokens;
    }

    /// <summary>The body of <c>tokens issue</c>: the secret alone on <paramref name="output"/>, the rest on <paramref name="info"/>.</summary>
    public static async Task<int> IssueAsync(IServiceProvider services, string userName, int days, string? label, ApiTokenKind kind,
        TextWriter output, TextWriter info, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            var issued = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(userName, days, label, kind, CommandLineActor, ct);
            info.WriteLine($"Token {issued.Token.Id} ({issued.Token.Kind}, \"{issued.Token.Label}\") for {issued.UserName}, valid until {issued.Token.ExpiresAt:yyyy-MM-dd HH:mm} UTC.");
            info.WriteLine("It is shown only this once; send it as: Authorization: Bearer <token>");
            await output.WriteLineAsync(issued.Secret);
            return 0;
        }
        catch (DomainException e)
        {
            await info.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
