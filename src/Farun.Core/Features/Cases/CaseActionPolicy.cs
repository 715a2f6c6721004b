using Farun.Features.Identity;

namespace Farun.Features.Cases;

/// <summary>
/// Who may perform which action on a case they can see (seeing is decided once, by the web's CaseAccess). The three
/// administrators may do nothing (三员分立). Decisions of the legal-aid institution belong to legal-aid officers and
/// managers; objection decisions to managers (the justice bureau, 《法律援助法》第四十九条); the assigned lawyer works
/// their own case; a citizen may, on their own legal-aid application, report the requested materials supplied, object to
/// a refusal or withdraw it, and on their own notarization application report the materials a notary asked for supplied
/// (《公证法》第二十七条第一款: the notary office tells the applicant what to supplement; the applicant supplements).
/// </summary>
public static class CaseActionPolicy
{
    /// <summary>The actions <paramref name="actor"/> may perform now: the state machine's, filtered by permission.</summary>
    public static IReadOnlyList<string> AllowedFor(Case c, CaseActor actor) =>
        [.. c.AvailableActions().Where(a => IsPermitted(c, a, actor))];

    public static bool IsPermitted(Case c, string action, CaseActor a)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(a);
        if (a.IsAdministrator || a.Kind == Audit.ActorKind.Anonymous)
            return false;
        if (a.IsCitizen)
            return (c.Type == CaseType.LegalAid && action is CaseActions.Supplement or CaseActions.RaiseObjection or CaseActions.Withdraw)
                || (c.Type == CaseType.Notarization && action == ServiceActions.MaterialsSupplied);
        if (!a.IsStaff && a.Kind != Audit.ActorKind.System)
            return false;
        if (a.Kind == Audit.ActorKind.System)
            return true;

        var manager = a.Is(Roles.Manager);
        var handler = a.UserId is not null && c.AssigneeId == a.UserId;
        var caseLawyer = (a.UserId is not null && c.LawyerUserId == a.UserId)
            || (a.LawyerId is not null && c.LegalAid is { } d && d.LawyerId == a.LawyerId);
        var handlesType = c.Workflow.HandlerRoles.Overlaps(a.Roles);
        var here = a.ServicePointId is not null && c.ServicePointId == a.ServicePointId;
        var officer = a.Is(Roles.LegalAidOfficer);
        var onlyLawyer = a.Is(Roles.Lawyer) && a.Roles.Count == 1;

        return action switch
        {
            CaseActions.Note => !onlyLawyer || handler || caseLawyer || manager,
            CaseActions.Assign => manager || (handlesType && here),
            CaseActions.Claim => handlesType && here,
            CaseActions.Reassign => manager || handler,
            CaseActions.Transfer => manager || handler || (handlesType && here && c.AssigneeId is null),
            CaseActions.ReferOut => manager || handler || (handlesType && here),
            CaseActions.Answer or CaseActions.Convert => manager || handler || (handlesType && here && c.AssigneeId is null),
            CaseActions.Close when c.Type == CaseType.Consultation => manager || handler || (handlesType && here && c.AssigneeId is null),
            CaseActions.Close when c.Type is CaseType.Mediation or CaseType.Notarization or CaseType.Complaint =>
                ServiceActionPolicy.IsPermitted(c, action, a, manager, handler, caseLawyer, handlesType, here),
            CaseActions.Close => manager || officer,
            CaseActions.RequestMaterials or CaseActions.Supplement or CaseActions.Grant or CaseActions.Refuse
                or CaseActions.GrantPriorAid or CaseActions.AssignLawyer or CaseActions.ReassignLawyer
                or CaseActions.ReturnClosure or CaseActions.ApproveClosure => manager || officer,
            CaseActions.RaiseObjection => manager || officer || a.Is(Roles.Staff) || a.Is(Roles.HotlineAgent),
            CaseActions.UpholdRefusal or CaseActions.OrderCorrection => manager,
            CaseActions.SubmitClosure => manager || officer || caseLawyer,
            CaseActions.Withdraw => manager || officer || handler,
            _ => ServiceActionPolicy.IsPermitted(c, action, a, manager, handler, caseLawyer, handlesType, here),
        };
    }
}
