using System.Globalization;
using Farun.Features.Cases;
using Farun.Features.Mediation;
using Farun.Web.Common;
using Farun.Web.Features.Cases;
using Microsoft.AspNetCore.Authorization;
using R = Farun.Web.Features.Mediation.MediationActionRequests;

namespace Farun.Web.Features.Mediation;

/// <summary>The mediator's page of one mediation case: data, sessions, timeline, and a form for each allowed action.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class CasePageModel(CaseReader reader, CaseAccess access, CaseActionService actions, MediatorRegistry.Handler registry, CaseDocuments documents)
    : ServiceCasePageModel(reader, access, actions, documents)
{
    public IReadOnlyList<MediatorRegistry.Candidate> Candidates { get; private set; } = [];

    public string Today => Farun.Common.Calendar.ChinaTime.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>What a datetime-local input posts (China time, no offset).</summary>
    private static readonly string[] LocalDateTimeFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFF"];

    protected override CaseType Type => CaseType.Mediation;

    protected override string NoDocuments => "当事人尚未在网上上传材料。";

    protected override string PathOf(Guid id) => $"/mediation/cases/{id}";

    protected override object? BuildRequest(string act, Func<string, string?> field)
    {
        DateOnly? D(string k) => DateOnly.TryParse(field(k), CultureInfo.InvariantCulture, out var d) ? d : null;
        Guid? G(string k) => Guid.TryParse(field(k), out var g) ? g : null;
        return act switch
        {
            ServiceActions.AssignMediator => new R.AssignMediator(G("mediatorId"), field("note")),
            ServiceActions.RecordSession => new R.RecordSession(
                DateTime.TryParseExact(field("heldAt"), LocalDateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
                    ? new DateTimeOffset(t, Farun.Common.Calendar.ChinaTime.Offset) : null,
                Enum.TryParse<SessionMode>(field("mode"), out var m) ? m : null, field("place"), field("attendees"), field("minutes")),
            ServiceActions.PartyRefuses => new R.PartyRefuses(G("partyId"), field("statement")),
            ServiceActions.RecordAgreement => new R.RecordAgreement(field("facts"), field("terms"), field("performanceMethod"), D("performanceDueOn"), D("signedOn")),
            ServiceActions.RecordOralAgreement => new R.RecordOralAgreement(field("terms"), D("agreedOn"), D("performanceDueOn")),
            ServiceActions.MediationFails => new R.MediationFails(field("reason"), field("guidance")),
            ServiceActions.ApplyConfirmation => new R.ApplyConfirmation(field("court"), D("appliedOn"), field("reference")),
            ServiceActions.CheckPerformance => new R.CheckPerformance(Enum.TryParse<PerformanceStatus>(field("status"), out var p) ? p : null, field("note")),
            ServiceActions.CompletePerformance => new R.CompletePerformance(field("note")),
            _ => null,
        };
    }

    protected override async Task LoadMoreAsync(Guid id, CancellationToken ct)
    {
        if (Case.AllowedActions.Contains(ServiceActions.AssignMediator))
            Candidates = await registry.CandidatesAsync(id, User, ct);
    }
}
