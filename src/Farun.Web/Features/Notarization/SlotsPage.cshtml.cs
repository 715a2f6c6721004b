using Farun.Common.Calendar;
using Farun.Features.Identity;
using Farun.Features.Notarization;
using Farun.Web.Common;
using Farun.Web.Features.Cases;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.Notarization;

/// <summary>/notarization/slots — the notary office's appointment schedule: open bookable slots (date, time, length, how
/// many, how many applicants each) for window appointments, home visits (上门办证) and on-site supervision (现场监督), and
/// see every slot ahead with its booking. Notaries and managers, at the service points of their scope (as the API).</summary>
[Authorize(Roles = Roles.Notary + "," + Roles.Manager)]
public sealed class NotarySlotsPageModel(OpenNotarySlots slots, IValidator<NotaryEndpoints.OpenSlots> validator, CaseAccess access, ServicePointDirectory directory)
    : PageModel
{
    public sealed record PointOption(Guid Id, string Name);

    [BindProperty]
    public Guid? ServicePointId { get; set; }

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public TimeOnly? Time { get; set; }

    [BindProperty]
    public int? Minutes { get; set; } = 30;

    [BindProperty]
    public int? Count { get; set; } = 1;

    [BindProperty]
    public int? Capacity { get; set; } = 1;

    [BindProperty]
    public SlotKind Kind { get; set; } = SlotKind.Window;

    public IReadOnlyList<PointOption> Points { get; private set; } = [];

    public IReadOnlyList<OpenNotarySlots.ScheduleRow> Schedule { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Date ??= ChinaTime.DateOf(DateTimeOffset.UtcNow).AddDays(1);
        Time ??= new TimeOnly(9, 0);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        DateTimeOffset? startsAt = Date is { } d && Time is { } t ? new DateTimeOffset(d.ToDateTime(t), ChinaTime.Offset) : null;
        var request = new NotaryEndpoints.OpenSlots(ServicePointId, startsAt, Minutes, Count, Kind, Capacity);
        IReadOnlyList<SlotDto> opened = [];
        var errors = new List<string>();
        if (Date is null)
            errors.Add("请填写日期。");
        if (Time is null)
            errors.Add("请填写开始时间。");
        errors.AddRange(await FormErrors.TryAsync(async () =>
        {
            await validator.ValidateAndThrowAsync(request, ct);
            opened = await slots.HandleAsync(request, User, ct);
        }));
        Errors = [.. errors.Distinct()];
        if (Errors.Count == 0)
        {
            Notice = $"已开放{opened.Count}个{Kind.DisplayName()}预约名额（{startsAt!.Value:M月d日 HH:mm}起）。";
            return RedirectToPage();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await access.ScopeAsync(User, ct);
        var names = await directory.GetAsync(ct);
        Points = [.. scope.ServicePointIds.Select(id => new PointOption(id, names.Name(id))).OrderBy(p => p.Name, StringComparer.Ordinal)];
        ServicePointId ??= scope.Actor.ServicePointId;
        Schedule = await slots.ScheduleAsync(User, DateTimeOffset.UtcNow.AddDays(-1), ct);
    }

    public string PointName(Guid id) => Points.FirstOrDefault(p => p.Id == id)?.Name ?? "";
}
