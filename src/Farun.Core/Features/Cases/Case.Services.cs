namespace Farun.Features.Cases;

/// <summary>Data guards of the mediation, notarization and complaint actions.</summary>
public sealed partial class Case
{
    private partial bool ServiceGuard(string action) => Type switch
    {
        CaseType.Mediation => MediationGuard(action),
        CaseType.Notarization => action != ServiceActions.PreReviewPass || Notarization is { MaterialsSubmitted: not null },
        _ => true,
    };
}
