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
    private readonly ActionFormPost post = new();

    public CaseDto Case { get; private set; } = null!;

    /// <summary>The errors of the action post that failed (empty otherwise).</summary>
    public FormErrorSet Errors => post.Errors;

    /// <summary>The errors placed at the inputs of the posted action's form (ids <see cref="InputId"/>).</summary>
    public FormErrorView FieldErrors => post.Place();

    [TempData]
    public string? Notice { get; set; }

    public bool Allows(string action) => Case.AllowedActions.Contains(action);

    /// <summary>What was typed in field <paramref name="name"/> of the form of <paramref name="act"/> when that form's post
    /// failed, so it is not lost; null for the other form.</summary>
    public string? Posted(string act, string name) => post.Posted(act, name);

    public static string InputId(string act, string name) => ActionFormPost.InputId(act, name);

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
        if (await post.TryAsync(act, f, () => actions.PerformAsync(User, id, act, request, ct)))
        {
            Notice = act == ServiceActions.Investigate ? "已开始核查。" : "已答复投诉人，投诉已办结。";
            return Redirect($"/complaints/{id}");
        }

        // Wrong input answers 400; a complaint gone or an action no longer allowed keeps its 404 or 409.
        Response.StatusCode = post.StatusCode;
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct) =>
        Case = await reader.ReadAsync(id, await access.ScopeAsync(User, ct), ct);
}
