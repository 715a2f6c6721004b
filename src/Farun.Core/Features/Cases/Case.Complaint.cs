using Farun.Common.Calendar;
using Farun.Features.Complaints;
using Farun.Features.Services;

namespace Farun.Features.Cases;

/// <summary>Complaints and petitions (投诉、信访) transitions; see <see cref="ComplaintWorkflow"/>.</summary>
public sealed partial class Case
{
    /// <summary>Link kind from a complaint to a case of the person complained about.</summary>
    public const string ComplaintAboutLink = "ComplaintAbout";

    public ComplaintDetails? Complaint { get; private set; }

    /// <summary>
    /// Receives a complaint or petition about a lawyer, notary, mediator or staff member, linked to the subject's cases it
    /// concerns; the configured reply period starts (its source is named in the clock).
    /// </summary>
    public static Case OpenComplaint(CaseContext ctx, string number, CaseChannel channel, Guid servicePointId, ComplaintIntake intake,
        IReadOnlyList<Case> subjectCases, ServiceRules rules)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(subjectCases);
        ArgumentNullException.ThrowIfNull(rules);
        RequireText("complaint.content", intake.Content, "请填写投诉内容。");
        RequireText("complaint.subject", intake.Subject.Name, "请选择被投诉人。");
        if (!Enum.IsDefined(intake.Kind))
            throw new CaseFieldException("complaint.kind", "未知的类别（投诉或信访）。");
        var c = new Case(CaseType.Complaint, number, channel, servicePointId, ctx, CaseState.ComplaintReceived);
        c.Complaint = new ComplaintDetails(c.Id, intake);
        c.Summary = $"{intake.Kind.DisplayName()}{intake.Subject.Kind.DisplayName()}{intake.Subject.Name.Trim()}：{Shorten(intake.Content, 40)}";
        foreach (var about in subjectCases.DistinctBy(x => x.Id))
        {
            c.LinksFrom.Add(new CaseLink(c.Id, about.Id, ComplaintAboutLink, ctx.Now));
            c.AddEvent(ctx, CaseEventKind.Link, null, null, null, $"涉及{about.Type.DisplayName()} {about.Number}");
        }

        var p = rules.ComplaintReply;
        c.StartClock(ctx, ClockPurpose.ComplaintReply, Deadline.Compute(ctx.Calendar, p.Kind, p.Days, ctx.Today, p.Source));
        return c;
    }

    /// <summary>Starts the investigation (核查); the reply clock keeps running.</summary>
    public void InvestigateComplaint(CaseContext ctx, string note)
    {
        Ensure(ServiceActions.Investigate);
        RequireText("note", note, "请填写核查安排（如调取案卷、询问被投诉人）。");
        var d = RequireComplaint();
        d.InvestigationNote = note.Trim();
        d.InvestigationStartedAt = ctx.Now;
        var clock = RunningClock;
        MoveTo(ServiceActions.Investigate, ctx, $"开始核查：{note.Trim()}");
        if (clock is not null)
        {
            // The state change stopped the reply clock; the reply period is one period from receipt, so it runs on unchanged.
            StartClock(ctx, ClockPurpose.ComplaintReply, clock.ToDeadline());
        }
    }

    /// <summary>Replies to the complainant with the finding, and the measures taken when the complaint is (partly) substantiated; closes the complaint.</summary>
    public void ReplyComplaint(CaseContext ctx, ComplaintOutcome outcome, string reply, string? measures)
    {
        Ensure(ServiceActions.ReplyComplaint);
        RequireText("reply", reply, "请填写答复投诉人的内容。");
        if (!Enum.IsDefined(outcome))
            throw new CaseFieldException("outcome", "请选择核查结论：属实、部分属实或不属实。");
        if (outcome != ComplaintOutcome.Unsubstantiated && string.IsNullOrWhiteSpace(measures))
            throw new CaseFieldException("measures", "投诉属实或部分属实的，请填写对被投诉人的处理措施。");
        var d = RequireComplaint();
        d.Outcome = outcome;
        d.Reply = reply.Trim();
        d.Measures = string.IsNullOrWhiteSpace(measures) ? null : measures.Trim();
        d.RepliedOn = ctx.Today;
        d.RepliedByName = ctx.Actor.Name;
        MoveTo(ServiceActions.ReplyComplaint, ctx, $"答复投诉人（核查结论：{outcome.DisplayName()}）：{reply.Trim()}{(d.Measures is null ? "" : "；处理措施：" + d.Measures)}");
    }

    private ComplaintDetails RequireComplaint() => Complaint ?? throw new InvalidOperationException("The complaint data was not loaded.");
}
