using Farun.Features.Cases;
using Farun.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.Cases.Portal;

/// <summary>
/// /citizen/cases/{id} — one of the citizen's own cases: state and deadline, the decision (grant, or the refusal with its
/// reasons and the right to object), the assigned lawyer, the outcome, what happened when, and the supporting documents,
/// to which the applicant can add while a legal-aid application is open. Another person's case is "not found".
/// </summary>
[Authorize(Policy = Policies.Citizen)]
[RequestFormLimits(MultipartBodyLengthLimit = 12 * 1024 * 1024)]
[RequestSizeLimit(12 * 1024 * 1024)]
public sealed class MyCaseModel(CaseAccess access, CaseReader reader, CaseDocuments documents) : PageModel
{
    public CaseDto? Case { get; private set; }

    public IReadOnlyList<CaseDocumentDto> Documents { get; private set; } = [];

    public string? Error { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public bool CanUpload => Case is { Type: CaseType.LegalAid, IsOpen: true };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await LoadAsync(id, ct);
            return Page();
        }
        catch (NotFoundException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        try
        {
            var saved = await documents.UploadAsync(User, id, file, ct);
            Message = $"已提交材料“{saved.Name}”。";
            return RedirectToPage(new { id });
        }
        catch (Exception e) when (e is BadRequestException or ForbiddenException or CaseRuleException)
        {
            Error = e is BadRequestException bad && bad.Errors.Count > 0 ? string.Join("；", bad.Errors.SelectMany(x => x.Value)) : e.Message;
            Response.StatusCode = e is ForbiddenException ? StatusCodes.Status403Forbidden : e is CaseRuleException ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        }
        catch (NotFoundException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        await LoadAsync(id, ct);
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

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(User, ct);
        Case = await reader.ReadAsync(id, scope, ct);
        Documents = await documents.ListAsync(scope, id, ct);
    }
}
