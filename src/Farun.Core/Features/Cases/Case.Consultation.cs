using Farun.Common.Calendar;
using Farun.Features.Consultations;

namespace Farun.Features.Cases;

/// <summary>Who handles a case from intake, and how they were chosen.</summary>
public sealed record CaseHandler(Guid UserId, string Name, string How);

/// <summary>Consultation (法律咨询) transitions; see <see cref="ConsultationWorkflow"/>.</summary>
public sealed partial class Case
{
    /// <summary>Opens a consultation. With an answer it is answered at once (the usual hotline call); otherwise the
    /// configured reply period starts (<see cref="CaseRules.ConsultationReply"/>).</summary>
    public static Case OpenConsultation(CaseContext ctx, string number, CaseChannel channel, Guid servicePointId, ConsultationIntake intake, CaseHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(intake);
        RequireText("consultation.question", intake.Question, "请填写咨询问题。");
        var c = new Case(CaseType.Consultation, number, channel, servicePointId, ctx, CaseState.Open);
        c.Consultation = new ConsultationDetails(c.Id, intake.Question.Trim(), intake.Domain);
        c.Summary = $"{intake.Domain.DisplayName()}：{Shorten(intake.Question, 60)}";
        if (handler is not null)
            c.AssignAtIntake(ctx, handler);
        if (intake.Answer is { } answer)
        {
            c.Answer(ctx, answer);
        }
        else
        {
            var period = ctx.Rules.ConsultationReply;
            c.StartClock(ctx, ClockPurpose.ConsultationReply, Deadline.Compute(ctx.Calendar, period.Kind, period.Days, ctx.Today, period.Source));
        }

        return c;
    }

    public void Answer(CaseContext ctx, ConsultationAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        Ensure(CaseActions.Answer);
        RequireText("answerSummary", answer.Summary, "请填写解答要点。");
        if (answer.DurationMinutes is < 0 or > 600)
            throw new CaseFieldException("durationMinutes", "咨询时长须在0到600分钟之间。");
        Consultation!.SetAnswer(answer, ctx.Now, ctx.Actor.Name);
        var resolved = answer.Citations.Count(c => c.Url is not null);
        MoveTo(CaseActions.Answer, ctx, answer.Citations.Count == 0 ? "已解答" : $"已解答，引用法条{answer.Citations.Count}条（可链接{resolved}条）");
    }

    /// <summary>Closes the case without further work: a consultation that needs no answer, a refused legal-aid application once filed.</summary>
    public void Close(CaseContext ctx, string reason)
    {
        Ensure(CaseActions.Close);
        RequireText("reason", reason, "请填写办结说明。");
        Consultation?.SetClosed(reason.Trim());
        MoveTo(CaseActions.Close, ctx, reason.Trim());
    }

    /// <summary>
    /// Turns this consultation into <paramref name="target"/> (a new case of another type): the applicant and other
    /// parties are carried over, both cases are linked and each timeline says so.
    /// </summary>
    public CaseLink ConvertInto(CaseContext ctx, Case target)
    {
        ArgumentNullException.ThrowIfNull(target);
        Ensure(CaseActions.Convert);
        if (target.Type == CaseType.Consultation)
            throw new CaseFieldException("type", "咨询只能转为法律援助等其他服务事项。");
        if (target.Id == Id)
            throw new CaseFieldException("type", "不能转为自身。");
        target.CopyPartiesFrom(this);
        Consultation!.SetConverted(target.Id);
        var link = new CaseLink(Id, target.Id, CaseLink.ConvertedInto, ctx.Now);
        LinksFrom.Add(link);
        MoveTo(CaseActions.Convert, ctx, $"转为{target.Type.DisplayName()} {target.Number}");
        target.AddEvent(ctx, CaseEventKind.Link, null, null, null, $"由法律咨询 {Number} 转入");
        return link;
    }

    /// <summary>Links that start at this case (e.g. the consultation → the legal-aid case it became).</summary>
    public List<CaseLink> LinksFrom { get; private set; } = [];
}
