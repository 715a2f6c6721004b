using Farun.Common.Calendar;
using Farun.Features.Notarization;
using Farun.Features.Services;

namespace Farun.Features.Cases;

/// <summary>Notarization (公证) transitions; see <see cref="NotarizationWorkflow"/>.</summary>
public sealed partial class Case
{
    /// <summary>第三十条: the certificate is issued within 15 working days of acceptance.</summary>
    public const int NotarizationWorkingDays = 15;

    public const string NotarizationBasis = "《公证法》第三十条：公证机构应当自受理公证申请之日起十五个工作日内向当事人出具公证书；因不可抗力、补充证明材料或者需要核实有关情况的，所需时间不计算在期限内";

    /// <summary>The grounds of 第三十一条 on which a notarization is refused.</summary>
    public static readonly IReadOnlyList<string> RefusalGrounds =
    [
        "无民事行为能力人或者限制民事行为能力人没有监护人代理申请办理公证",
        "当事人与申请公证的事项没有利害关系",
        "申请公证的事项属专业技术鉴定、评估事项",
        "当事人之间对申请公证的事项有争议",
        "当事人虚构、隐瞒事实，或者提供虚假证明材料",
        "当事人提供的证明材料不充分或者拒绝补充证明材料",
        "申请公证的事项不真实、不合法",
        "申请公证的事项违背社会公德",
        "当事人拒绝按照规定支付公证费",
    ];

    public NotarizationDetails? Notarization { get; private set; }

    /// <summary>An application (online with materials for pre-review, or at the window).</summary>
    public static Case OpenNotarization(CaseContext ctx, string number, CaseChannel channel, Guid servicePointId, NotarizationIntake intake)
    {
        ArgumentNullException.ThrowIfNull(intake);
        RequireText("notarization.purpose", intake.Purpose, "请填写公证书用途。");
        if (intake.Copies is < 1 or > 20)
            throw new CaseFieldException("notarization.copies", "公证书份数须在1到20份之间。");
        var c = new Case(CaseType.Notarization, number, channel, servicePointId, ctx, CaseState.NotaryApplied);
        c.Notarization = new NotarizationDetails(c.Id, intake);
        c.Summary = $"{intake.Matter.Name}公证：{Shorten(intake.Purpose, 50)}";
        return c;
    }

    /// <summary>Materials submitted online are complete: the applicant is told to come once, to the booked slot.</summary>
    public void PreReviewPass(CaseContext ctx, string? note)
    {
        Ensure(ServiceActions.PreReviewPass);
        var d = RequireNotarization();
        d.PreReviewedAt = ctx.Now;
        d.PreReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        MoveTo(ServiceActions.PreReviewPass, ctx, $"材料预审通过{(d.PreReviewNote is null ? "" : "：" + d.PreReviewNote)}；请携带原件按预约时间到场，一次办结");
    }

    /// <summary>One notice of everything missing (第二十七条第一款: 提供的证明材料不充分的，公证机构可以要求补充).</summary>
    public void RequestNotaryMaterials(CaseContext ctx, string missing, ServiceRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Ensure(ServiceActions.RequestNotaryMaterials);
        RequireText("missing", missing, "请一次性列明需要补充的全部材料。");
        var d = RequireNotarization();
        d.MaterialsRequested = missing.Trim();
        MoveTo(ServiceActions.RequestNotaryMaterials, ctx, $"一次性告知补正材料：{missing.Trim()}");
        var p = rules.NotaryMaterials;
        StartClock(ctx, ClockPurpose.NotaryMaterials, Deadline.Compute(ctx.Calendar, p.Kind, p.Days, ctx.Today, p.Source));
    }

    public void MaterialsSupplied(CaseContext ctx, string? note)
    {
        Ensure(ServiceActions.MaterialsSupplied);
        MoveTo(ServiceActions.MaterialsSupplied, ctx, string.IsNullOrWhiteSpace(note) ? "申请人已补正材料，待预审" : $"申请人已补正材料：{note.Trim()}");
    }

    /// <summary>受理: the applicant is here (a visit); the 15-working-day period of 第三十条 starts.</summary>
    public void AcceptNotarization(CaseContext ctx)
    {
        Ensure(ServiceActions.AcceptNotarization);
        var d = RequireNotarization();
        d.AcceptedOn = ctx.Today;
        d.VisitCount++;
        MoveTo(ServiceActions.AcceptNotarization, ctx, $"受理公证申请（申请人第{d.VisitCount}次到场）");
        StartClock(ctx, ClockPurpose.NotarizationIssue, Deadline.Compute(ctx.Calendar, DeadlineKind.WorkingDays, NotarizationWorkingDays, ctx.Today, NotarizationBasis));
    }

    /// <summary>Suspends the period for supplementing materials, verification or force majeure (第三十条 但书).</summary>
    public void SuspendClock(CaseContext ctx, SuspensionReason reason, string note)
    {
        Ensure(ServiceActions.SuspendClock);
        RequireText("note", note, "请说明中止计算期限的具体情况。");
        if (!Enum.IsDefined(reason))
            throw new CaseFieldException("reason", "中止事由只能是补充证明材料、核实有关情况或不可抗力（《公证法》第三十条）。");
        var d = RequireNotarization();
        var clock = RunningClock ?? throw new InvalidOperationException("The issue clock was not loaded.");
        d.RemainingWorkingDays = Math.Max(0, clock.ToDeadline().WorkingDaysLeft(ctx.Today, ctx.Calendar));
        d.SuspensionReason = reason;
        d.SuspensionNote = note.Trim();
        d.SuspendedOn = ctx.Today;
        MoveTo(ServiceActions.SuspendClock, ctx, $"因{reason.DisplayName()}中止计算期限（{note.Trim()}），尚余{d.RemainingWorkingDays}个工作日；所需时间不计入期限（《公证法》第三十条）");
    }

    /// <summary>Resumes the period with the working days that were left.</summary>
    public void ResumeClock(CaseContext ctx, string? note)
    {
        Ensure(ServiceActions.ResumeClock);
        var d = RequireNotarization();
        var remaining = d.RemainingWorkingDays ?? NotarizationWorkingDays;
        if (d.SuspendedOn is { } since)
            d.SuspendedWorkingDays += Math.Max(0, ctx.Calendar.WorkingDaysBetween(since, ctx.Today));
        d.RemainingWorkingDays = null;
        d.SuspendedOn = null;
        MoveTo(ServiceActions.ResumeClock, ctx, $"恢复计算期限{(string.IsNullOrWhiteSpace(note) ? "" : "：" + note.Trim())}，尚余{remaining}个工作日");
        StartClock(ctx, ClockPurpose.NotarizationIssue, Deadline.Compute(ctx.Calendar, DeadlineKind.WorkingDays, remaining, ctx.Today,
            $"{NotarizationBasis}（中止后恢复，剩余{remaining}个工作日）"));
    }

    /// <summary>Issues the certificate (第三十二条) with its number and the fee charged (第三十四条; reduced or waived under legal aid).</summary>
    public void IssueCertificate(CaseContext ctx, string certificateNumber, decimal fee, CertificateDelivery delivery, bool sameVisit, decimal standardFee)
    {
        Ensure(ServiceActions.IssueCertificate);
        RequireText("certificateNumber", certificateNumber, "请填写公证书编号。");
        var d = RequireNotarization();
        if (fee < 0)
            throw new CaseFieldException("fee", "公证费不能为负数。");
        if (fee > standardFee * d.Copies)
            throw new CaseFieldException("fee", $"收费超过收费标准（{standardFee:0.##}元/件 × {d.Copies}份，《公证法》第十三条第五项禁止违反规定的收费标准收取公证费）。");
        if (fee < standardFee && !d.LegalAidEligible)
            throw new CaseFieldException("fee", "只有符合法律援助条件的当事人可以减免公证费（《公证法》第三十四条第二款）。");
        d.CertificateNumber = certificateNumber.Trim();
        d.IssuedOn = ctx.Today;
        d.Fee = fee;
        d.FeeBasis = fee < standardFee ? $"{NotaryCatalog.FeeWaiverBasis}；{NotaryCatalog.FeeSource}" : NotaryCatalog.FeeSource;
        d.Delivery = delivery;
        if (delivery == CertificateDelivery.InPerson && !sameVisit)
            d.VisitCount++;
        MoveTo(ServiceActions.IssueCertificate, ctx, $"出具公证书{d.CertificateNumber}，收取公证费{fee:0.00}元，{delivery.DisplayName()}；申请人共到场{d.VisitCount}次");
    }

    /// <summary>Refuses on one of the grounds of 第三十一条 (1-based item).</summary>
    public void RefuseNotarization(CaseContext ctx, int ground, string reason)
    {
        Ensure(ServiceActions.RefuseNotarization);
        RequireText("reason", reason, "请说明不予办理的理由。");
        if (ground < 1 || ground > RefusalGrounds.Count)
            throw new CaseFieldException("ground", "请选择《公证法》第三十一条规定的不予办理情形（第一项至第九项）。");
        var d = RequireNotarization();
        d.RefusalGround = $"《公证法》第三十一条第{ground}项：{RefusalGrounds[ground - 1]}";
        MoveTo(ServiceActions.RefuseNotarization, ctx, $"不予办理公证（{d.RefusalGround}）：{reason.Trim()}");
    }

    /// <summary>The applicant came in person (another visit), e.g. to bring an original.</summary>
    public void RecordVisit(CaseContext ctx, string purpose)
    {
        Ensure(ServiceActions.RecordVisit);
        RequireText("purpose", purpose, "请填写到场事由。");
        var d = RequireNotarization();
        d.VisitCount++;
        MoveTo(ServiceActions.RecordVisit, ctx, $"申请人第{d.VisitCount}次到场：{purpose.Trim()}");
    }

    private NotarizationDetails RequireNotarization() => Notarization ?? throw new InvalidOperationException("The notarization data was not loaded.");
}

/// <summary>Bookings on the timeline.</summary>
public sealed partial class Case
{
    /// <summary>Records a booked appointment, home visit or on-site event on the timeline (no state change).</summary>
    public void RecordBooking(CaseContext ctx, string text)
    {
        Touch(ctx);
        AddEvent(ctx, CaseEventKind.Note, null, null, null, text);
    }
}
