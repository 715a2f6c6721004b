using System.Globalization;
using Farun.Features.Cases;
using Farun.Features.Notarization;
using Farun.Web.Common;
using Farun.Web.Features.Cases;
using Microsoft.AspNetCore.Authorization;
using R = Farun.Web.Features.Notarization.NotarizationActionRequests;

namespace Farun.Web.Features.Notarization;

/// <summary>The notary's page of one notarization case: matter, materials (as listed online and the files uploaded, for the
/// pre-review), bookings, the issue clock, and a form per allowed action.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class NotaryCasePageModel(CaseReader reader, CaseAccess access, CaseActionService actions, CaseDocuments documents)
    : ServiceCasePageModel(reader, access, actions, documents)
{
    public NotaryMatter? Matter { get; private set; }

    protected override CaseType Type => CaseType.Notarization;

    protected override string NoDocuments => "申请人尚未在网上上传材料。";

    protected override string PathOf(Guid id) => $"/notarization/cases/{id}";

    protected override object? BuildRequest(string act, Func<string, string?> field) => act switch
    {
        ServiceActions.PreReviewPass => new R.PreReviewPass(field("note")),
        ServiceActions.RequestNotaryMaterials => new R.RequestMaterials(field("missing")),
        ServiceActions.MaterialsSupplied => new R.MaterialsSupplied(field("note")),
        ServiceActions.AcceptNotarization => new R.Accept(),
        ServiceActions.SuspendClock => new R.Suspend(Enum.TryParse<SuspensionReason>(field("reason"), out var sr) ? sr : null, field("note")),
        ServiceActions.ResumeClock => new R.Resume(field("note")),
        ServiceActions.IssueCertificate => new R.Issue(field("certificateNumber"),
            decimal.TryParse(field("fee"), NumberStyles.Number, CultureInfo.InvariantCulture, out var fee) ? fee : null,
            Enum.TryParse<CertificateDelivery>(field("delivery"), out var d) ? d : null, field("sameVisit") == "true"),
        ServiceActions.RefuseNotarization => new R.Refuse(int.TryParse(field("ground"), CultureInfo.InvariantCulture, out var g) ? g : null, field("reason")),
        ServiceActions.RecordVisit => new R.Visit(field("purpose")),
        _ => null,
    };

    protected override Task LoadMoreAsync(Guid id, CancellationToken ct)
    {
        Matter = Case.Notarization is { } n ? NotaryCatalog.Find(n.MatterCode) : null;
        return Task.CompletedTask;
    }
}
