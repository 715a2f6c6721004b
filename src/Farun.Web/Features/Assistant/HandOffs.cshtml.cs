using Farun.Data;
using Farun.Features.Cases;
using Farun.Web.Common;
using Farun.Web.Features.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Assistant;

/// <summary>
/// /assistant/handoffs: the consultation cases that citizens handed over from the assistant (找人工, or a danger
/// signal), urgent ones first, each with the redacted transcript and the articles the assistant found. Only cases the
/// signed-in staff member may see are listed.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class HandOffsModel(ListCases.Handler cases, FarunDbContext db) : PageModel
{
    public const int PageSize = 20;

    /// <summary>One handed-over case with what the assistant passed on.</summary>
    public sealed record Item(CaseListItem Case, string Transcript, IReadOnlyList<string> Notes);

    public IReadOnlyList<Item> Items { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var list = await cases.HandleAsync(
            new ListCases.Request(CaseType.Consultation, null, CaseChannel.RobotHandoff, null, null, null, null, true, null, 1, PageSize), User, ct);
        Total = list.Total;
        var ids = list.Items.Select(i => i.Id).ToList();
        var details = await db.Cases.AsNoTracking().Include(c => c.Consultation).Include(c => c.Events).Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        Items = list.Items.Select(i =>
        {
            var c = details.First(d => d.Id == i.Id);
            var notes = c.Events.Where(e => e.Kind == CaseEventKind.Note && e.Text is not null).OrderBy(e => e.At).Select(e => e.Text!).ToList();
            return new Item(i, c.Consultation?.Question ?? "", notes);
        }).ToList();
    }
}
