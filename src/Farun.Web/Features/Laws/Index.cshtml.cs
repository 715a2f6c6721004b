using Farun.Data;
using Farun.Law.Corpus;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Laws;

[AllowAnonymous]
public sealed class IndexModel(FarunDbContext db, SearchLaws.Handler search, IValidator<SearchLaws.Request> validator) : PageModel
{
    public sealed record Group(string Key, string Name, int Count);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public SearchLaws.Response? Results { get; private set; }

    public string Heading { get; private set; } = "";

    public string? Error { get; private set; }

    public IReadOnlyList<Group> Levels { get; private set; } = [];

    public IReadOnlyList<Group> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Q) || !string.IsNullOrWhiteSpace(Category) || !string.IsNullOrWhiteSpace(Level))
        {
            var request = new SearchLaws.Request(Blank(Q), Blank(Category), Blank(Level), PageNumber, 50);
            var validation = await validator.ValidateAsync(request, ct);
            if (!validation.IsValid)
            {
                Error = string.Join("；", validation.Errors.Select(e => e.ErrorMessage));
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            Results = await search.HandleAsync(request, ct);
            Heading = !string.IsNullOrWhiteSpace(Q) ? $"名称含“{Q}”的法律法规"
                : Level is not null && Enum.TryParse<LawLevel>(Level, out var lv) ? lv.DisplayName()
                : Category ?? "";
            return;
        }

        var levels = await db.Laws.AsNoTracking().GroupBy(l => l.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Levels = [.. levels
            .Select(g => (Parsed: Enum.TryParse<LawLevel>(g.Key, out var lv) ? lv : (LawLevel?)null, g.Key, g.Count))
            .OrderBy(g => g.Parsed is null ? 99 : (int)g.Parsed)
            .Select(g => new Group(g.Key, g.Parsed?.DisplayName() ?? g.Key, g.Count))];
        var categories = await db.Laws.AsNoTracking().GroupBy(l => l.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Categories = [.. categories.OrderByDescending(c => c.Count).Select(c => new Group(c.Key, c.Key, c.Count))];
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    public string PageLink(int page) =>
        $"/laws?q={Uri.EscapeDataString(Q ?? "")}&category={Uri.EscapeDataString(Category ?? "")}&level={Uri.EscapeDataString(Level ?? "")}&page={page}";
}
