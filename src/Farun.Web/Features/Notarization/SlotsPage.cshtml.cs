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

    /// <summary>The errors of the last post, by the path of <see cref="NotaryEndpoints.OpenSlots"/> (see <see cref="Inputs"/>).</summary>
    public FormErrorSet Errors { get; private set; } = new();

    /// <summary>The errors placed at the form's inputs, for the summary and the inline messages.</summary>
    public FormErrorView FieldErrors => Errors.Place(Inputs);

    /// <summary>Which input shows the errors of which request path. <c>startsAt</c> is typed as a date and a time: its
    /// message is shown at the date and both are marked; a missing date or time is the page's own check.</summary>
    private static readonly (string Path, string InputId)[] Inputs =
    [
        ("servicePointId", nameof(ServicePointId)),
        ("kind", nameof(Kind)),
        ("startsAt", nameof(Date)),
        ("startsAt", nameof(Time)),
        (DatePath, nameof(Date)),
        (TimePath, nameof(Time)),
        ("minutes", nameof(Minutes)),
        ("count", nameof(Count)),
        ("capacity", nameof(Capacity)),
    ];

    private const string DatePath = "startsAt.date";
    private const string TimePath = "startsAt.time";

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
        var errors = new FormErrorSet();
        if (Date is null)
            errors.Add(DatePath, "请填写日期。");
        if (Time is null)
            errors.Add(TimePath, "请填写开始时间。");
        var result = await FormErrorSet.TryAsync(async () =>
        {
            await validator.ValidateAndThrowAsync(request, ct);
            opened = await slots.HandleAsync(request, User, ct);
        });
        // A missing date or time already says which of the two to fill; the request's "no start time" would repeat it.
        Errors = errors.Add(errors.IsEmpty ? result : result.Without("startsAt"));
        if (Errors.IsEmpty)
        {
            Notice = $"已开放{opened.Count}个{Kind.DisplayName()}预约名额（{startsAt!.Value:M月d日 HH:mm}起）。";
            return RedirectToPage();
        }

        Response.StatusCode = Errors.StatusCode;
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
