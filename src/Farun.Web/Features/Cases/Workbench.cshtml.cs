using Farun.Data;
using Farun.Features.Cases;
using Farun.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Cases;

/// <summary>/workbench: the staff member's queue sorted by priority and deadline, with overdue flags and filters.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class WorkbenchModel(ListCases.Handler list, CaseAccess access, ServicePointDirectory directory, FarunDbContext db, TimeProvider time,
    FluentValidation.IValidator<ListCases.Request> validator) : PageModel
{
    public static readonly (string Key, string Label)[] Views =
    [
        ("mine", "我的待办"),
        ("queue", "待领取"),
        ("overdue", "已超期"),
        ("all", "全部可见"),
    ];

    [BindProperty(SupportsGet = true)]
    public string View { get; set; } = "mine";

    [BindProperty(SupportsGet = true)]
    public CaseType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseChannel? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ServicePointId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public ListCases.Response Result { get; private set; } = new(1, 20, 0, []);

    public IReadOnlyList<FieldOption> ServicePoints { get; private set; } = [];

    public int OverdueAlerts { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Views.All(v => v.Key != View))
            View = "mine";
        var scope = await access.ScopeAsync(User, ct);
        var sps = await directory.GetAsync(ct);
        ServicePoints = [.. scope.ServicePointIds
            .Select(id => sps.ById.GetValueOrDefault(id)).Where(e => e is not null)
            .OrderBy(e => e!.Code, StringComparer.Ordinal).Select(e => new FieldOption(e!.Id.ToString(), $"{e.Code} {e.Name}"))];
        var request = new ListCases.Request(Type, State, Channel, ServicePointId,
            Mine: View == "mine", Queue: View == "queue", Overdue: View == "overdue", Open: View == "all" ? null : true,
            Number: string.IsNullOrWhiteSpace(Number) ? null : Number.Trim(), Page: Math.Clamp(PageNumber ?? 1, 1, 100_000), PageSize: 30);
        // The filters are checked as the API checks them (a number with a NUL would fail in PostgreSQL): a wrong one is
        // shown, not searched.
        var invalid = (await validator.ValidateAsync(request, ct)).Errors;
        if (invalid.Count > 0)
            Error = string.Join("；", invalid.Select(e => e.ErrorMessage).Distinct());
        else
            Result = await list.HandleAsync(request, scope, ct);
        var me = scope.UserId;
        var nowUnix = time.GetUtcNow().ToUnixTimeSeconds();
        OverdueAlerts = await db.Cases.AsNoTracking().CountAsync(c => c.AssigneeId == me && c.IsOpen && c.DueSort <= nowUnix, ct);
    }

    public string Link(string? view = null, int? page = null)
    {
        var q = new Dictionary<string, string?>
        {
            ["view"] = view ?? View,
            ["type"] = Type?.ToString(),
            ["state"] = State?.ToString(),
            ["channel"] = Channel?.ToString(),
            ["servicePointId"] = ServicePointId?.ToString(),
            ["page"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return "/workbench?" + string.Join("&", q.Where(kv => kv.Value is not null).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!)}"));
    }
}
