using Farun.Features.Cases;
using Farun.Web.Common;
using Farun.Web.Features.Attachments;
using Farun.Web.Features.Persons;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Farun.Web.Features.Cases;

/// <summary>
/// /cases/{id}: the case with its timeline, its documents (listed with download links; added by upload while the case is
/// open) and, as forms, only the actions the signed-in user may perform now. Staff only: citizens follow their cases in
/// the portal (/citizen/cases/{id}).
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
[RequestFormLimits(MultipartBodyLengthLimit = 12 * 1024 * 1024)]
[RequestSizeLimit(12 * 1024 * 1024)]
public sealed class CasePageModel(
    CaseAccess access, CaseReader reader, CaseActionForms forms, CaseActionService actions, RevealPersonalData.Handler reveal,
    CaseDocuments documents, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : PageModel
{
    public CaseDto? Case { get; private set; }

    public IReadOnlyList<CaseDocumentDto> Documents { get; private set; } = [];

    /// <summary>Why the last upload was refused (shown at the upload form).</summary>
    public string? UploadError { get; private set; }

    /// <summary>Documents can be added while the case is open (a closed case's record is final).</summary>
    public bool CanUpload => Case is { IsOpen: true };

    public IReadOnlyList<ActionForm> Forms { get; private set; } = [];

    /// <summary>The action whose form is shown open (after a post with errors).</summary>
    public string? OpenAction { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Error { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public (Guid PersonId, string Field, string Value)? Revealed { get; private set; }

    public bool CanReveal => CasePolicies.RevealRoles.Any(User.IsInRole);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await LoadAsync(id, null, ct);
            return Page();
        }
        catch (NotFoundException e)
        {
            return Fail(StatusCodes.Status404NotFound, e.Message);
        }
    }

    public async Task<IActionResult> OnPostActAsync(Guid id, string action, CancellationToken ct)
    {
        var type = CaseActionService.RequestTypeOf(action);
        try
        {
            if (type is null)
                throw BadRequestException.ForField("action", $"未知的操作“{action}”。");
            var scope = await access.ScopeAsync(User, ct);
            var current = await reader.ReadAsync(id, scope, ct);
            var form = await forms.FormAsync(action, current, User, ct);
            var request = CaseForms.Deserialize(CaseForms.ToJson(form.Fields, Request.Form), type, json.Value.SerializerOptions);
            var result = await actions.PerformAsync(User, id, action, request, ct);
            Message = $"已{CaseActions.DisplayName(action)}。当前状态：{result.StateName}。";
            return RedirectToPage(new { id });
        }
        catch (DomainException e) when (e is not NotFoundException)
        {
            return await ShowErrorAsync(id, action, e.StatusCode, e.Message, CaseForms.Errors(e), ct);
        }
        catch (FluentValidation.ValidationException e)
        {
            return await ShowErrorAsync(id, action, StatusCodes.Status400BadRequest, "请检查填写的内容。", CaseForms.Errors(e), ct);
        }
        catch (NotFoundException e)
        {
            return Fail(StatusCodes.Status404NotFound, e.Message);
        }
    }

    /// <summary>Adds a document through the shared case-documents use case (checks, storage, timeline entry, audit).</summary>
    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        try
        {
            var outcome = await UploadOutcome.TryAsync(() => documents.UploadAsync(User, id, file, ct));
            if (outcome.Saved is { } saved)
            {
                Message = $"已上传材料“{saved.Name}”。";
                return RedirectToPage(new { id });
            }

            UploadError = outcome.Error;
            await LoadAsync(id, null, ct);
            Response.StatusCode = outcome.Status;
            return Page();
        }
        catch (NotFoundException e)
        {
            return Fail(StatusCodes.Status404NotFound, e.Message);
        }
    }

    public async Task<IActionResult> OnPostRevealAsync(Guid id, Guid personId, RevealPersonalData.Field field, string? reason, CancellationToken ct)
    {
        try
        {
            if (!CanReveal)
                throw new ForbiddenException("您无权查看完整的个人信息。");
            await LoadAsync(id, null, ct);
            if (Case!.Parties.All(p => p.PersonId != personId))
                throw new NotFoundException("该人员不是本事项的当事人。");
            if (string.IsNullOrWhiteSpace(reason))
                throw BadRequestException.ForField("reason", "查看完整个人信息须说明用途。");
            var value = await reveal.HandleAsync(personId, new RevealPersonalData.Request(field, reason.Trim()), ct);
            Revealed = (personId, field.ToString(), value.Value);
            return Page();
        }
        catch (DomainException e)
        {
            Error = e.Message;
            Response.StatusCode = e.StatusCode;
            if (Case is null)
                return Fail(e.StatusCode, e.Message);
            return Page();
        }
    }

    private async Task LoadAsync(Guid id, string? openAction, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(User, ct);
        var c = await reader.ReadAsync(id, scope, ct);
        Case = c;
        Documents = await documents.ListAsync(scope, id, ct);
        var all = await forms.ForAsync(c, User, ct);
        Forms = [.. all.Select(f => f.Action == openAction ? f with { Fields = [.. f.Fields.Select(x => x.WithPosted(Request.HasFormContentType ? Request.Form : null))] } : f)];
        OpenAction = openAction;
    }

    private async Task<IActionResult> ShowErrorAsync(Guid id, string action, int status, string message, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        try
        {
            await LoadAsync(id, action, ct);
        }
        catch (NotFoundException e)
        {
            return Fail(StatusCodes.Status404NotFound, e.Message);
        }

        Error = message;
        Errors = errors;
        Response.StatusCode = status;
        return Page();
    }

    private PageResult Fail(int status, string message)
    {
        Case = null;
        Documents = [];
        Error = message;
        Response.StatusCode = status;
        return Page();
    }
}
