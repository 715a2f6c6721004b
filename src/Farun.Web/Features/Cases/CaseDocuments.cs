using System.Security.Claims;
using Farun.Common.Calendar;
using Farun.Data;
using Farun.Features.Attachments;
using Farun.Features.Cases;
using Farun.Web.Common;
using Farun.Web.Features.Attachments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Farun.Web.Features.Cases;

public sealed record CaseDocumentDto(Guid Id, string Name, string ContentType, long Size, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>The documents of one case as the staff pages list them (partial <c>/Features/Cases/_CaseDocumentList.cshtml</c>).</summary>
public sealed record CaseDocumentList(Guid CaseId, IReadOnlyList<CaseDocumentDto> Documents, string Empty = "还没有材料。");

/// <summary>An upload form of a page (partial <c>/Features/Cases/_CaseUploadForm.cshtml</c>): why the last upload was refused.</summary>
public sealed record CaseUploadForm(string? Error);

/// <summary>An upload from a page's form: the saved document, or why it was refused and the status to answer with.</summary>
public sealed record UploadOutcome(CaseDocumentDto? Saved, string? Error, int Status)
{
    /// <summary>Runs the upload; a refusal (bad file, no permission, the case no longer takes documents) becomes the
    /// message shown at the form. A case the caller cannot see still throws <see cref="NotFoundException"/>.</summary>
    public static async Task<UploadOutcome> TryAsync(Func<Task<CaseDocumentDto>> upload)
    {
        try
        {
            return new(await upload(), null, StatusCodes.Status201Created);
        }
        catch (Exception e) when (e is BadRequestException or ForbiddenException or CaseRuleException)
        {
            var message = e is BadRequestException bad ? string.Join("；", bad.Messages) : e.Message;
            var status = e switch
            {
                ForbiddenException => StatusCodes.Status403Forbidden,
                CaseRuleException => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            };
            return new(null, message, status);
        }
    }
}

/// <summary>
/// Supporting documents of a case, kept in the attachment store (size and type limits, content sniffing, hashing,
/// audited download) with an "attachment" entry on the timeline. Whoever can see the case can list and download them;
/// a citizen can add documents to their own application while its materials are still reviewed (the workflow's
/// <see cref="CaseWorkflow.ApplicantDocumentStates"/>: an open legal-aid case, a notarization before issuance or refusal,
/// a mediation before it ends or reaches an agreement), staff to any open case they can work on.
/// </summary>
public sealed class CaseDocuments(CaseAccess access, CaseReader reader, AttachmentStore store, FarunDbContext db, CaseRules rules, TimeProvider time)
{
    public const string OwnerType = "Case";

    public async Task<CaseDocumentDto> UploadAsync(ClaimsPrincipal user, Guid caseId, IFormFile? file, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(user, ct);
        var c = await reader.LoadForUpdateAsync(caseId, scope, ct);
        if (scope.IsCitizen)
            EnsureApplicantMayAdd(c);
        else if (!scope.CanWork)
            throw new ForbiddenException("无权为该事项提交材料。");
        var ctx = new CaseContext(scope.Actor, time.GetUtcNow(), WorkingDayCalendar.China, rules);
        c.RecordAttachment(ctx, string.IsNullOrWhiteSpace(file?.FileName) ? "材料" : Path.GetFileName(file.FileName));
        // The store saves the staged timeline entry together with the file's row and its audit entry.
        var saved = await store.SaveAsync(OwnerType, caseId.ToString(), file, ct);
        return ToDto(saved);
    }

    /// <summary>The applicant's own case takes their documents only in the states its workflow allows.</summary>
    private static void EnsureApplicantMayAdd(Case c)
    {
        if (c.Workflow.ApplicantDocumentStates.Count == 0)
            throw new ForbiddenException("只能为自己的法律援助、公证或人民调解申请提交材料。");
        if (!c.AcceptsApplicantDocuments)
            throw new CaseRuleException($"该{c.Type.DisplayName()}事项当前状态为“{c.State.DisplayName()}”，已不再接收申请人提交的材料。如有疑问，请联系承办机构。");
    }

    public async Task<IReadOnlyList<CaseDocumentDto>> ListAsync(CallerScope scope, Guid caseId, CancellationToken ct)
    {
        await EnsureVisibleAsync(scope, caseId, ct);
        return [.. (await store.ListAsync(OwnerType, caseId.ToString(), ct)).Select(ToDto)];
    }

    public async Task<IResult> DownloadAsync(CallerScope scope, Guid caseId, Guid documentId, CancellationToken ct)
    {
        await EnsureVisibleAsync(scope, caseId, ct);
        var attachment = await store.FindAsync(documentId, ct);
        if (attachment is null || attachment.OwnerType != OwnerType || attachment.OwnerId != caseId.ToString())
            throw new NotFoundException("附件不存在。");
        return await store.DownloadAsync(documentId, ct);
    }

    private async Task EnsureVisibleAsync(CallerScope scope, Guid caseId, CancellationToken ct)
    {
        if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(access.Apply(db.Cases, scope), c => c.Id == caseId, ct))
            throw new NotFoundException("未找到该服务事项，或无权查看。");
    }

    private static CaseDocumentDto ToDto(Attachment a) => new(a.Id, a.OriginalName, a.ContentType, a.Size, a.UploadedByName, a.UploadedAt);

    /// <summary>GET /api/cases/{id}/documents and /api/cases/{id}/documents/{documentId} (uploads go through the pages,
    /// which carry an antiforgery token).</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/cases/{id:guid}/documents", async Task<Ok<IReadOnlyList<CaseDocumentDto>>> (Guid id, CaseDocuments documents, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await documents.ListAsync(await documents.ScopeAsync(http.User, ct), id, ct)))
            .WithName("ListCaseDocuments")
            .WithSummary("服务事项的材料清单")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/cases/{id:guid}/documents/{documentId:guid}", async (Guid id, Guid documentId, CaseDocuments documents, HttpContext http, CancellationToken ct) =>
                await documents.DownloadAsync(await documents.ScopeAsync(http.User, ct), id, documentId, ct))
            .WithName("DownloadCaseDocument")
            .WithSummary("下载服务事项的材料（记入审计日志）")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public Task<CallerScope> ScopeAsync(ClaimsPrincipal user, CancellationToken ct) => access.ScopeAsync(user, ct);
}
