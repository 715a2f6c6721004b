using System.CommandLine;
using Farun.Data;
using Farun.Features.Identity;
using Farun.Features.ServicePoints;
using Farun.Web.Cli;
using Farun.Web.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Identity;

public static class UserCommands
{
    public static Command Create()
    {
        var users = new Command("users", "工作人员账号。");
        var userName = new Option<string>("--username") { Description = "登录名", Required = true };
        var fullName = new Option<string>("--name") { Description = "姓名", DefaultValueFactory = _ => "系统管理员" };
        var role = new Option<string>("--role")
        {
            Description = "管理员角色：SystemAdmin、SecurityAdmin 或 AuditAdmin（三员分立）",
            DefaultValueFactory = _ => Roles.SystemAdmin,
        };
        role.AcceptOnlyFromAmong([.. Roles.Administrators]);
        var centre = new Option<string>("--centre")
        {
            Description = "尚无服务网点时创建的区公共法律服务中心名称",
            DefaultValueFactory = _ => "区公共法律服务中心",
        };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "从标准输入读取密码（否则读取环境变量 FARUN_ADMIN_PASSWORD）" };

        var createAdmin = new Command("create-admin", "创建管理员账号（首次部署时创建第一个管理员）。") { userName, fullName, role, centre, passwordStdin };
        createAdmin.SetAction(async (parse, ct) =>
        {
            var password = parse.GetValue(passwordStdin)
                ? (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n')
                : Environment.GetEnvironmentVariable("FARUN_ADMIN_PASSWORD");
            if (string.IsNullOrEmpty(password))
            {
                Console.Error.WriteLine("请通过 --password-stdin 或环境变量 FARUN_ADMIN_PASSWORD 提供密码。");
                return 2;
            }

            await using var app = CliHost.Build();
            await Database.MigrateAsync(app.Services, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            await Seeding.EnsureRolesAsync(sp.GetRequiredService<RoleManager<StaffRole>>());
            var db = sp.GetRequiredService<FarunDbContext>();
            var point = await db.ServicePoints.Where(p => p.Kind == ServicePointKind.DistrictCentre).OrderBy(p => p.IsDemo).FirstOrDefaultAsync(ct);
            if (point is null)
            {
                point = new ServicePoint("D01", parse.GetValue(centre)!, ServicePointKind.DistrictCentre, null);
                db.ServicePoints.Add(point);
                await db.SaveChangesAsync(ct);
            }

            var manager = sp.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser { UserName = parse.GetValue(userName)!.Trim(), FullName = parse.GetValue(fullName)!, ServicePointId = point.Id };
            var created = await manager.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                foreach (var e in created.Errors)
                    Console.Error.WriteLine(e.Description);
                return 1;
            }

            var roleName = parse.GetValue(role)!;
            await manager.AddToRoleAsync(user, roleName);
            Console.WriteLine($"Created {Roles.Display(roleName)} '{user.UserName}' at {point.Name}.");
            return 0;
        });
        users.Subcommands.Add(createAdmin);
        return users;
    }
}
