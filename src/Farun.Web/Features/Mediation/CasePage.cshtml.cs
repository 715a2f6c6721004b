using System.Globalization;
using Farun.Features.Cases;
using Farun.Features.Mediation;
using Farun.Web.Common;
using Farun.Web.Features.Cases;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using R = Farun.Web.Features.Mediation.MediationActionRequests;

namespace Farun.Web.Features.Mediation;

/// <summary>The mediator's page of one mediation case: data, sessions, timeline, and a form for each allowed action.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class CasePageModel(CaseReader reader, CaseAccess access, CaseActionService actions, MediatorRegistry.Handler registry, CaseDocuments documents) : PageModel
{
    public CaseDto Case { get; private set; } = null!;

    public IReadOnlyList<MediatorRegistry.Candidate> Candidates { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The files on the case (evidence uploaded by the applicant in the portal, or by staff), with download links.</summary>
    public CaseDocumentList DocumentList { get; private set; } = null!;

    public string Today => Farun.Common.Calendar.ChinaTime.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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
            return Redirect($"/mediation/cases/{id}");

        UploadError = outcome.Error;
        await LoadAsync(id, ct);
        Response.StatusCode = outcome.Status;
        return Page();
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Case.Type == CaseType.Mediation ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string act, CancellationToken ct)
    {
        var f = Request.Form;
        string? S(string k) => string.IsNullOrWhiteSpace(f[k]) ? null : f[k].ToString();
        DateOnly? D(string k) => DateOnly.TryParse(S(k), CultureInfo.InvariantCulture, out var d) ? d : null;
        Guid? G(string k) => Guid.TryParse(S(k), out var g) ? g : null;
        object? request = act switch
        {
            ServiceActions.AssignMediator => new R.AssignMediator(G("mediatorId"), S("note")),
            ServiceActions.RecordSession => new R.RecordSession(
                DateTime.TryParse(S("heldAt"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? new DateTimeOffset(t, Farun.Common.Calendar.ChinaTime.Offset) : null,
                Enum.TryParse<SessionMode>(S("mode"), out var m) ? m : null, S("place"), S("attendees"), S("minutes")),
            ServiceActions.PartyRefuses => new R.PartyRefuses(G("partyId"), S("statement")),
            ServiceActions.RecordAgreement => new R.RecordAgreement(S("facts"), S("terms"), S("performanceMethod"), D("performanceDueOn"), D("signedOn")),
            ServiceActions.RecordOralAgreement => new R.RecordOralAgreement(S("terms"), D("agreedOn"), D("performanceDueOn")),
            ServiceActions.MediationFails => new R.MediationFails(S("reason"), S("guidance")),
            ServiceActions.ApplyConfirmation => new R.ApplyConfirmation(S("court"), D("appliedOn"), S("reference")),
            ServiceActions.CheckPerformance => new R.CheckPerformance(Enum.TryParse<PerformanceStatus>(S("status"), out var p) ? p : null, S("note")),
            ServiceActions.CompletePerformance => new R.CompletePerformance(S("note")),
            _ => null,
        };
        if (request is null)
            return BadRequest();
        Errors = await FormErrors.TryAsync(() => actions.PerformAsync(User, id, act, request, ct));
        if (Errors.Count == 0)
            return Redirect($"/mediation/cases/{id}");

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(User, ct);
        Case = await reader.ReadAsync(id, scope, ct);
        DocumentList = new CaseDocumentList(id, await documents.ListAsync(scope, id, ct), "当事人尚未在网上上传材料。");
        if (Case.AllowedActions.Contains(ServiceActions.AssignMediator))
            Candidates = await registry.CandidatesAsync(id, User, ct);
    }
}
