using Farun.Features.Identity;

namespace Farun.Features.Cases;

/// <summary>
/// 公证 (《中华人民共和国公证法》):
/// NotaryApplied —prereview-pass→ NotaryPreReviewed (materials checked online so the applicant comes once);
/// NotaryApplied —request-notary-materials→ NotaryMaterialsRequested —materials-supplied→ NotaryApplied (第二十七条第一款);
/// NotaryApplied/NotaryPreReviewed —accept-notarization→ NotaryUnderReview (受理: the 15-working-day clock of 第三十条 starts);
/// NotaryUnderReview —suspend-clock→ NotarySuspended —resume-clock→ NotaryUnderReview (第三十条 但书: time for supplementing
/// materials, verification or force majeure is not counted); NotaryUnderReview —issue-certificate→ NotaryIssued (第三十二条);
/// any open state —refuse-notarization→ NotaryRefused (第三十一条); —record-visit→ same state (visits are counted).
/// The applicant may upload materials online in every state before the certificate is issued or refused: for the
/// pre-review, for a notice to supplement (第二十七条第一款) and while the application is examined (第二十八条), incl. a
/// suspension for supplementing materials (第三十条).
/// </summary>
public sealed class NotarizationWorkflow : CaseWorkflow
{
    public static readonly NotarizationWorkflow Instance = new();

    private NotarizationWorkflow()
        : base(
            CaseType.Notarization,
            CaseState.NotaryApplied,
            [
                new(CaseState.NotaryApplied, IsOpen: true, IsTerminal: false),
                new(CaseState.NotaryMaterialsRequested, IsOpen: true, IsTerminal: false),
                new(CaseState.NotaryPreReviewed, IsOpen: true, IsTerminal: false),
                new(CaseState.NotaryUnderReview, IsOpen: true, IsTerminal: false),
                new(CaseState.NotarySuspended, IsOpen: true, IsTerminal: false),
                new(CaseState.NotaryIssued, IsOpen: false, IsTerminal: true),
                new(CaseState.NotaryRefused, IsOpen: false, IsTerminal: true),
            ],
            [
                new(ServiceActions.PreReviewPass, From(CaseState.NotaryApplied), CaseState.NotaryPreReviewed),
                new(ServiceActions.RequestNotaryMaterials, From(CaseState.NotaryApplied), CaseState.NotaryMaterialsRequested),
                new(ServiceActions.MaterialsSupplied, From(CaseState.NotaryMaterialsRequested), CaseState.NotaryApplied),
                new(ServiceActions.AcceptNotarization, From(CaseState.NotaryApplied, CaseState.NotaryPreReviewed), CaseState.NotaryUnderReview),
                new(ServiceActions.SuspendClock, From(CaseState.NotaryUnderReview), CaseState.NotarySuspended),
                new(ServiceActions.ResumeClock, From(CaseState.NotarySuspended), CaseState.NotaryUnderReview),
                new(ServiceActions.IssueCertificate, From(CaseState.NotaryUnderReview), CaseState.NotaryIssued),
                new(ServiceActions.RefuseNotarization,
                    From(CaseState.NotaryApplied, CaseState.NotaryMaterialsRequested, CaseState.NotaryPreReviewed, CaseState.NotaryUnderReview, CaseState.NotarySuspended),
                    CaseState.NotaryRefused),
                new(ServiceActions.RecordVisit,
                    From(CaseState.NotaryApplied, CaseState.NotaryMaterialsRequested, CaseState.NotaryPreReviewed, CaseState.NotaryUnderReview, CaseState.NotarySuspended),
                    null),
            ],
            [Roles.Notary],
            [CaseState.NotaryApplied, CaseState.NotaryMaterialsRequested, CaseState.NotaryPreReviewed, CaseState.NotaryUnderReview, CaseState.NotarySuspended])
    {
    }
}

/// <summary>
/// 投诉: ComplaintReceived (the configured reply clock runs) —investigate→ ComplaintInvestigating —reply-complaint→ Closed;
/// ComplaintReceived —reply-complaint→ Closed (a complaint answered at once).
/// </summary>
public sealed class ComplaintWorkflow : CaseWorkflow
{
    public static readonly ComplaintWorkflow Instance = new();

    private ComplaintWorkflow()
        : base(
            CaseType.Complaint,
            CaseState.ComplaintReceived,
            [
                new(CaseState.ComplaintReceived, IsOpen: true, IsTerminal: false),
                new(CaseState.ComplaintInvestigating, IsOpen: true, IsTerminal: false),
                new(CaseState.Closed, IsOpen: false, IsTerminal: true),
            ],
            [
                new(ServiceActions.Investigate, From(CaseState.ComplaintReceived), CaseState.ComplaintInvestigating),
                new(ServiceActions.ReplyComplaint, From(CaseState.ComplaintReceived, CaseState.ComplaintInvestigating), CaseState.Closed),
            ],
            [Roles.Manager])
    {
    }
}
