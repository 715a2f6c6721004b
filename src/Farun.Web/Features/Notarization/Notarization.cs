using Farun.Data;
using Farun.Features.Cases;
using Farun.Features.Identity;
using Farun.Features.Notarization;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Farun.Web.Features.Cases;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Notarization;

/// <summary>The <c>notarization</c> object of <c>POST /api/cases</c> with type Notarization.</summary>
public sealed record NotarizationIntakeRequest(string? MatterCode, string? Purpose, int? Copies, string? MaterialsSubmitted, bool LegalAidEligible)
{
    public sealed class Validator : AbstractValidator<NotarizationIntakeRequest>
    {
        public Validator()
        {
            RuleFor(x => x.MatterCode).NotEmpty().WithMessage("请选择公证事项。")
                .Must(c => c is null || NotaryCatalog.Find(c) is not null).WithMessage($"未知的公证事项。可选：{string.Join("、", NotaryCatalog.All.Select(m => $"{m.Code}（{m.Name}）"))}。");
            RuleFor(x => x.Purpose).NotEmpty().WithMessage("请填写公证书用途。").MaximumLength(200).NoControlCharacters().WithName("用途");
            RuleFor(x => x.Copies).InclusiveBetween(1, 20).When(x => x.Copies is not null).WithMessage("公证书份数须在1到20份之间。");
            RuleFor(x => x.MaterialsSubmitted).MaximumLength(NotarizationDetails.MaxTextLength).NoControlCharacters().WithName("已提交材料");
        }
    }

    public NotarizationIntake ToIntake() =>
        new(NotaryCatalog.Find(MatterCode)!, Purpose!, Copies ?? 1, MaterialsSubmitted, LegalAidEligible);
}

public sealed record NotarizationDto(
    string MatterCode, string MatterName, string Purpose, int Copies, string? MaterialsSubmitted, bool LegalAidEligible, bool OneVisitMatter,
    DateTimeOffset? PreReviewedAt, string? MaterialsRequested, DateOnly? AcceptedOn, SuspensionReason? SuspensionReason, int? RemainingWorkingDays,
    int SuspendedWorkingDays, string? CertificateNumber, DateOnly? IssuedOn, decimal? Fee, string? FeeBasis, CertificateDelivery? Delivery,
    string? RefusalGround, int VisitCount, IReadOnlyList<BookingDto> Bookings);

public sealed record BookingDto(Guid SlotId, SlotKind Kind, string KindName, DateTimeOffset StartsAt, string? Address, string? Note);

public sealed record SlotDto(Guid Id, Guid ServicePointId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, SlotKind Kind, string KindName);

/// <summary>The fields of each notarization action of <c>POST /api/cases/{id}/actions/{action}</c>.</summary>
public static class NotarizationActionRequests
{
    public sealed record PreReviewPass(string? Note);

    public sealed record RequestMaterials(string? Missing);

    public sealed record MaterialsSupplied(string? Note);

    public sealed record Accept;

    public sealed record Suspend(SuspensionReason? Reason, string? Note);

    public sealed record Resume(string? Note);

    public sealed record Issue(string? CertificateNumber, decimal? Fee, CertificateDelivery? Delivery, bool SameVisit);

    public sealed record Refuse(int? Ground, string? Reason);

    public sealed record Visit(string? Purpose);

    public sealed class PreReviewPassValidator : AbstractValidator<PreReviewPass>
    {
        public PreReviewPassValidator() => RuleFor(x => x.Note).MaximumLength(1000).NoControlCharacters().WithName("说明");
    }

    public sealed class RequestMaterialsValidator : AbstractValidator<RequestMaterials>
    {
        public RequestMaterialsValidator() => RuleFor(x => x.Missing).NotEmpty().WithMessage("请一次性列明需要补充的全部材料。").MaximumLength(2000).NoControlCharacters().WithName("需补充材料");
    }

    public sealed class MaterialsSuppliedValidator : AbstractValidator<MaterialsSupplied>
    {
        public MaterialsSuppliedValidator() => RuleFor(x => x.Note).MaximumLength(1000).NoControlCharacters().WithName("说明");
    }

    public sealed class AcceptValidator : AbstractValidator<Accept>;

    public sealed class SuspendValidator : AbstractValidator<Suspend>
    {
        public SuspendValidator()
        {
            RuleFor(x => x.Reason).NotNull().WithMessage("请选择中止事由（《公证法》第三十条）。").IsInEnum().WithMessage("未知的中止事由。");
            RuleFor(x => x.Note).NotEmpty().WithMessage("请说明中止计算期限的具体情况。").MaximumLength(1000).NoControlCharacters().WithName("说明");
        }
    }

    public sealed class ResumeValidator : AbstractValidator<Resume>
    {
        public ResumeValidator() => RuleFor(x => x.Note).MaximumLength(1000).NoControlCharacters().WithName("说明");
    }

    public sealed class IssueValidator : AbstractValidator<Issue>
    {
        public IssueValidator()
        {
            RuleFor(x => x.CertificateNumber).NotEmpty().WithMessage("请填写公证书编号。").MaximumLength(64).NoControlCharacters().WithName("公证书编号");
            RuleFor(x => x.Fee).NotNull().WithMessage("请填写收取的公证费。");
            RuleFor(x => x.Delivery).NotNull().WithMessage("请选择领取方式。").IsInEnum().WithMessage("未知的领取方式。");
        }
    }

    public sealed class RefuseValidator : AbstractValidator<Refuse>
    {
        public RefuseValidator()
        {
            RuleFor(x => x.Ground).NotNull().WithMessage("请选择《公证法》第三十一条规定的情形。");
            RuleFor(x => x.Reason).NotEmpty().WithMessage("请说明不予办理的理由。").MaximumLength(2000).NoControlCharacters().WithName("理由");
        }
    }

    public sealed class VisitValidator : AbstractValidator<Visit>
    {
        public VisitValidator() => RuleFor(x => x.Purpose).NotEmpty().WithMessage("请填写到场事由。").MaximumLength(500).NoControlCharacters().WithName("到场事由");
    }
}

/// <summary>The notarization actions as the case API runs them.</summary>
public static class NotarizationActions
{
    private static CaseActionService.ExternalAction Sync<T>(string action, Action<CaseActionService.Scope, T> run) =>
        Mediation.MediationActions.Action<T>(action, (s, r, _) =>
        {
            run(s, r);
            return Task.CompletedTask;
        });

    public static readonly IReadOnlyList<CaseActionService.ExternalAction> All =
    [
        Sync<NotarizationActionRequests.PreReviewPass>(ServiceActions.PreReviewPass, (s, r) => s.Case.PreReviewPass(s.Ctx, r.Note)),
        Sync<NotarizationActionRequests.RequestMaterials>(ServiceActions.RequestNotaryMaterials, (s, r) =>
            s.Case.RequestNotaryMaterials(s.Ctx, r.Missing!, s.Services.GetRequiredService<Farun.Features.Services.ServiceRules>())),
        Sync<NotarizationActionRequests.MaterialsSupplied>(ServiceActions.MaterialsSupplied, (s, r) => s.Case.MaterialsSupplied(s.Ctx, r.Note)),
        Sync<NotarizationActionRequests.Accept>(ServiceActions.AcceptNotarization, (s, _) => s.Case.AcceptNotarization(s.Ctx)),
        Sync<NotarizationActionRequests.Suspend>(ServiceActions.SuspendClock, (s, r) => s.Case.SuspendClock(s.Ctx, r.Reason!.Value, r.Note!)),
        Sync<NotarizationActionRequests.Resume>(ServiceActions.ResumeClock, (s, r) => s.Case.ResumeClock(s.Ctx, r.Note)),
        Sync<NotarizationActionRequests.Issue>(ServiceActions.IssueCertificate, (s, r) =>
            s.Case.IssueCertificate(s.Ctx, r.CertificateNumber!, r.Fee!.Value, r.Delivery!.Value, r.SameVisit, NotaryCatalog.Find(s.Case.Notarization!.MatterCode)!.Fee)),
        Sync<NotarizationActionRequests.Refuse>(ServiceActions.RefuseNotarization, (s, r) => s.Case.RefuseNotarization(s.Ctx, r.Ground!.Value, r.Reason!)),
        Sync<NotarizationActionRequests.Visit>(ServiceActions.RecordVisit, (s, r) => s.Case.RecordVisit(s.Ctx, r.Purpose!)),
    ];

    public static NotarizationDto ToDto(NotarizationDetails d, IReadOnlyList<NotaryBooking> bookings) =>
        new(d.MatterCode, d.MatterName, d.Purpose, d.Copies, d.MaterialsSubmitted, d.LegalAidEligible, d.OneVisitMatter,
            d.PreReviewedAt, d.MaterialsRequested, d.AcceptedOn, d.SuspensionReason, d.RemainingWorkingDays,
            d.SuspendedWorkingDays, d.CertificateNumber, d.IssuedOn, d.Fee, d.FeeBasis, d.Delivery, d.RefusalGround, d.VisitCount,
            [.. bookings.OrderBy(b => b.StartsAt).Select(b => new BookingDto(b.SlotId, b.Kind, b.Kind.DisplayName(), b.StartsAt, b.Address, b.Note))]);
}

/// <summary>
/// Catalogue, slots and bookings: GET /api/notarization/matters (public), GET /api/notarization/slots (free slots),
/// POST /api/notarization/slots (notaries and managers open slots), POST /api/cases/{id}/notarization/booking (the applicant
/// or staff books a free slot; a slot is booked once, whatever the concurrency), GET /api/notarization/stats (managers:
/// issued, on time, and the measured 最多跑一次 rate).
/// </summary>
public static class NotaryEndpoints
{
    /// <summary>Opens <paramref name="Count"/> consecutive slots of <paramref name="Minutes"/> from <paramref name="StartsAt"/>, each
    /// bookable by <paramref name="Capacity"/> applicants at once (one slot per applicant; default 1).</summary>
    public sealed record OpenSlots(Guid? ServicePointId, DateTimeOffset? StartsAt, int? Minutes, int? Count, SlotKind? Kind, int? Capacity = null);

    public sealed record Book(Guid? SlotId, string? Address, string? Note);

    public sealed record StatsRow(string Key, string Name, int Issued, int OneVisit, decimal? OneVisitRate, int OnTime, decimal? OnTimeRate);

    public sealed record Stats(StatsRow Total, IReadOnlyList<StatsRow> ByMatter, IReadOnlyDictionary<string, string> Definitions);

    public sealed class OpenSlotsValidator : AbstractValidator<OpenSlots>
    {
        public OpenSlotsValidator()
        {
            RuleFor(x => x.ServicePointId).NotNull().WithMessage("请选择公证机构所在服务点。");
            RuleFor(x => x.StartsAt).NotNull().WithMessage("请填写开始时间。");
            RuleFor(x => x.Minutes).InclusiveBetween(10, 480).When(x => x.Minutes is not null).WithMessage("每个时段须在10到480分钟之间。");
            RuleFor(x => x.Count).InclusiveBetween(1, 50).When(x => x.Count is not null).WithMessage("一次最多开放50个时段。");
            RuleFor(x => x.Kind).IsInEnum().When(x => x.Kind is not null).WithMessage("未知的时段类型。");
            RuleFor(x => x.Capacity).InclusiveBetween(1, 10).When(x => x.Capacity is not null).WithMessage("每个时段可预约人数须在1到10人之间。");
            RuleFor(x => x).Must(x => (x.Count ?? 1) * (x.Capacity ?? 1) <= 100).OverridePropertyName("count").WithMessage("一次最多开放100个预约名额（时段数 × 每时段人数）。");
        }
    }

    public sealed class BookValidator : AbstractValidator<Book>
    {
        public BookValidator()
        {
            RuleFor(x => x.SlotId).NotNull().WithMessage("请选择预约时段。");
            RuleFor(x => x.Address).MaximumLength(200).NoControlCharacters().WithName("地点");
            RuleFor(x => x.Note).MaximumLength(500).NoControlCharacters().WithName("说明");
        }
    }

    public static readonly IReadOnlyDictionary<string, string> Definitions = new Dictionary<string, string>
    {
        ["oneVisitRate"] = "“最多跑一次”率 = 出具公证书时申请人到场不超过一次的件数 ÷ 已出具公证书件数 × 100%（到场次数按受理、补交原件、领取公证书等每次到场登记；邮寄送达不计到场）。",
        ["onTimeRate"] = "按时出证率 = 在《公证法》第三十条规定的十五个工作日内（扣除补充材料、核实、不可抗力所需时间）出具公证书的件数 ÷ 已出具公证书件数 × 100%。",
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/notarization/matters", () => TypedResults.Ok(NotaryCatalog.All))
            .AllowAnonymous().WithTags("公证").WithName("NotaryMatters").WithSummary("公证事项目录：所需材料、收费标准（注明依据）、能否一次办结");

        var group = app.MapGroup("/api").WithTags("公证").RequireAuthorization(CasePolicies.CaseAccess);
        group.MapGet("/notarization/slots", async Task<Ok<IReadOnlyList<SlotDto>>> (Guid? servicePointId, SlotKind? kind, FarunDbContext db, TimeProvider time, CancellationToken ct) =>
            {
                var now = time.GetUtcNow().ToUniversalTime();
                var q = db.NotarySlots.AsNoTracking().Where(s => s.StartsAt > now && !db.NotaryBookings.Any(b => b.SlotId == s.Id));
                if (servicePointId is { } sp)
                    q = q.Where(s => s.ServicePointId == sp);
                if (kind is { } k)
                    q = q.Where(s => s.Kind == k);
                var slots = await q.OrderBy(s => s.StartsAt).Take(200).ToListAsync(ct);
                return TypedResults.Ok<IReadOnlyList<SlotDto>>([.. slots.Select(s => new SlotDto(s.Id, s.ServicePointId, s.StartsAt, s.EndsAt, s.Kind, s.Kind.DisplayName()))]);
            })
            .WithName("FreeNotarySlots").WithSummary("可预约的公证时段（窗口、上门办证、现场监督）");
        group.MapPost("/notarization/slots", async Task<Ok<IReadOnlyList<SlotDto>>> (OpenSlots r, OpenNotarySlots slots, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await slots.HandleAsync(r, http.User, ct)))
            .Validate<OpenSlots>().WithName("OpenNotarySlots").WithSummary("开放预约时段（公证员、管理人员）");
        group.MapPost("/cases/{id:guid}/notarization/booking", async Task<Ok<BookingDto>> (Guid id, Book r, BookNotarySlot booking, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await booking.HandleAsync(id, r, http.User, ct)))
            .Validate<Book>().WithName("BookNotarySlot").WithSummary("预约公证时段：窗口办理、上门办证或现场监督（同一时段只能预约一次）")
            .ProducesProblem(StatusCodes.Status409Conflict);

        app.MapGet("/api/notarization/stats", async Task<Ok<Stats>> (FarunDbContext db, CaseAccess access, HttpContext http, CancellationToken ct) =>
            {
                var scope = await access.ScopeAsync(http.User, ct);
                var issued = await access.Visible(scope).Where(c => c.Type == CaseType.Notarization && c.State == CaseState.NotaryIssued)
                    .Join(db.NotarizationDetails, c => c.Id, d => d.CaseId, (c, d) => new
                    {
                        d.MatterCode,
                        d.MatterName,
                        d.VisitCount,
                        OnTime = db.CaseClocks.Where(k => k.CaseId == c.Id && k.Purpose == ClockPurpose.NotarizationIssue).All(k => k.MetOnTime != false),
                    })
                    .ToListAsync(ct);
                StatsRow Row(string key, string name, IReadOnlyCollection<(int Visits, bool OnTime)> g) =>
                    new(key, name, g.Count, g.Count(x => x.Visits <= 1), g.Count == 0 ? null : Math.Round(100m * g.Count(x => x.Visits <= 1) / g.Count, 1),
                        g.Count(x => x.OnTime), g.Count == 0 ? null : Math.Round(100m * g.Count(x => x.OnTime) / g.Count, 1));
                return TypedResults.Ok(new Stats(
                    Row("total", "合计", [.. issued.Select(x => (x.VisitCount, x.OnTime))]),
                    [.. issued.GroupBy(x => (x.MatterCode, x.MatterName)).OrderBy(g => g.Key.MatterCode, StringComparer.Ordinal)
                        .Select(g => Row(g.Key.MatterCode, g.Key.MatterName, [.. g.Select(x => (x.VisitCount, x.OnTime))]))],
                    Definitions));
            })
            .RequireAuthorization(Policies.Management).WithTags("公证").WithName("NotaryStats").WithSummary("公证统计：出证数、“最多跑一次”率、按时出证率（附口径）");
    }
}
