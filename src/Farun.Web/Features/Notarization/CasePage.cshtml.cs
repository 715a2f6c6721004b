using System.Globalization;
using Farun.Features.Cases;
using Farun.Features.Notarization;
using Farun.Web.Common;
using Farun.Web.Features.Cases;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using R = Farun.Web.Features.Notarization.NotarizationActionRequests;

namespace Farun.Web.Features.Notarization;

/// <summary>The notary's page of one notarization case: matter, materials (as listed online and the files uploaded, for the
/// pre-review), bookings, the issue clock, and a form per allowed action.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class NotaryCasePageModel(CaseReader reader, CaseAccess access, CaseActionService actions, CaseDocuments documents) : PageModel
{
    public CaseDto Case { get; private set; } = null!;

    public NotaryMatter? Matter { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The files on the case (uploaded by the applicant in the portal, or by staff), with download links.</summary>
    public CaseDocumentList DocumentList { get; private set; } = null!;

    public bool Allows(string action) => Case.AllowedActions.Contains(action);

    /// <summary>Why the last upload was refused (shown at the upload form).</summary>
    public string? UploadError { get; private set; }

    /// <summary>Staff add documents while the case is open (a closed case's record is final).</summary>
    public bool CanUpload => Case.IsOpen;

    /// <summary>Adds a document through the shared case-documents use case (checks, storage, timeline entry, audit).</summary>
    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        var outcome = await UploadOutcome.TryAsync(() => documents.UploadAsync(User, id, file, ct));
        if (outcome.Saved is not null)
            return Redirect($"/notarization/cases/{id}");

        UploadError = outcome.Error;
        await LoadAsync(id, ct);
        Response.StatusCode = outcome.Status;
        return Page();
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Case.Type == CaseType.Notarization ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string act, CancellationToken ct)
    {
        var f = Request.Form;
        string? S(string k) => string.IsNullOrWhiteSpace(f[k]) ? null : f[k].ToString();
        object? request = act switch
        {
            ServiceActions.PreReviewPass => new R.PreReviewPass(S("note")),
            ServiceActions.RequestNotaryMaterials => new R.RequestMaterials(S("missing")),
            ServiceActions.MaterialsSupplied => new R.MaterialsSupplied(S("note")),
            ServiceActions.AcceptNotarization => new R.Accept(),
            ServiceActions.SuspendClock => new R.Suspend(Enum.TryParse<SuspensionReason>(S("reason"), out var sr) ? sr : null, S("note")),
            ServiceActions.ResumeClock => new R.Resume(S("note")),
            ServiceActions.IssueCertificate => new R.Issue(S("certificateNumber"),
                decimal.TryParse(S("fee"), NumberStyles.Number, CultureInfo.InvariantCulture, out var fee) ? fee : null,
                Enum.TryParse<CertificateDelivery>(S("delivery"), out var d) ? d : null, S("sameVisit") == "true"),
            ServiceActions.RefuseNotarization => new R.Refuse(int.TryParse(S("ground"), CultureInfo.InvariantCulture, out var g) ? g : null, S("reason")),
            ServiceActions.RecordVisit => new R.Visit(S("purpose")),
            _ => null,
        };
        if (request is null)
            return BadRequest();
        Errors = await FormErrors.TryAsync(() => actions.PerformAsync(User, id, act, request, ct));
        if (Errors.Count == 0)
            return Redirect($"/notarization/cases/{id}");

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(User, ct);
        Case = await reader.ReadAsync(id, scope, ct);
        DocumentList = new CaseDocumentList(id, await documents.ListAsync(scope, id, ct), "申请人尚未在网上上传材料。");
        Matter = Case.Notarization is { } n ? NotaryCatalog.Find(n.MatterCode) : null;
    }
}
