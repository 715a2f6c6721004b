using Farun.Common.Calendar;

namespace Farun.Features.Mediation;

/// <summary>The statutory rules of people's mediation, each with its article (《中华人民共和国人民调解法》).</summary>
public static class MediationRules
{
    /// <summary>第三十三条第一款: the parties may jointly apply for judicial confirmation within 30 days of the agreement taking effect.</summary>
    public const int ConfirmationWindowDays = 30;

    public const string ConfirmationWindowBasis =
        "《人民调解法》第三十三条第一款：双方当事人认为有必要的，可以自调解协议生效之日起三十日内共同向人民法院申请司法确认（《民事诉讼法》第二百零五条）";

    public const string RefusalBasis = "《人民调解法》第十七条：当事人一方明确拒绝调解的，不得调解（第二十三条第二项：当事人有权拒绝调解或者要求终止调解）";

    public const string FailureBasis = "《人民调解法》第二十六条：调解不成的，应当终止调解，并告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利";

    public const string WrittenAgreementBasis = "《人民调解法》第二十八条、第二十九条：调解协议书载明当事人的基本情况，纠纷的主要事实、争议事项以及各方当事人的责任，达成调解协议的内容、履行的方式和期限；自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效";

    public const string OralAgreementBasis = "《人民调解法》第二十八条、第三十条：当事人认为无需制作调解协议书的，可以采取口头协议方式，人民调解员应当记录协议内容；口头调解协议自各方当事人达成协议之日起生效";

    public const string PerformanceBasis = "《人民调解法》第三十一条第二款：人民调解委员会应当对调解协议的履行情况进行监督，督促当事人履行约定的义务";

    public const string NonPerformanceGuidance = "《人民调解法》第三十二条：当事人之间就调解协议的履行或者调解协议的内容发生争议的，一方当事人可以向人民法院提起诉讼；经司法确认的，可以向人民法院申请强制执行（第三十三条第二款）";

    public const string RejectedConfirmationGuidance = "《人民调解法》第三十三条第三款：人民法院依法确认调解协议无效的，当事人可以通过人民调解方式变更原调解协议或者达成新的调解协议，也可以向人民法院提起诉讼";

    /// <summary>The default guidance when mediation fails (第二十六条); the mediator may add specifics (the arbitration commission …).</summary>
    public const string DefaultGuidance = "调解不成。根据《人民调解法》第二十六条，当事人可以依法通过仲裁、行政、司法等途径维护自己的权利：属于劳动争议的，可向劳动人事争议仲裁委员会申请仲裁；约定仲裁的合同纠纷可申请仲裁；其他民事纠纷可向人民法院提起诉讼。";

    /// <summary>The judicial-confirmation window: 30 calendar days from the day the agreement took effect (第三十三条).</summary>
    public static Deadline ConfirmationWindow(WorkingDayCalendar calendar, DateOnly effectiveOn) =>
        Deadline.Compute(calendar, DeadlineKind.CalendarDays, ConfirmationWindowDays, effectiveOn, ConfirmationWindowBasis);
}
