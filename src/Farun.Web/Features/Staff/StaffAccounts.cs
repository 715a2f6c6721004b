using Farun.Data;
using Farun.Features.Identity;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Staff;

/// <summary>Staff accounts: the security administrator creates accounts, sets roles and unlocks them (三员分立:
/// neither the system administrator nor the audit administrator can).</summary>
public static class StaffAccounts
{
    public sealed record CreateRequest(string? UserName, string? FullName, string? Password, Guid? ServicePointId, string[]? Roles);

    public sealed record SetRolesRequest(string[]? Roles);

    public sealed record StaffDto(Guid Id, string UserName, string FullName, Guid? ServicePointId, string? ServicePointName,
        IReadOnlyList<string> Roles, bool LockedOut, bool IsDemo);

    public sealed class CreateValidator : AbstractValidator<CreateRequest>
    {
        public CreateValidator()
        {
            RuleFor(x => x.UserName).NotEmpty().WithMessage("请填写登录名。").Length(2, 50).WithMessage("登录名为2到50个字符。")
                .Matches("^[A-Za-z0-9._@+-]+$").WithMessage("登录名只能包含字母、数字和 ._@+-。");
            RuleFor(x => x.FullName).NotEmpty().WithMessage("请填写姓名。").MaximumLength(50).WithMessage("姓名不能超过50个字符。").NoControlCharacters();
            RuleFor(x => x.Password).NotEmpty().WithMessage("请设置初始密码。");
            RuleFor(x => x.ServicePointId).NotNull().WithMessage("请选择所属服务网点。");
            RuleFor(x => x.Roles).NotEmpty().WithMessage("请至少选择一个角色。")
                .Must(r => r is null || Farun.Features.Identity.Roles.ValidateCombination(r) is null)
                .WithMessage(x => Farun.Features.Identity.Roles.ValidateCombination(x.Roles ?? []) ?? "");
        }
    }

    public sealed class SetRolesValidator : AbstractValidator<SetRolesRequest>
    {
        public SetRolesValidator()
        {
            RuleFor(x => x.Roles).NotEmpty().WithMessage("请至少选择一个角色。")
                .Must(r => r is null || Farun.Features.Identity.Roles.ValidateCombination(r) is null)
                .WithMessage(x => Farun.Features.Identity.Roles.ValidateCombination(x.Roles ?? []) ?? "");
        }
    }

    public sealed class Handler(FarunDbContext db, UserManager<StaffUser> users, AuditLog audit)
    {
        public async Task<IReadOnlyList<StaffDto>> ListAsync(CancellationToken ct)
        {
            var accounts = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
            var points = await db.ServicePoints.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!, ct);
            var userRoles = (await db.UserRoles.AsNoTracking().ToListAsync(ct)).ToLookup(ur => ur.UserId, ur => roleNames[ur.RoleId]);
            var now = DateTimeOffset.UtcNow;
            return [.. accounts.Select(u => new StaffDto(u.Id, u.UserName!, u.FullName, u.ServicePointId,
                u.ServicePointId is { } sp ? points.GetValueOrDefault(sp) : null, [.. userRoles[u.Id]], u.LockoutEnd > now, u.IsDemo))];
        }

        public async Task<StaffDto> CreateAsync(CreateRequest r, CancellationToken ct)
        {
            if (!await db.ServicePoints.AnyAsync(p => p.Id == r.ServicePointId, ct))
                throw BadRequestException.ForField("servicePointId", "所选服务网点不存在。");
            var user = new StaffUser { UserName = r.UserName!.Trim(), FullName = r.FullName!.Trim(), ServicePointId = r.ServicePointId };
            var created = await users.CreateAsync(user, r.Password!);
            if (!created.Succeeded)
                throw new BadRequestException(string.Join("；", created.Errors.Select(e => e.Description)),
                    new Dictionary<string, string[]> { ["password"] = [.. created.Errors.Select(e => e.Description)] });
            await users.AddToRolesAsync(user, r.Roles!);
            audit.Record("staff.create", "StaffUser", user.Id, new { user.UserName, roles = r.Roles, r.ServicePointId });
            await db.SaveChangesAsync(ct);
            return (await ListAsync(ct)).Single(s => s.Id == user.Id);
        }

        public async Task SetRolesAsync(Guid id, SetRolesRequest r, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException("未找到该工作人员账号。");
            var current = await users.GetRolesAsync(user);
            await users.RemoveFromRolesAsync(user, current.Except(r.Roles!));
            await users.AddToRolesAsync(user, r.Roles!.Except(current));
            // Role changes take effect at once: the security stamp invalidates existing cookies.
            await users.UpdateSecurityStampAsync(user);
            audit.Record("staff.roles", "StaffUser", user.Id, new { from = current, to = r.Roles });
            await db.SaveChangesAsync(ct);
        }

        public async Task UnlockAsync(Guid id, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException("未找到该工作人员账号。");
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            audit.Record("staff.unlock", "StaffUser", user.Id);
            await db.SaveChangesAsync(ct);
        }
    }

    public static IEndpointRouteBuilder MapStaffAccounts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/staff").WithTags("工作人员账号").RequireAuthorization(Policies.SecurityAdmin);
        group.MapGet("", async Task<Ok<IReadOnlyList<StaffDto>>> (Handler h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(ct)))
            .WithName("ListStaff").WithSummary("工作人员账号列表（仅安全管理员）");
        group.MapPost("", async Task<Created<StaffDto>> (CreateRequest request, Handler h, CancellationToken ct) =>
            {
                var created = await h.CreateAsync(request, ct);
                return TypedResults.Created($"/api/staff/{created.Id}", created);
            })
            .Validate<CreateRequest>().WithName("CreateStaff").WithSummary("创建工作人员账号（仅安全管理员）");
        group.MapPut("/{id:guid}/roles", async Task<NoContent> (Guid id, SetRolesRequest request, Handler h, CancellationToken ct) =>
            {
                await h.SetRolesAsync(id, request, ct);
                return TypedResults.NoContent();
            })
            .Validate<SetRolesRequest>().WithName("SetStaffRoles").WithSummary("设置角色（三员分立校验）");
        group.MapPost("/{id:guid}/unlock", async Task<NoContent> (Guid id, Handler h, CancellationToken ct) =>
            {
                await h.UnlockAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("UnlockStaff").WithSummary("解除账号锁定");

        // Service points are reference data every signed-in staff member needs (intake forms, filters).
        app.MapGet("/api/service-points", async (FarunDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.ServicePoints.AsNoTracking().OrderBy(p => p.Code)
                    .Select(p => new ServicePointDto(p.Id, p.Code, p.Name, p.Kind.ToString(), p.ParentId, p.Address, p.Phone, p.OpeningHours, p.IsDemo))
                    .ToListAsync(ct)))
            .RequireAuthorization().WithTags("服务网点").WithName("ListServicePoints").WithSummary("服务网点（区中心、街道工作站、法律之家）");
        return app;
    }

    public sealed record ServicePointDto(Guid Id, string Code, string Name, string Kind, Guid? ParentId, string? Address, string? Phone, string? OpeningHours, bool IsDemo);
}
