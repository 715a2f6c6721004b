using Farun.Web.Common;
using Farun.Web.Features.Guides.Engine;

namespace Farun.Web.Features.Guides.Apply;

/// <summary>Who applies: entered on the application page (guides themselves never ask for names or numbers). The ID
/// number is asked only where the receiving service needs it (legal aid).</summary>
public sealed record ApplicantContact(string Name, string Phone, string? IdNumber = null);

/// <summary>
/// An application pre-filled from a guide's answers: the form kind, the field values named as in
/// <see cref="ApplicationForms"/> (codes as strings, money as decimal, dates as DateOnly, flags as bool), and the applicant.
/// <paramref name="CommitteeId"/> is the people's mediation committee the citizen chose (none: the sink picks the
/// district's street committee); <paramref name="SlotId"/> the notarization slot chosen on the result page (none: the
/// notary office contacts the applicant after the online pre-review), with the <paramref name="Address"/> of a home visit
/// and the <paramref name="Materials"/> submitted online for pre-review.
/// </summary>
public sealed record GuideApplication(
    ApplicationKind Kind,
    string GuideId,
    int GuideVersion,
    string OutcomeId,
    string SessionCode,
    IReadOnlyDictionary<string, object?> Fields,
    ApplicantContact Applicant,
    Guid? CommitteeId = null,
    Guid? SlotId = null,
    string? Address = null,
    string? Materials = null);

/// <summary>What the receiving service answers: its reference number and where the citizen can follow the application.</summary>
public sealed record GuideApplicationReceipt(string ReferenceNumber, string Url);

/// <summary>
/// Where the final "apply online" step of a guide lands. The case spine (legal aid, mediation, notarization cases)
/// implements it; until then <see cref="UnavailableApplicationSink"/> says online applications are not open, and the
/// result page tells citizens where to apply in person.
/// </summary>
public interface IGuideApplicationSink
{
    /// <summary>Whether applications of this kind can be submitted online now.</summary>
    bool Accepts(ApplicationKind kind);

    /// <summary>Creates the application (a case on the spine) and returns its reference.</summary>
    Task<GuideApplicationReceipt> SubmitAsync(GuideApplication application, CancellationToken ct);
}

/// <summary>A sink that accepts nothing (e.g. to switch online applications off): citizens are told where to apply in person.</summary>
public sealed class UnavailableApplicationSink : IGuideApplicationSink
{
    public bool Accepts(ApplicationKind kind) => false;

    public Task<GuideApplicationReceipt> SubmitAsync(GuideApplication application, CancellationToken ct) =>
        throw new ConflictException("在线申请暂未开通，请带上材料到办理地点申请。");
}
