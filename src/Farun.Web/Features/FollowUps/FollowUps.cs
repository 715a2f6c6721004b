using System.Security.Claims;
using Farun.Common.Calendar;
using Farun.Data;
using Farun.Features.Cases;
using Farun.Features.FollowUps;
using Farun.Features.Identity;
using Farun.Features.Services;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Farun.Web.Features.Cases;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.FollowUps;

public sealed record FollowUpDto(
    Guid Id, Guid CaseId, string CaseNumber, CaseType CaseType, string CaseTypeName, Guid ServicePointId, string ServicePointName,
    string? HandlerName, int Round, DateOnly DueOn, string Basis, bool Overdue, FollowUpStatus Status, string StatusName,
    FollowUpMethod? Method, string? MethodName, SatisfactionLevel? Level, string? LevelName, string? Comment, DateTimeOffset? RatedAt,
    string? RatedByName, int PhoneAttempts, bool MayCall);

public sealed record RectificationDto(
    Guid Id, Guid FollowUpId, Guid CaseId, string CaseNumber, Guid ServicePointId, string ServicePointName, string? ResponsibleName, int Round,
    string Problem, DateOnly DueOn, string Basis, bool Overdue, string? Measures, DateTimeOffset? CompletedAt, string? CompletedByName, bool CompletedOnTime);

public sealed record RatingResult(FollowUpDto FollowUp, RectificationDto? Rectification);

public sealed record QualityReviewDto(
    Guid Id, Guid CaseId, string CaseNumber, CaseType CaseType, string CaseTypeName, string ServicePointName, string? HandlerName, string Batch,
    DateTimeOffset SampledAt, int? Score, string? Breakdown, string? Comment, string? ReviewerName, DateTimeOffset? ReviewedAt,
    IReadOnlyList<Farun.Features.LegalAid.QualityCriterion> Criteria, string StandardSource);

/// <summary>Schedules the first follow-up of a case that has just finished (called by every path that finishes a case).</summary>
public sealed class FollowUpScheduler(FarunDbContext db, ServiceRules rules)
{
    public async Task OnChangedAsync(Case c, bool wasOpen, CaseContext ctx, CancellationToken ct)
    {
        if (!wasOpen || c.IsOpen || !Satisfaction.FollowsUp(c.State))
            return;
        // A refused legal-aid application can come back through an objection and finish again: one first follow-up per case
        // (a case being created has none yet).
        if (db.Entry(c).State != EntityState.Added && await db.FollowUps.AnyAsync(f => f.CaseId == c.Id && f.Round == 1, ct))
            return;
        db.FollowUps.Add(FollowUp.ForClosure(c, ctx, rules));
    }
}

/// <summary>Who sees which follow-ups, rectifications and reviews: the service points of the caller's scope (a manager's
/// subtree); the 12348 hotline agents call back district-wide; a handler sees the rectifications they are responsible for.</summary>
public sealed class FollowUpAccess(CaseAccess access, ServicePointDirectory directory)
{
    public sealed record Caller(CallerScope Scope, bool DistrictWide, ServicePointDirectory.Snapshot Points);

    public async Task<Caller> CallerAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(user, ct);
        if (scope.Kind is not (ScopeKind.Staff or ScopeKind.Manager))
            throw new ForbiddenException("只有工作人员可以办理回访。");
        return new Caller(scope, scope.Actor.Is(Roles.HotlineAgent), await directory.GetAsync(ct));
    }

    public static IQueryable<FollowUp> Visible(IQueryable<FollowUp> q, Caller c)
    {
        if (c.DistrictWide)
            return q;
        var points = c.Scope.ServicePointIds;
        return q.Where(f => points.Contains(f.ServicePointId));
    }

    public static IQueryable<Rectification> Visible(IQueryable<Rectification> q, Caller c)
    {
        var points = c.Scope.ServicePointIds;
        var me = c.Scope.UserId;
        return q.Where(r => points.Contains(r.ServicePointId) || r.ResponsibleId == me);
    }
}

/// <summary>
/// Follow-up and satisfaction (回访、好差评): GET /api/follow-ups, POST /api/follow-ups/{id}/rating (phone, not by the handler),
/// POST /api/follow-ups/{id}/no-answer, POST /api/follow-ups/{id}/link (an online rating link), GET and POST /api/ratings/{token}
/// (anonymous, the person served), GET /api/rectifications, POST /api/rectifications/{id}/complete (schedules the next
/// follow-up), quality sampling and review under /api/quality, and GET /api/satisfaction (the rate with its definition).
/// </summary>
public static partial class FollowUpEndpoints
{
    /// <summary>A quality-review batch: a year and month, e.g. 2026-11.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])$")]
    public static partial System.Text.RegularExpressions.Regex BatchFormat();

    private const string BatchFormatMessage = "抽查批次须为年月，如2026-11。";

    public sealed record Rate(SatisfactionLevel? Level, string? Comment);

    public sealed record Complete(string? Measures);

    public sealed record Sample(string? Batch, decimal? Rate);

    public sealed record Review(IReadOnlyDictionary<string, int>? Scores, string? Comment);

    public sealed class RateValidator : AbstractValidator<Rate>
    {
        public RateValidator()
        {
            RuleFor(x => x.Level).NotNull().WithMessage("请选择评价等级：非常满意、满意、基本满意、不满意、非常不满意。").IsInEnum().WithMessage("未知的评价等级。");
            RuleFor(x => x.Comment).MaximumLength(2000).NoControlCharacters().WithName("评价意见");
        }
    }

    public sealed class CompleteValidator : AbstractValidator<Complete>
    {
        public CompleteValidator() => RuleFor(x => x.Measures).NotEmpty().WithMessage("请填写整改措施。").MaximumLength(2000).NoControlCharacters().WithName("整改措施");
    }

    public sealed class SampleValidator : AbstractValidator<Sample>
    {
        public SampleValidator()
        {
            RuleFor(x => x.Batch).Matches(BatchFormat()).When(x => x.Batch is not null).WithMessage(BatchFormatMessage);
            RuleFor(x => x.Rate).InclusiveBetween(0.01m, 1m).When(x => x.Rate is not null).WithMessage("抽查比例须在1%到100%之间（填0.01到1）。");
        }
    }

    public sealed class ReviewValidator : AbstractValidator<Review>
    {
        public ReviewValidator()
        {
            RuleFor(x => x.Scores).NotEmpty().WithMessage("请按评查标准逐项评分。");
            RuleFor(x => x.Comment).MaximumLength(2000).NoControlCharacters().WithName("评查意见");
        }
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api").WithTags("回访与好差评").RequireAuthorization(Policies.CaseWork);
        staff.MapGet("/follow-ups", async Task<Ok<IReadOnlyList<FollowUpDto>>> (FollowUpStatus? status, FollowUpService service, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(http.User, status, ct)))
            .WithName("ListFollowUps").WithSummary("回访任务（本人服务点；12348坐席全区），按回访期限排序");
        staff.MapPost("/follow-ups/{id:guid}/rating", async Task<Ok<RatingResult>> (Guid id, Rate r, FollowUpService service, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await service.RateByPhoneAsync(http.User, id, r, ct)))
            .Validate<Rate>().WithName("RecordFollowUpRating").WithSummary("记录电话回访的评价（五级）；不满意及以下自动生成整改任务")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/follow-ups/{id:guid}/no-answer", async Task<Ok<FollowUpDto>> (Guid id, FarunDbContext db, FollowUpAccess access, AuditLog audit, TimeProvider time, HttpContext http, CancellationToken ct) =>
            {
                var caller = await access.CallerAsync(http.User, ct);
                var f = await FollowUpAccess.Visible(db.FollowUps, caller).FirstOrDefaultAsync(x => x.Id == id, ct)
                    ?? throw new NotFoundException("未找到该回访任务，或无权查看。");
                if (!f.MayCall(caller.Scope.Actor))
                    throw new ForbiddenException("回访须由承办人以外的工作人员进行。");
                Run(() => f.RecordNoAnswer(caller.Scope.Actor));
                audit.Record("followup.no-answer", "Case", f.CaseId, new { f.CaseNumber, f.Round, f.PhoneAttempts, status = f.Status.ToString() });
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(ToDto(f, caller, ChinaTime.DateOf(time.GetUtcNow())));
            })
            .WithName("RecordFollowUpNoAnswer").WithSummary("登记回访电话未接通（三次未接通视为无法回访，不计入满意率）");
        staff.MapPost("/follow-ups/{id:guid}/link", async Task<Ok<RatingLink>> (Guid id, FollowUpService service, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await service.IssueLinkAsync(http.User, id, ct)))
            .WithName("IssueRatingLink").WithSummary("生成网上评价链接（以短信发送给服务对象；重新生成后旧链接失效）");

        app.MapGet("/api/ratings/{token}", async Task<Ok<RatingView>> (string token, FollowUpService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ViewLinkAsync(token, ct)))
            .AllowAnonymous().WithTags("回访与好差评").WithName("GetRatingLink").WithSummary("网上评价：评价对象（不含个人信息）");
        app.MapPost("/api/ratings/{token}", async Task<Ok<RatingDone>> (string token, Rate r, FollowUpService service, CancellationToken ct) =>
                TypedResults.Ok(await service.RateOnlineAsync(token, r, ct)))
            .AllowAnonymous().Validate<Rate>().WithTags("回访与好差评").WithName("RateOnline").WithSummary("网上评价：提交五级评价（链接一次有效）");

        staff.MapGet("/rectifications", async Task<Ok<IReadOnlyList<RectificationDto>>> (bool? open, FollowUpService service, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await service.ListRectificationsAsync(http.User, open, ct)))
            .WithName("ListRectifications").WithSummary("差评整改任务（本人负责的、本服务点的）");
        staff.MapPost("/rectifications/{id:guid}/complete", async Task<Ok<RatingResult>> (Guid id, Complete r, FollowUpService service, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await service.CompleteAsync(http.User, id, r, ct)))
            .Validate<Complete>().WithName("CompleteRectification").WithSummary("完成差评整改并安排再次回访")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        var management = app.MapGroup("/api").WithTags("回访与好差评").RequireAuthorization(Policies.Management);
        management.MapPost("/quality/samples", async Task<Ok<IReadOnlyList<QualityReviewDto>>> (Sample r, QualityService quality, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await quality.SampleAsync(http.User, r, ct)))
            .Validate<Sample>().WithName("SampleForQualityReview").WithSummary("随机抽取已办结事项进行质量评查（比例及依据见配置）");
        management.MapGet("/quality/reviews", async Task<Ok<IReadOnlyList<QualityReviewDto>>> (string? batch, QualityService quality, HttpContext http, CancellationToken ct) =>
            {
                // The same form as a sample's batch; anything else (e.g. a NUL, which PostgreSQL refuses) is the caller's error.
                if (batch is not null && !BatchFormat().IsMatch(batch))
                    throw BadRequestException.ForField("batch", BatchFormatMessage);
                return TypedResults.Ok(await quality.ListAsync(http.User, batch, ct));
            })
            .WithName("ListQualityReviews").WithSummary("质量评查：抽中的事项、评查标准与得分");
        management.MapPost("/quality/reviews/{id:guid}", async Task<Ok<QualityReviewDto>> (Guid id, Review r, QualityService quality, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await quality.ReviewAsync(http.User, id, r, ct)))
            .Validate<Review>().WithName("RecordQualityReview").WithSummary("录入评查得分（法律援助案件计入案件质量得分）");
        management.MapGet("/satisfaction", async Task<Ok<SatisfactionReport>> (DateOnly? from, DateOnly? to, SatisfactionReports reports, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await reports.BuildAsync(http.User, from, to, ct)))
            .WithName("SatisfactionReport").WithSummary("满意率（附统计口径）：按服务点、按工作人员；差评整改与再次回访；质量评查");
    }

    public sealed record RatingLink(string Url, string Token);

    public sealed record LevelOption(SatisfactionLevel Level, string Name);

    public sealed record RatingView(string CaseNumber, string ServiceName, string ServicePointName, IReadOnlyList<LevelOption> Levels);

    public sealed record RatingDone(string Level, bool RectificationOpened);

    public static readonly IReadOnlyList<LevelOption> Levels =
        [.. Enum.GetValues<SatisfactionLevel>().OrderByDescending(l => l).Select(l => new LevelOption(l, l.DisplayName()))];

    public static Farun.Features.LegalAid.QualityStandard StandardFor(CaseType type, ServiceRules rules, CaseRules caseRules) =>
        type == CaseType.LegalAid ? caseRules.Quality : rules.ReviewStandard;

    public static FollowUpDto ToDto(FollowUp f, FollowUpAccess.Caller caller, DateOnly today) =>
        new(f.Id, f.CaseId, f.CaseNumber, f.CaseType, f.CaseType.DisplayName(), f.ServicePointId, caller.Points.Name(f.ServicePointId),
            f.HandlerName, f.Round, f.DueOn, f.Basis, f.IsOverdueOn(today), f.Status, f.Status.DisplayName(), f.Method, f.Method?.DisplayName(),
            f.Level, f.Level?.DisplayName(), f.Comment, f.RatedAt, f.RatedByName, f.PhoneAttempts, f.Status == FollowUpStatus.Pending && f.MayCall(caller.Scope.Actor));

    public static RectificationDto ToDto(Rectification r, ServicePointDirectory.Snapshot points, DateOnly today) =>
        new(r.Id, r.FollowUpId, r.CaseId, r.CaseNumber, r.ServicePointId, points.Name(r.ServicePointId), r.ResponsibleName, r.Round, r.Problem,
            r.DueOn, r.Basis, r.IsOpen && today > r.DueOn, r.Measures, r.CompletedAt, r.CompletedByName, r.CompletedOnTime);

    internal static QualityReviewDto ToDto(QualityReview q, ServicePointDirectory.Snapshot points, ServiceRules rules, CaseRules caseRules)
    {
        var standard = StandardFor(q.CaseType, rules, caseRules);
        return new(q.Id, q.CaseId, q.CaseNumber, q.CaseType, q.CaseType.DisplayName(), points.Name(q.ServicePointId), q.HandlerName, q.Batch, q.SampledAt,
            q.Score, q.Breakdown, q.Comment, q.ReviewerName, q.ReviewedAt, standard.Criteria, standard.Source);
    }

    internal static async Task<RatingResult> SaveRatingAsync(FarunDbContext db, AuditLog audit, FollowUp f, Rectification? rect,
        ServicePointDirectory.Snapshot points, FollowUpAccess.Caller caller, CaseContext ctx, CancellationToken ct)
    {
        if (rect is not null)
            db.Rectifications.Add(rect);
        audit.Record("followup.rated", "Case", f.CaseId, new { f.CaseNumber, f.Round, level = f.Level.ToString(), rectification = rect?.Id });
        await SaveAsync(db, ct);
        return new RatingResult(ToDto(f, caller, ctx.Today), rect is null ? null : ToDto(rect, points, ctx.Today));
    }

    internal static async Task<FollowUp> FindByTokenAsync(FarunDbContext db, string token, CancellationToken ct)
    {
        var hash = token.Length is > 0 and <= 64 ? Satisfaction.HashToken(token) : "";
        return await db.FollowUps.FirstOrDefaultAsync(f => f.LinkTokenHash == hash && f.Status == FollowUpStatus.Pending, ct)
            ?? throw new NotFoundException("评价链接无效或已使用。");
    }

    internal static async Task SaveAsync(FarunDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("该记录已被他人更新，请刷新后重试。", []);
        }
    }

    internal static T Run<T>(Func<T> action)
    {
        try
        {
            return CaseErrors.Run(action);
        }
        catch (FollowUpStateException e)
        {
            throw new ConflictException(e.Message, []);
        }
    }

    internal static void Run(Action action) => Run(() =>
    {
        action();
        return true;
    });
}

/// <summary>The follow-up use cases, shared by the API and the staff pages.</summary>
public sealed class FollowUpService(
    FarunDbContext db, FollowUpAccess access, ServicePointDirectory directory, ServiceRules rules, CaseRules caseRules, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<FollowUpDto>> ListAsync(ClaimsPrincipal user, FollowUpStatus? status, CancellationToken ct)
    {
        var caller = await access.CallerAsync(user, ct);
        var q = FollowUpAccess.Visible(db.FollowUps.AsNoTracking(), caller);
        if (status is { } s)
            q = q.Where(f => f.Status == s);
        var rows = await q.OrderBy(f => f.DueOn).ThenBy(f => f.CreatedAt).Take(200).ToListAsync(ct);
        var today = ChinaTime.DateOf(time.GetUtcNow());
        return [.. rows.Select(f => FollowUpEndpoints.ToDto(f, caller, today))];
    }

    public async Task<RatingResult> RateByPhoneAsync(ClaimsPrincipal user, Guid id, FollowUpEndpoints.Rate r, CancellationToken ct)
    {
        var caller = await access.CallerAsync(user, ct);
        var f = await FollowUpAccess.Visible(db.FollowUps, caller).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException("未找到该回访任务，或无权查看。");
        if (!f.MayCall(caller.Scope.Actor))
            throw new ForbiddenException("回访须由承办人以外的工作人员进行。");
        var ctx = new CaseContext(caller.Scope.Actor, time.GetUtcNow(), WorkingDayCalendar.China, caseRules);
        var rect = FollowUpEndpoints.Run(() => f.RecordPhoneRating(caller.Scope.Actor, r.Level!.Value, r.Comment, ctx, rules));
        return await FollowUpEndpoints.SaveRatingAsync(db, audit, f, rect, caller.Points, caller, ctx, ct);
    }

    public async Task<FollowUpEndpoints.RatingLink> IssueLinkAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var caller = await access.CallerAsync(user, ct);
        var f = await FollowUpAccess.Visible(db.FollowUps, caller).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException("未找到该回访任务，或无权查看。");
        var token = FollowUpEndpoints.Run(() => f.IssueLink(time.GetUtcNow()));
        audit.Record("followup.link", "Case", f.CaseId, new { f.CaseNumber, f.Round });
        await db.SaveChangesAsync(ct);
        return new FollowUpEndpoints.RatingLink($"/rate/{token}", token);
    }

    public async Task<FollowUpEndpoints.RatingView> ViewLinkAsync(string token, CancellationToken ct)
    {
        var f = await FollowUpEndpoints.FindByTokenAsync(db, token, ct);
        return new FollowUpEndpoints.RatingView(f.CaseNumber, f.CaseType.DisplayName(), (await directory.GetAsync(ct)).Name(f.ServicePointId), FollowUpEndpoints.Levels);
    }

    public async Task<FollowUpEndpoints.RatingDone> RateOnlineAsync(string token, FollowUpEndpoints.Rate r, CancellationToken ct)
    {
        var f = await FollowUpEndpoints.FindByTokenAsync(db, token, ct);
        var ctx = new CaseContext(CaseActor.System, time.GetUtcNow(), WorkingDayCalendar.China, caseRules);
        var rect = FollowUpEndpoints.Run(() => f.RecordOnlineRating(token, r.Level!.Value, r.Comment, ctx, rules));
        if (rect is not null)
            db.Rectifications.Add(rect);
        audit.Record("followup.rated-online", "Case", f.CaseId, new { f.CaseNumber, f.Round, level = f.Level.ToString(), rectification = rect?.Id });
        await FollowUpEndpoints.SaveAsync(db, ct);
        return new FollowUpEndpoints.RatingDone(f.Level!.Value.DisplayName(), rect is not null);
    }

    public async Task<IReadOnlyList<RectificationDto>> ListRectificationsAsync(ClaimsPrincipal user, bool? open, CancellationToken ct)
    {
        var caller = await access.CallerAsync(user, ct);
        var q = FollowUpAccess.Visible(db.Rectifications.AsNoTracking(), caller);
        if (open is { } o)
            q = o ? q.Where(r => r.CompletedAt == null) : q.Where(r => r.CompletedAt != null);
        var rows = await q.OrderBy(r => r.DueOn).Take(200).ToListAsync(ct);
        var today = ChinaTime.DateOf(time.GetUtcNow());
        return [.. rows.Select(r => FollowUpEndpoints.ToDto(r, caller.Points, today))];
    }

    public async Task<RatingResult> CompleteAsync(ClaimsPrincipal user, Guid id, FollowUpEndpoints.Complete r, CancellationToken ct)
    {
        var caller = await access.CallerAsync(user, ct);
        var rect = await FollowUpAccess.Visible(db.Rectifications, caller).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException("未找到该整改任务，或无权查看。");
        if (rect.ResponsibleId != caller.Scope.UserId && caller.Scope.Kind != ScopeKind.Manager)
            throw new ForbiddenException("整改由承办人或其服务点的管理人员完成。");
        var c = await db.Cases.AsNoTracking().FirstAsync(x => x.Id == rect.CaseId, ct);
        var ctx = new CaseContext(caller.Scope.Actor, time.GetUtcNow(), WorkingDayCalendar.China, caseRules);
        var next = FollowUpEndpoints.Run(() => rect.Complete(c, r.Measures!, ctx, rules));
        db.FollowUps.Add(next);
        audit.Record("followup.rectified", "Case", rect.CaseId, new { rect.CaseNumber, rect.Round, rect.CompletedOnTime, nextRound = next.Round });
        await FollowUpEndpoints.SaveAsync(db, ct);
        return new RatingResult(FollowUpEndpoints.ToDto(next, caller, ctx.Today), FollowUpEndpoints.ToDto(rect, caller.Points, ctx.Today));
    }
}
