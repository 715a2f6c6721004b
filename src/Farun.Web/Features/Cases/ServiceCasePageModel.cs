using Farun.Features.Cases;
using Farun.Web.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.Cases;

/// <summary>
/// What the staff page of one case of a service (mediation, notarization) does the same way: load the case in the
/// caller's scope, 404 for a case of another type, one form per allowed action posted to the case API's action
/// service (a failed post keeps what was typed in that form and shows each message at its input), uploads through the
/// shared case-documents use case. A page supplies its type, address, the request of each
/// action from the form, and what else it shows.
/// </summary>
public abstract class ServiceCasePageModel(CaseReader reader, CaseAccess access, CaseActionService actions, CaseDocuments documents) : PageModel
{
    private readonly ActionFormPost post = new();

    public CaseDto Case { get; private set; } = null!;

    /// <summary>The errors of the action post that failed (empty otherwise).</summary>
    public FormErrorSet Errors => post.Errors;

    /// <summary>The action whose form was posted (null on a GET).</summary>
    public string? PostedAct => post.Act;

    /// <summary>The errors placed at the inputs of the posted action's form (ids <see cref="InputId"/>), for the summary
    /// and the inline messages.</summary>
    public FormErrorView FieldErrors => post.Place();

    /// <summary>The files on the case (uploaded by the applicant in the portal, or by staff), with download links.</summary>
    public CaseDocumentList DocumentList { get; private set; } = null!;

    /// <summary>Why the last upload was refused (shown at the upload form).</summary>
    public string? UploadError { get; private set; }

    /// <summary>Staff add documents while the case is open (a closed case's record is final).</summary>
    public bool CanUpload => Case.IsOpen;

    public bool Allows(string action) => Case.AllowedActions.Contains(action);

    /// <summary>What was typed in field <paramref name="name"/> of the form of <paramref name="act"/> when that form's post
    /// failed (empty when left blank); null for the other forms, which show their defaults.</summary>
    public string? Posted(string act, string name) => post.Posted(act, name);

    /// <summary>The id of the input for field <paramref name="name"/> in the form of action <paramref name="act"/>.</summary>
    public static string InputId(string act, string name) => ActionFormPost.InputId(act, name);

    /// <summary>The case type this page shows.</summary>
    protected abstract CaseType Type { get; }

    /// <summary>The page's address for a case.</summary>
    protected abstract string PathOf(Guid id);

    /// <summary>Shown when the case has no documents.</summary>
    protected abstract string NoDocuments { get; }

    /// <summary>The action's request from the posted form fields (blank fields are null), or null for an unknown action.</summary>
    protected abstract object? BuildRequest(string act, Func<string, string?> field);

    /// <summary>Loads what the page shows besides the case and its documents.</summary>
    protected virtual Task LoadMoreAsync(Guid id, CancellationToken ct) => Task.CompletedTask;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Case.Type == Type ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string act, CancellationToken ct)
    {
        var f = Request.Form;
        var request = BuildRequest(act, k => string.IsNullOrWhiteSpace(f[k]) ? null : f[k].ToString());
        if (request is null)
            return BadRequest();
        if (await post.TryAsync(act, f, () => actions.PerformAsync(User, id, act, request, ct)))
            return Redirect(PathOf(id));

        // Wrong input answers 400; a case gone or an action no longer allowed keeps its 404 or 409.
        Response.StatusCode = post.StatusCode;
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>Adds a document through the shared case-documents use case (checks, storage, timeline entry, audit).</summary>
    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        var outcome = await UploadOutcome.TryAsync(() => documents.UploadAsync(User, id, file, ct));
        if (outcome.Saved is not null)
            return Redirect(PathOf(id));

        UploadError = outcome.Error;
        await LoadAsync(id, ct);
        Response.StatusCode = outcome.Status;
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(User, ct);
        Case = await reader.ReadAsync(id, scope, ct);
        DocumentList = new CaseDocumentList(id, await documents.ListAsync(scope, id, ct), NoDocuments);
        await LoadMoreAsync(id, ct);
    }
}
