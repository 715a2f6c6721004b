using Farun.Data;
using Farun.Features.Identity;
using Farun.Features.ServicePoints;
using Farun.Web.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Identity;

/// <summary>Start-up seeding: roles always; demo service points and accounts only when demo data is on
/// (Development by default). Idempotent, so several nodes may run it.</summary>
public static class Seeding
{
    /// <summary>Password of every demo account. Demo accounts never exist outside Development.</summary>
    public const string DemoPassword = "Farun#2026";

    public static readonly IReadOnlyList<(string UserName, string FullName, string Role)> DemoAccounts =
    [
        ("sysadmin", "演示系统管理员", Roles.SystemAdmin),
        ("secadmin", "演示安全管理员", Roles.SecurityAdmin),
        ("auditor", "演示安全审计员", Roles.AuditAdmin),
        ("manager", "演示管理人员", Roles.Manager),
        ("staff", "演示窗口人员", Roles.Staff),
        ("hotline", "演示热线坐席", Roles.HotlineAgent),
        ("mediator", "演示调解员", Roles.Mediator),
        ("legalaid", "演示法援人员", Roles.LegalAidOfficer),
        ("notary", "演示公证员", Roles.Notary),
        ("lawyer", "演示律师", Roles.Lawyer),
    ];

    public static bool DemoDataEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>($"{FarunOptions.Section}:SeedDemoData") ?? environment.IsDevelopment();

    public static async Task SeedAsync(IServiceProvider services, bool demo, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await EnsureRolesAsync(sp.GetRequiredService<RoleManager<StaffRole>>());
        if (demo)
        {
            var db = sp.GetRequiredService<FarunDbContext>();
            await SeedDemoServicePointsAsync(db, ct);
            await SeedDemoAccountsAsync(db, sp.GetRequiredService<UserManager<StaffUser>>(), ct);
        }
    }

    public static async Task EnsureRolesAsync(RoleManager<StaffRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (await roles.FindByNameAsync(role) is null)
            {
                var result = await roles.CreateAsync(new StaffRole(role));
                // A concurrent node may have created it between the check and the insert.
                if (!result.Succeeded && await roles.FindByNameAsync(role) is null)
                    throw new InvalidOperationException($"Could not create role {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
        }
    }

    private static readonly string[] Streets =
    [
        "东城", "西城", "南湖", "北苑", "中山", "人民路", "新华", "解放路", "滨江", "城南", "城北", "高新", "金桥", "青山",
    ];

    public static async Task SeedDemoServicePointsAsync(FarunDbContext db, CancellationToken ct)
    {
        if (await db.ServicePoints.AnyAsync(p => p.IsDemo, ct))
            return;
        var centre = new ServicePoint("D00", "示范区公共法律服务中心", ServicePointKind.DistrictCentre, null, isDemo: true)
        {
            Address = "示范区市民中心一楼（演示数据）",
            Phone = "12348",
            OpeningHours = "周一至周五 9:00-17:00",
        };
        db.ServicePoints.Add(centre);
        for (var i = 0; i < Streets.Length; i++)
        {
            var street = new ServicePoint($"D00-S{i + 1:00}", $"{Streets[i]}街道公共法律服务工作站", ServicePointKind.StreetWorkstation, centre, isDemo: true)
            {
                Address = $"{Streets[i]}街道办事处一楼（演示数据）",
                OpeningHours = "周一至周五 9:00-17:00",
            };
            db.ServicePoints.Add(street);
            // Two community legal homes under each of the first four streets.
            if (i < 4)
            {
                for (var j = 1; j <= 2; j++)
                {
                    db.ServicePoints.Add(new ServicePoint($"D00-S{i + 1:00}-C{j:00}", $"{Streets[i]}第{j}社区法律之家", ServicePointKind.CommunityLegalHome, street, isDemo: true)
                    {
                        Address = $"{Streets[i]}第{j}社区党群服务中心（演示数据）",
                        OpeningHours = "周二、周四 14:00-17:00",
                    });
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }

    public static async Task SeedDemoAccountsAsync(FarunDbContext db, UserManager<StaffUser> users, CancellationToken ct)
    {
        var centre = await db.ServicePoints.Where(p => p.IsDemo && p.Kind == ServicePointKind.DistrictCentre).FirstAsync(ct);
        var street = await db.ServicePoints.Where(p => p.IsDemo && p.Code == "D00-S01").FirstAsync(ct);
        foreach (var (userName, fullName, role) in DemoAccounts)
        {
            if (await users.FindByNameAsync(userName) is not null)
                continue;
            var user = new StaffUser
            {
                UserName = userName,
                FullName = fullName,
                IsDemo = true,
                // Front-line demo staff sit at a street workstation; managers and administrators at the centre.
                ServicePointId = role is Roles.Staff or Roles.Mediator ? street.Id : centre.Id,
            };
            var created = await users.CreateAsync(user, DemoPassword);
            if (!created.Succeeded)
            {
                if (await users.FindByNameAsync(userName) is not null)
                    continue;
                throw new InvalidOperationException($"Could not create demo user {userName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, role);
        }
    }
}
