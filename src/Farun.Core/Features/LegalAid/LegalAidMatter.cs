using Farun.Common.Calendar;
using Farun.Features.Cases;

namespace Farun.Features.LegalAid;

/// <summary>What legal aid is sought for (《中华人民共和国法律援助法》第二十二条至第三十二条).</summary>
public enum LegalAidMatter
{
    // 第三十一条: civil and administrative matters, for applicants in economic hardship without an agent.
    /// <summary>依法请求国家赔偿 (第三十一条第一项).</summary>
    StateCompensation = 1,

    /// <summary>请求给予社会保险待遇或者社会救助 (第二项).</summary>
    SocialInsuranceOrAssistance = 2,

    /// <summary>请求发给抚恤金 (第三项).</summary>
    Pension = 3,

    /// <summary>请求给付赡养费、抚养费、扶养费 (第四项).</summary>
    Maintenance = 4,

    /// <summary>请求确认劳动关系 (第五项).</summary>
    LabourRelation = 5,

    /// <summary>请求支付劳动报酬 (第五项).</summary>
    LabourRemuneration = 6,

    /// <summary>请求认定公民无民事行为能力或者限制民事行为能力 (第六项).</summary>
    CivilCapacity = 7,

    /// <summary>请求环境污染、生态破坏损害赔偿 (第七项).</summary>
    EnvironmentalDamage = 8,

    /// <summary>请求工伤事故人身损害赔偿 (第八项).</summary>
    WorkInjury = 9,

    /// <summary>请求交通事故、食品药品安全事故、医疗事故人身损害赔偿 (第八项).</summary>
    AccidentInjury = 10,

    /// <summary>法律、法规、规章规定的其他情形 (第九项).</summary>
    OtherCivil = 19,

    // 第三十二条: no means test.
    /// <summary>英雄烈士近亲属为维护英雄烈士的人格权益 (第三十二条第一项).</summary>
    MartyrRights = 20,

    /// <summary>因见义勇为行为主张相关民事权益 (第二项).</summary>
    GoodSamaritan = 21,

    /// <summary>再审改判无罪请求国家赔偿 (第三项).</summary>
    RetrialAcquittalCompensation = 22,

    /// <summary>遭受虐待、遗弃或者家庭暴力的受害人主张相关权益 (第四项).</summary>
    AbuseVictim = 23,

    // Criminal matters.
    /// <summary>犯罪嫌疑人、被告人申请刑事辩护 (第二十四条).</summary>
    CriminalDefenceApplication = 30,

    /// <summary>公安机关、人民检察院、人民法院通知辩护 (第二十五条、第二十八条; 第三十六条).</summary>
    CriminalDefenceNotice = 31,

    /// <summary>被害人、自诉人、附带民事诉讼原告人申请代理 (第二十九条).</summary>
    CriminalVictimAgent = 32,
}

/// <summary>Why the police, procuratorate or court must notify the legal-aid institution to assign a defender.</summary>
public enum NoticeReason
{
    /// <summary>未成年人 (第二十五条第一款第一项).</summary>
    Minor = 1,

    /// <summary>视力、听力、言语残疾人 (第二项).</summary>
    SensoryDisability = 2,

    /// <summary>不能完全辨认自己行为的成年人 (第三项).</summary>
    MentalIncapacity = 3,

    /// <summary>可能被判处无期徒刑、死刑的人 (第四项; 第二十六条: a lawyer with three years' experience).</summary>
    LifeOrDeathSentence = 4,

    /// <summary>申请法律援助的死刑复核案件被告人 (第五项; 第二十六条).</summary>
    DeathPenaltyReview = 5,

    /// <summary>缺席审判案件的被告人 (第六项).</summary>
    TrialInAbsentia = 6,

    /// <summary>强制医疗案件的被申请人或者被告人 (第二十八条).</summary>
    CompulsoryMedicalTreatment = 7,

    /// <summary>法律法规规定的其他人员 (第二十五条第一款第七项、第二款).</summary>
    Other = 9,
}

/// <summary>How economic hardship is established.</summary>
public enum MeansTest
{
    /// <summary>个人诚信承诺 (第四十一条).</summary>
    Commitment = 1,

    /// <summary>免予核查 (第四十二条).</summary>
    Exempt = 2,

    /// <summary>不受经济困难条件限制 (第三十二条) or notified defence (第二十五条、第二十八条).</summary>
    NotRequired = 3,
}

/// <summary>What kind of case a matter is, for the subsidy standard.</summary>
public enum LegalAidCategory
{
    Criminal = 1,
    Civil = 2,
    Administrative = 3,
}

/// <summary>The procedural stage the aid covered, for the subsidy standard.</summary>
public enum LegalAidStage
{
    /// <summary>侦查.</summary>
    Investigation = 1,

    /// <summary>审查起诉.</summary>
    Prosecution = 2,

    /// <summary>一审.</summary>
    FirstInstance = 3,

    /// <summary>二审.</summary>
    SecondInstance = 4,

    /// <summary>再审 / 死刑复核.</summary>
    Review = 5,

    /// <summary>仲裁.</summary>
    Arbitration = 6,

    /// <summary>非诉讼代理（含调解、和解）.</summary>
    NonLitigation = 7,
}

/// <summary>Statutory periods of the Legal Aid Act, and the rules that decide means test, priority and urgency.</summary>
/// <remarks>
/// The Act writes its periods in "日" (days), not "工作日" (working days). Chinese statutes say 工作日 when they mean it
/// (e.g. 《行政许可法》第八十二条: "本法规定的行政机关实施行政许可的期限以工作日计算"), so these are calendar days, counted
/// under 《民法典》第二百零一条、第二百零三条 (the start day is not counted; a last day that is a rest day moves to the next
/// working day; 第二百零四条 makes this the default for periods in other laws). <see cref="WorkingDayCalendar.AddCalendarDays"/>
/// does exactly that.
/// </remarks>
public static class LegalAidRules
{
    /// <summary>第四十三条第一款: decide within 7 days of receiving the application. Calendar days.</summary>
    public const string ReviewBasis = "《中华人民共和国法律援助法》第四十三条第一款：自收到申请之日起七日内审查并作出决定（日历日）";

    /// <summary>第四十三条第一款: assign within 3 days of deciding to grant. Calendar days.</summary>
    public const string AssignmentBasis = "《中华人民共和国法律援助法》第四十三条第一款：决定给予法律援助之日起三日内指派（日历日）";

    /// <summary>第三十六条: assign a lawyer within 3 days of the police, procuratorate or court's notice. Calendar days.</summary>
    public const string NoticeAssignmentBasis = "《中华人民共和国法律援助法》第三十六条：收到通知后三日内指派律师（日历日）";

    /// <summary>第四十九条: the justice bureau decides an objection within 5 days of receiving it. Calendar days.</summary>
    public const string ObjectionBasis = "《中华人民共和国法律援助法》第四十九条：自收到异议之日起五日内审查并作出决定（日历日）";

    /// <summary>第四十四条第一项: prior aid when the limitation period or a deadline ends in under 7 days.</summary>
    public const string UrgentBasis = "《中华人民共和国法律援助法》第四十四条第一项：距法定时效或者期限届满不足七日";

    public const int ReviewDays = 7;
    public const int AssignmentDays = 3;
    public const int NoticeAssignmentDays = 3;
    public const int ObjectionDays = 5;
    public const int UrgentThresholdDays = 7;

    /// <summary>The review period from the day the application (or, after a notice of missing materials, the last of
    /// them) was received; the green channel may shorten it by local policy.</summary>
    public static Deadline Review(WorkingDayCalendar calendar, DateOnly received, GreenChannelPolicy? greenChannel = null) =>
        greenChannel is { Enabled: true, ReviewDays: int days } && days < ReviewDays
            ? Deadline.Compute(calendar, DeadlineKind.CalendarDays, days, received, $"{greenChannel.Source}；{ReviewBasis}")
            : Deadline.Compute(calendar, DeadlineKind.CalendarDays, ReviewDays, received, ReviewBasis);

    public static Deadline Assignment(WorkingDayCalendar calendar, DateOnly granted) =>
        Deadline.Compute(calendar, DeadlineKind.CalendarDays, AssignmentDays, granted, AssignmentBasis);

    public static Deadline NoticeAssignment(WorkingDayCalendar calendar, DateOnly noticeReceived) =>
        Deadline.Compute(calendar, DeadlineKind.CalendarDays, NoticeAssignmentDays, noticeReceived, NoticeAssignmentBasis);

    public static Deadline Objection(WorkingDayCalendar calendar, DateOnly objectionReceived) =>
        Deadline.Compute(calendar, DeadlineKind.CalendarDays, ObjectionDays, objectionReceived, ObjectionBasis);

    /// <summary>
    /// 第四十四条第一项: fewer than 7 days remain before the limitation period or deadline ends (calendar days: the Act
    /// says 日, and a holiday in between makes the matter no less urgent). A date already past is not "about to end".
    /// </summary>
    public static bool IsUrgent(DateOnly? limitationDate, DateOnly today) =>
        limitationDate is { } d && d >= today && d.DayNumber - today.DayNumber < UrgentThresholdDays;

    public static bool IsCriminal(this LegalAidMatter m) =>
        m is LegalAidMatter.CriminalDefenceApplication or LegalAidMatter.CriminalDefenceNotice or LegalAidMatter.CriminalVictimAgent;

    public static LegalAidCategory Category(this LegalAidMatter m) => m switch
    {
        _ when m.IsCriminal() => LegalAidCategory.Criminal,
        LegalAidMatter.StateCompensation or LegalAidMatter.SocialInsuranceOrAssistance or LegalAidMatter.Pension
            or LegalAidMatter.RetrialAcquittalCompensation => LegalAidCategory.Administrative,
        _ => LegalAidCategory.Civil,
    };

    /// <summary>
    /// The means test an application needs: none for 第三十二条 matters and notified defence; exempt under 第四十二条
    /// (social-assistance recipients; migrant workers claiming pay or work-injury damages; minors, the elderly and
    /// disabled people without a fixed income); otherwise the applicant's commitment (第四十一条).
    /// </summary>
    public static (MeansTest Test, string Basis) MeansTestFor(LegalAidMatter matter, Persons.SpecialGroups groups, bool noFixedIncome)
    {
        if (matter is LegalAidMatter.MartyrRights or LegalAidMatter.GoodSamaritan or LegalAidMatter.RetrialAcquittalCompensation or LegalAidMatter.AbuseVictim)
            return (MeansTest.NotRequired, "《法律援助法》第三十二条：不受经济困难条件的限制");
        if (matter == LegalAidMatter.CriminalDefenceNotice)
            return (MeansTest.NotRequired, "《法律援助法》第二十五条、第二十八条：通知辩护，无需审查经济状况");
        if (groups.HasFlag(Persons.SpecialGroups.SocialAssistance))
            return (MeansTest.Exempt, "《法律援助法》第四十二条第二项：社会救助对象免予核查经济困难状况");
        if (groups.HasFlag(Persons.SpecialGroups.MigrantWorker) && matter is LegalAidMatter.LabourRemuneration or LegalAidMatter.WorkInjury)
            return (MeansTest.Exempt, "《法律援助法》第四十二条第三项：进城务工人员申请支付劳动报酬或者工伤事故人身损害赔偿，免予核查经济困难状况");
        if (noFixedIncome && (groups & (Persons.SpecialGroups.Minor | Persons.SpecialGroups.Elderly | Persons.SpecialGroups.Disabled)) != 0)
            return (MeansTest.Exempt, "《法律援助法》第四十二条第一项：无固定生活来源的未成年人、老年人、残疾人免予核查经济困难状况");
        return (MeansTest.Commitment, "《法律援助法》第四十一条：申请人如实说明经济困难状况并作出个人诚信承诺");
    }

    /// <summary>The local green channel applies: a migrant worker's wage claim.</summary>
    public static bool QualifiesForGreenChannel(GreenChannelPolicy policy, LegalAidMatter matter, Persons.SpecialGroups groups) =>
        policy.Enabled && matter == LegalAidMatter.LabourRemuneration && groups.HasFlag(Persons.SpecialGroups.MigrantWorker);

    /// <summary>第二十六条: defenders in life or death-sentence cases need three years' relevant practice.</summary>
    public static bool NeedsExperiencedLawyer(NoticeReason? reason) =>
        reason is NoticeReason.LifeOrDeathSentence or NoticeReason.DeathPenaltyReview;

    public const int ExperiencedLawyerYears = 3;

    public static string DisplayName(this LegalAidMatter m) => m switch
    {
        LegalAidMatter.StateCompensation => "请求国家赔偿",
        LegalAidMatter.SocialInsuranceOrAssistance => "请求社会保险待遇或者社会救助",
        LegalAidMatter.Pension => "请求发给抚恤金",
        LegalAidMatter.Maintenance => "请求给付赡养费、抚养费、扶养费",
        LegalAidMatter.LabourRelation => "请求确认劳动关系",
        LegalAidMatter.LabourRemuneration => "请求支付劳动报酬",
        LegalAidMatter.CivilCapacity => "请求认定无民事行为能力或者限制民事行为能力",
        LegalAidMatter.EnvironmentalDamage => "请求环境污染、生态破坏损害赔偿",
        LegalAidMatter.WorkInjury => "请求工伤事故人身损害赔偿",
        LegalAidMatter.AccidentInjury => "请求交通事故、食品药品安全事故、医疗事故人身损害赔偿",
        LegalAidMatter.OtherCivil => "其他民事、行政事项",
        LegalAidMatter.MartyrRights => "维护英雄烈士人格权益",
        LegalAidMatter.GoodSamaritan => "因见义勇为主张民事权益",
        LegalAidMatter.RetrialAcquittalCompensation => "再审改判无罪请求国家赔偿",
        LegalAidMatter.AbuseVictim => "虐待、遗弃、家庭暴力受害人主张权益",
        LegalAidMatter.CriminalDefenceApplication => "刑事辩护（申请）",
        LegalAidMatter.CriminalDefenceNotice => "刑事辩护（通知）",
        LegalAidMatter.CriminalVictimAgent => "刑事被害人、自诉人代理",
        _ => m.ToString(),
    };

    public static string LegalBasis(this LegalAidMatter m) => m switch
    {
        LegalAidMatter.StateCompensation => "《法律援助法》第三十一条第一项",
        LegalAidMatter.SocialInsuranceOrAssistance => "《法律援助法》第三十一条第二项",
        LegalAidMatter.Pension => "《法律援助法》第三十一条第三项",
        LegalAidMatter.Maintenance => "《法律援助法》第三十一条第四项",
        LegalAidMatter.LabourRelation or LegalAidMatter.LabourRemuneration => "《法律援助法》第三十一条第五项",
        LegalAidMatter.CivilCapacity => "《法律援助法》第三十一条第六项",
        LegalAidMatter.EnvironmentalDamage => "《法律援助法》第三十一条第七项",
        LegalAidMatter.WorkInjury or LegalAidMatter.AccidentInjury => "《法律援助法》第三十一条第八项",
        LegalAidMatter.OtherCivil => "《法律援助法》第三十一条第九项",
        LegalAidMatter.MartyrRights => "《法律援助法》第三十二条第一项",
        LegalAidMatter.GoodSamaritan => "《法律援助法》第三十二条第二项",
        LegalAidMatter.RetrialAcquittalCompensation => "《法律援助法》第三十二条第三项",
        LegalAidMatter.AbuseVictim => "《法律援助法》第三十二条第四项",
        LegalAidMatter.CriminalDefenceApplication => "《法律援助法》第二十四条",
        LegalAidMatter.CriminalDefenceNotice => "《法律援助法》第二十五条、第二十八条、第三十六条",
        LegalAidMatter.CriminalVictimAgent => "《法律援助法》第二十九条",
        _ => "",
    };

    public static string DisplayName(this NoticeReason r) => r switch
    {
        NoticeReason.Minor => "未成年人",
        NoticeReason.SensoryDisability => "视力、听力、言语残疾人",
        NoticeReason.MentalIncapacity => "不能完全辨认自己行为的成年人",
        NoticeReason.LifeOrDeathSentence => "可能被判处无期徒刑、死刑的人",
        NoticeReason.DeathPenaltyReview => "死刑复核案件被告人",
        NoticeReason.TrialInAbsentia => "缺席审判案件被告人",
        NoticeReason.CompulsoryMedicalTreatment => "强制医疗案件被申请人或被告人",
        NoticeReason.Other => "其他应当通知辩护的情形",
        _ => r.ToString(),
    };

    public static string DisplayName(this MeansTest t) => t switch
    {
        MeansTest.Commitment => "个人诚信承诺",
        MeansTest.Exempt => "免予核查",
        MeansTest.NotRequired => "不受经济困难条件限制",
        _ => t.ToString(),
    };

    public static string DisplayName(this LegalAidCategory c) => c switch
    {
        LegalAidCategory.Criminal => "刑事",
        LegalAidCategory.Civil => "民事",
        LegalAidCategory.Administrative => "行政",
        _ => c.ToString(),
    };

    public static string DisplayName(this LegalAidStage s) => s switch
    {
        LegalAidStage.Investigation => "侦查",
        LegalAidStage.Prosecution => "审查起诉",
        LegalAidStage.FirstInstance => "一审",
        LegalAidStage.SecondInstance => "二审",
        LegalAidStage.Review => "再审/死刑复核",
        LegalAidStage.Arbitration => "仲裁",
        LegalAidStage.NonLitigation => "非诉讼代理",
        _ => s.ToString(),
    };
}
