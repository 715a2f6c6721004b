using Farun.Features.Cases;
using Farun.Features.Complaints;
using Farun.Web.Common;
using Farun.Web.Features.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using R = Farun.Web.Features.Complaints.ComplaintActionRequests;

namespace Farun.Web.Features.Complaints;

/// <summary>/complaints/{id} — one complaint: who and what about, the linked cases, the reply deadline, and the
/// investigation and reply (outcome, reply, measures) as the case API's actions, shown only when allowed (managers).</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class ComplaintPageModel(CaseReader reader, CaseAccess access, CaseActionService actions) : PageModel
{
    public CaseDto Case { get; private set; } = null!;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    /// <summary>What was typed in the form that failed, so it is not lost.</summary>
    public IFormCollection? Posted { get; private set; }

    public bool Allows(string action) => Case.AllowedActions.Contains(action);

    public string? Typed(string field) => Posted?[field].ToString();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Case.Type == CaseType.Complaint ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string act, CancellationToken ct)
    {
        var f = Request.Form;
        string? S(string k) => string.IsNullOrWhiteSpace(f[k]) ? null : f[k].ToString();
        object? request = act switch
        {
            ServiceActions.Investigate => new R.Investigate(S("note")),
            ServiceActions.ReplyComplaint => new R.ReplyComplaint(Enum.TryParse<ComplaintOutcome>(S("outcome"), out var o) && Enum.IsDefined(o) ? o : null, S("reply"), S("measures")),
            _ => null,
        };
        if (request is null)
            return BadRequest();
        Errors = await FormErrors.TryAsync(() => actions.PerformAsync(User, id, act, request, ct));
        if (Errors.Count == 0)
        {
            Notice = act == ServiceActions.Investigate ? "已开始核查。" : "已答复投诉人，投诉已办结。";
            return Redirect($"/complaints/{id}");
        }

        Posted = f;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct) =>
        Case = await reader.ReadAsync(id, await access.ScopeAsync(User, ct), ct);
}
