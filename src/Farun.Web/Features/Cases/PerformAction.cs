using System.Security.Claims;
using System.Text.Json;
using Farun.Common.Calendar;
using Farun.Data;
using Farun.Features.Cases;
using Farun.Features.Consultations;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Farun.Web.Features.Lawyers;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using R = Farun.Web.Features.Cases.CaseActionRequests;

namespace Farun.Web.Features.Cases;

/// <summary>
/// Performs an action on a case for a caller: 404 when they cannot see it, 400 for an unknown action, 409 with the
/// caller's allowed actions when the state does not allow it, 403 when the state allows it but not for them, 400 with
/// field errors when the fields are wrong. Every action is audited and committed with its timeline entries.
/// </summary>
public sealed class CaseActionService(
    FarunDbContext db, CaseAccess access, CaseReader reader, CaseRules rules, AuditLog audit, TimeProvider time, IServiceProvider services)
{
    /// <summary>What an action's executor gets: the loaded case, the context, the caller, services and the unit of work.</summary>
    public sealed record Scope(Case Case, CaseContext Ctx, CallerScope Caller, IServiceProvider Services, FarunDbContext Db);

    /// <summary>An action defined by another feature (mediation, notarization, complaints): its fields type and executor.</summary>
    public sealed record ExternalAction(string Action, Type RequestType, Func<Scope, object, CancellationToken, Task> Execute);

    private sealed class ExternalSpec(ExternalAction a) : Spec(a.RequestType)
    {
        public override Task ExecuteAsync(Scope s, object request, CancellationToken ct) => a.Execute(s, request, ct);
    }

    private static Dictionary<string, Spec> With(Dictionary<string, Spec> catalog, IEnumerable<ExternalAction> external)
    {
        foreach (var a in external)
            catalog.Add(a.Action, new ExternalSpec(a));
        return catalog;
    }

    private abstract class Spec(Type requestType)
    {
        public Type RequestType { get; } = requestType;

        public abstract Task ExecuteAsync(Scope s, object request, CancellationToken ct);
    }

    private sealed class Spec<T>(Func<Scope, T, CancellationToken, Task> execute) : Spec(typeof(T))
    {
        public override Task ExecuteAsync(Scope s, object request, CancellationToken ct) => execute(s, (T)request, ct);
    }

    private static Spec<T> Sync<T>(Action<Scope, T> execute) => new((s, r, _) =>
    {
        execute(s, r);
        return Task.CompletedTask;
    });

    private static Spec<T> Async<T>(Func<Scope, T, CancellationToken, Task> execute) => new(execute);

    private static readonly Dictionary<string, Spec> Catalog = With(new(StringComparer.Ordinal)
    {
        [CaseActions.Note] = Sync<R.Note>((s, r) => s.Case.AddNote(s.Ctx, r.Text!)),
        [CaseActions.Assign] = Async<R.Assign>(async (s, r, ct) =>
        {
            var assigner = s.Services.GetRequiredService<CaseAssigner>();
            if (r.AssigneeId is { } id)
            {
                var (uid, name) = await assigner.CheckAssigneeAsync(s.Case, id, "assigneeId", ct);
                s.Case.Assign(s.Ctx, uid, name, "指定分派");
                return;
            }

            var pick = await assigner.PickAsync(s.Case.ServicePointId, s.Case.Type, r.Strategy!.Value, ct)
                ?? throw BadRequestException.ForField("strategy", "该服务点没有可以承办此类事项的工作人员。");
            s.Case.Assign(s.Ctx, pick.UserId, pick.Name, r.Strategy.Value.DisplayName());
        }),
        [CaseActions.Claim] = Sync<R.Claim>((s, _) => s.Case.Claim(s.Ctx)),
        [CaseActions.Reassign] = Async<R.Reassign>(async (s, r, ct) =>
        {
            if (r.AssigneeId is { } id)
            {
                var (uid, name) = await s.Services.GetRequiredService<CaseAssigner>().CheckAssigneeAsync(s.Case, id, "assigneeId", ct);
                s.Case.Reassign(s.Ctx, uid, name, r.Reason!);
            }
            else
            {
                s.Case.Reassign(s.Ctx, null, null, r.Reason!);
            }
        }),
        [CaseActions.Transfer] = Async<R.Transfer>(async (s, r, ct) =>
        {
            var sps = await s.Services.GetRequiredService<ServicePointDirectory>().GetAsync(ct);
            if (!sps.ById.TryGetValue(r.ServicePointId!.Value, out var sp))
                throw BadRequestException.ForField("servicePointId", "未找到该服务点。");
            s.Case.Transfer(s.Ctx, sp.Id, sp.Name, r.Reason!);
        }),
        [CaseActions.ReferOut] = Sync<R.ReferOut>((s, r) => s.Case.ReferOut(s.Ctx, r.Body!.Value, r.Organisation!, r.Reference!, r.Reason!)),
        [CaseActions.Answer] = Async<R.Answer>(async (s, r, ct) =>
        {
            var cited = await s.Services.GetRequiredService<CitationLinker>().LinkAsync(r.Citations, "citations", ct);
            s.Case.Answer(s.Ctx, new ConsultationAnswer(r.AnswerSummary!, cited, r.DurationMinutes));
        }),
        [CaseActions.Close] = Sync<R.Close>((s, r) => s.Case.Close(s.Ctx, r.Reason!)),
        [CaseActions.Convert] = Async<R.Convert>(async (s, r, ct) =>
        {
            var factory = s.Services.GetRequiredService<CreateCase.Handler>();
            var target = await factory.OpenConvertedLegalAidAsync(s.Case, r.LegalAid!, s.Ctx, ct);
            s.Case.ConvertInto(s.Ctx, target);
            s.Services.GetRequiredService<AuditLog>().Record("case.create", "Case", target.Id,
                new { target.Number, type = target.Type.ToString(), channel = target.Channel.ToString(), state = target.State.ToString(), from = s.Case.Number });
        }),
        [CaseActions.RequestMaterials] = Sync<R.RequestMaterials>((s, r) => s.Case.RequestMaterials(s.Ctx, r.Missing!)),
        [CaseActions.Supplement] = Sync<R.Supplement>((s, r) => s.Case.Supplement(s.Ctx, r.Note)),
        [CaseActions.Grant] = Sync<R.Grant>((s, r) => s.Case.Grant(s.Ctx, r.Note)),
        [CaseActions.Refuse] = Sync<R.Refuse>((s, r) => s.Case.Refuse(s.Ctx, r.Reasons!)),
        [CaseActions.GrantPriorAid] = Sync<R.GrantPriorAid>((s, r) => s.Case.GrantPriorAid(s.Ctx, r.Reason!)),
        [CaseActions.RaiseObjection] = Sync<R.RaiseObjection>((s, r) =>
        {
            // Staff record when a written objection reached them; an applicant's own objection is received now.
            if (s.Caller.IsCitizen && r.ReceivedOn is not null)
                throw BadRequestException.ForField("receivedOn", "收到异议的日期由系统记录，请不要填写。");
            s.Case.RaiseObjection(s.Ctx, r.ReceivedOn ?? s.Ctx.Today, r.Text!);
        }),
        [CaseActions.UpholdRefusal] = Sync<R.Decision>((s, r) => s.Case.UpholdRefusal(s.Ctx, r.Reasons!)),
        [CaseActions.OrderCorrection] = Sync<R.Decision>((s, r) => s.Case.OrderCorrection(s.Ctx, r.Reasons!)),
        [CaseActions.AssignLawyer] = Async<R.AssignLawyer>(async (s, r, ct) =>
            s.Case.AssignLawyer(s.Ctx, await ChooseAsync(s, r.LawyerId!.Value, r.ConflictOverrideReason, ct))),
        [CaseActions.ReassignLawyer] = Async<R.ReassignLawyer>(async (s, r, ct) =>
            s.Case.ReassignLawyer(s.Ctx, await ChooseAsync(s, r.LawyerId!.Value, r.ConflictOverrideReason, ct), r.Reason!)),
        [CaseActions.SubmitClosure] = Sync<R.SubmitClosure>((s, r) => s.Case.SubmitClosure(s.Ctx, r.Outcome!.Value, r.Stage!.Value, r.Summary!)),
        [CaseActions.ReturnClosure] = Sync<R.ReturnClosure>((s, r) => s.Case.ReturnClosure(s.Ctx, r.Reason!)),
        [CaseActions.ApproveClosure] = Sync<R.ApproveClosure>((s, r) => s.Case.ApproveClosure(s.Ctx, r.Scores!, r.Note)),
        [CaseActions.Withdraw] = Sync<R.Withdraw>((s, r) => s.Case.Withdraw(s.Ctx, r.Reason!)),
    }, [.. Farun.Web.Features.Mediation.MediationActions.All, .. Farun.Web.Features.Notarization.NotarizationActions.All,
        .. Farun.Web.Features.Complaints.ComplaintActions.All]);

    /// <summary>The fields type of an action, or null for an unknown action.</summary>
    public static Type? RequestTypeOf(string action) => Catalog.TryGetValue(action, out var spec) ? spec.RequestType : null;

    public static IReadOnlyCollection<string> Known => Catalog.Keys;

    private static async Task<LawyerChoice> ChooseAsync(Scope s, Guid lawyerId, string? overrideReason, CancellationToken ct)
    {
        var lawyer = await s.Db.Lawyers.AsNoTracking().FirstOrDefaultAsync(l => l.Id == lawyerId, ct)
            ?? throw BadRequestException.ForField("lawyerId", "未找到该律师。");
        var firm = await s.Db.LawFirms.AsNoTracking().FirstAsync(f => f.Id == lawyer.FirmId, ct);
        var conflicts = await s.Services.GetRequiredService<LawyerConflicts>().CheckAsync(s.Case.Id, [lawyer], ct);
        return new LawyerChoice(lawyer, firm, conflicts[lawyer.Id], overrideReason);
    }

    public async Task<CaseDto> PerformAsync(ClaimsPrincipal user, Guid id, string action, object request, CancellationToken ct)
    {
        var caller = await access.ScopeAsync(user, ct);
        if (!Catalog.TryGetValue(action, out var spec))
            throw BadRequestException.ForField("action", $"未知的操作“{action}”。可用的操作：{string.Join("、", Catalog.Keys)}。");
        if (request.GetType() != spec.RequestType)
            throw new ArgumentException($"Action {action} takes {spec.RequestType.Name}.", nameof(request));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var c = await reader.LoadForUpdateAsync(id, caller, ct);
        if (!c.AvailableActions().Contains(action))
        {
            var allowed = CaseActionPolicy.AllowedFor(c, caller.Actor);
            throw new ConflictException(
                $"该事项当前状态为“{c.State.DisplayName()}”，不能{CaseActions.DisplayName(action)}。" +
                (allowed.Count == 0 ? "您当前没有可执行的操作。" : $"可执行的操作：{string.Join("、", allowed.Select(CaseActions.DisplayName))}。"),
                allowed);
        }

        if (!CaseActionPolicy.IsPermitted(c, action, caller.Actor))
            throw new ForbiddenException($"您无权对该事项执行“{CaseActions.DisplayName(action)}”。");

        if (services.GetService(typeof(IValidator<>).MakeGenericType(spec.RequestType)) is IValidator validator)
        {
            var result = await validator.ValidateAsync(new ValidationContext<object>(request), ct);
            if (!result.IsValid)
                throw new ValidationException(result.Errors);
        }

        var from = c.State;
        var wasOpen = c.IsOpen;
        var ctx = new CaseContext(caller.Actor, time.GetUtcNow(), WorkingDayCalendar.China, rules);
        try
        {
            await spec.ExecuteAsync(new Scope(c, ctx, caller, services, db), request, ct);
        }
        catch (CaseFieldException e)
        {
            throw BadRequestException.ForField(e.Field, e.Message);
        }
        catch (CaseRuleException e)
        {
            throw new ConflictException(e.Message, CaseActionPolicy.AllowedFor(c, caller.Actor));
        }

        await services.GetRequiredService<Farun.Web.Features.FollowUps.FollowUpScheduler>().OnChangedAsync(c, wasOpen, ctx, ct);
        audit.Record($"case.{action}", "Case", c.Id, new { c.Number, action, from = from.ToString(), to = c.State.ToString() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("该事项已被他人更新，请刷新后重试。", []);
        }

        await tx.CommitAsync(ct);
        try
        {
            return await reader.ReadAsync(id, caller, ct);
        }
        catch (NotFoundException)
        {
            // The action moved the case out of the caller's sight (a transfer): answer with what they just did.
            return await reader.ToDtoAsync(c, caller, ct);
        }
    }
}

/// <summary>POST /api/cases/{id}/actions/{action} with that action's fields.</summary>
public static class PerformAction
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/cases/{id:guid}/actions/{action}", async Task<Ok<CaseDto>> (Guid id, string action, HttpRequest http, CaseActionService service,
                Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct) =>
            {
                var type = CaseActionService.RequestTypeOf(action)
                    ?? throw BadRequestException.ForField("action", $"未知的操作“{action}”。可用的操作：{string.Join("、", CaseActionService.Known)}。");
                using var reader = new StreamReader(http.Body);
                var body = await reader.ReadToEndAsync(ct);
                object? request;
                try
                {
                    request = JsonSerializer.Deserialize(string.IsNullOrWhiteSpace(body) ? "{}" : body, type, json.Value.SerializerOptions);
                }
                catch (JsonException e)
                {
                    var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : e.Path.TrimStart('$', '.');
                    throw BadRequestException.ForField(field, string.IsNullOrEmpty(field) ? "请求内容不是有效的JSON。" : $"字段“{field}”的取值无效或格式不正确。");
                }

                return TypedResults.Ok(await service.PerformAsync(http.HttpContext.User, id, action, request ?? throw new BadRequestException("请求内容不能为空。"), ct));
            })
            .WithName("PerformCaseAction")
            .WithSummary("对服务事项执行操作（如 grant、refuse、assign-lawyer）；不允许时返回409及可执行的操作")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
