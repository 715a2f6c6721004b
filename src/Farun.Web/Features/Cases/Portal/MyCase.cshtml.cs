using Farun.Features.Cases;
using Farun.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using R = Farun.Web.Features.Cases.CaseActionRequests;

namespace Farun.Web.Features.Cases.Portal;

/// <summary>
/// /citizen/cases/{id} — one of the citizen's own cases: state and deadline, the decision (grant, or the refusal with its
/// reasons and the right to object), the assigned lawyer, the outcome, a notarization's matter and bookings, what happened
/// when, and the supporting documents, to which the applicant can add while the materials are still reviewed (the
/// workflow's applicant-document states). The applicant's own actions (report the requested materials supplied, object to
/// a refusal, withdraw; on a notarization, report the materials a notary asked for supplied) are offered as forms when
/// the case's allowed actions include them. Another person's case is "not found".
/// </summary>
[Authorize(Policy = Policies.Citizen)]
[RequestFormLimits(MultipartBodyLengthLimit = 12 * 1024 * 1024)]
[RequestSizeLimit(12 * 1024 * 1024)]
public sealed class MyCaseModel(CaseAccess access, CaseReader reader, CaseDocuments documents, CaseActionService actions) : PageModel
{
    /// <summary>The applicant's own actions this page offers, in display order; shown only when the case allows them now.</summary>
    public static readonly IReadOnlyList<string> ApplicantActions = [CaseActions.Supplement, ServiceActions.MaterialsSupplied, CaseActions.RaiseObjection, CaseActions.Withdraw];

    public CaseDto? Case { get; private set; }

    public IReadOnlyList<CaseDocumentDto> Documents { get; private set; } = [];

    public string? Error { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>The action whose form was posted with an error, its message and the text as typed.</summary>
    public (string Action, string Message, string? Text)? ActionError { get; private set; }

    /// <summary>The applicant may add documents now (the same rule the upload enforces).</summary>
    public bool CanUpload => Case is { } c && CaseWorkflow.For(c.Type).AcceptsApplicantDocuments(c.State);

    /// <summary>The case type takes documents from its applicant at all (so the documents section is shown).</summary>
    public bool TakesDocuments => Case is { } c && (Documents.Count > 0 || CaseWorkflow.For(c.Type).ApplicantDocumentStates.Count > 0);

    /// <summary>The applicant's actions the case allows now (from its allowedActions, i.e. the state machine and the policy).</summary>
    public IReadOnlyList<string> OfferedActions => Case is { } c ? [.. ApplicantActions.Where(c.AllowedActions.Contains)] : [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await LoadAsync(id, ct);
            return Page();
        }
        catch (NotFoundException e)
        {
            return NotFoundPage(e.Message);
        }
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        try
        {
            var outcome = await UploadOutcome.TryAsync(() => documents.UploadAsync(User, id, file, ct));
            if (outcome.Saved is { } saved)
            {
                Message = $"已提交材料“{saved.Name}”。";
                return RedirectToPage(new { id });
            }

            Error = outcome.Error;
            Response.StatusCode = outcome.Status;
        }
        catch (NotFoundException e)
        {
            return NotFoundPage(e.Message);
        }

        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>
    /// One of the applicant's own actions, through the same use case as <c>POST /api/cases/{id}/actions/{action}</c>
    /// (state machine, permission, validation, timeline, audit). A refusal is shown at the form with the matching status.
    /// </summary>
    public async Task<IActionResult> OnPostActAsync(Guid id, string action, string? text, CancellationToken ct)
    {
        int status;
        string message;
        try
        {
            object request = action switch
            {
                CaseActions.Supplement => new R.Supplement(text),
                ServiceActions.MaterialsSupplied => new Farun.Web.Features.Notarization.NotarizationActionRequests.MaterialsSupplied(text),
                CaseActions.RaiseObjection => new R.RaiseObjection(null, text),
                CaseActions.Withdraw => new R.Withdraw(text),
                _ => throw BadRequestException.ForField("action", "本页不能执行该操作。"),
            };
            var result = await actions.PerformAsync(User, id, action, request, ct);
            Message = $"已{Label(action)}。当前状态：{result.StateName}。";
            return RedirectToPage(new { id });
        }
        catch (NotFoundException e)
        {
            return NotFoundPage(e.Message);
        }
        catch (DomainException e)
        {
            status = e.StatusCode;
            message = e is BadRequestException bad ? string.Join("；", bad.Messages) : e.Message;
        }
        catch (FluentValidation.ValidationException e)
        {
            status = StatusCodes.Status400BadRequest;
            message = string.Join("；", e.Errors.Select(x => x.ErrorMessage).Distinct());
        }

        try
        {
            await LoadAsync(id, ct);
        }
        catch (NotFoundException e)
        {
            return NotFoundPage(e.Message);
        }

        // At the form when it is still offered; otherwise (the action is not allowed now) at the top of the page.
        if (OfferedActions.Contains(action))
            ActionError = (action, message, text);
        else
            Error = message;
        Response.StatusCode = status;
        return Page();
    }

    public async Task<IActionResult> OnGetDocumentAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        IResult file;
        try
        {
            file = await documents.DownloadAsync(await access.ScopeAsync(User, ct), id, documentId, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        await file.ExecuteAsync(HttpContext);
        return new EmptyResult();
    }

    /// <summary>The button label of an applicant action, as the applicant would say it.</summary>
    public static string Label(string action) => action switch
    {
        CaseActions.Supplement => "告知材料已补齐",
        ServiceActions.MaterialsSupplied => "告知材料已补正",
        CaseActions.RaiseObjection => "提出异议",
        CaseActions.Withdraw => "撤回申请",
        _ => CaseActions.DisplayName(action),
    };

    private PageResult NotFoundPage(string message)
    {
        Case = null;
        Documents = [];
        Error = message;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(User, ct);
        Case = await reader.ReadAsync(id, scope, ct);
        Documents = await documents.ListAsync(scope, id, ct);
    }
}
