using Farun.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.Cases.Portal;

/// <summary>/citizen/cases — 我的事项: the signed-in citizen's own cases (filed online by them, or with them as applicant
/// by their verified phone), newest first, with state and deadline.</summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class MyCasesModel(ListCases.Handler list, CaseAccess access) : PageModel
{
    /// <summary>Online legal-aid applications start in the legal-aid procedure guide, which checks eligibility first.</summary>
    public const string ApplyForLegalAidUrl = "/guides/legal-aid";

    public IReadOnlyList<CaseListItem> Items { get; private set; } = [];

    public int Total { get; private set; }

    public string Phone => User.Identity?.Name ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await access.ScopeAsync(User, ct);
        var result = await list.HandleAsync(new ListCases.Request(null, null, null, null, null, null, null, null, null, 1, ListCases.MaxPageSize), scope, ct);
        Items = [.. result.Items.OrderByDescending(i => i.IsOpenState()).ThenByDescending(i => i.CreatedAt)];
        Total = result.Total;
    }
}

internal static class CitizenCaseText
{
    /// <summary>Open cases first: an item without a final state is still being handled.</summary>
    public static bool IsOpenState(this CaseListItem item) =>
        Farun.Features.Cases.CaseWorkflow.For(item.Type).Info(item.State).IsOpen;
}
