using System.Text.Json;
using Farun.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Laws;

[AllowAnonymous]
public sealed class LawModel(FarunDbContext db, GetLaw.Handler handler) : PageModel
{
    public LawDetailDto Law { get; private set; } = null!;

    public LawVersionDto Version { get; private set; } = null!;

    public LawVersionDto? Current { get; private set; }

    public IReadOnlyList<LawVersionDto> Versions { get; private set; } = [];

    public IReadOnlyList<ArticleDto> Articles { get; private set; } = [];

    public IReadOnlyList<TocItem> Toc { get; private set; } = [];

    public string? Body { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? version, CancellationToken ct)
    {
        if (!await db.Laws.AnyAsync(l => l.Id == id, ct))
            return NotFound();
        Law = await handler.HandleAsync(id, ct);
        Versions = Law.Versions;
        Current = Versions.FirstOrDefault(v => v.InForce);
        if (version is not null && Versions.All(v => v.Id != version))
            return NotFound();
        var articles = await handler.ArticlesAsync(id, version ?? Current?.Id ?? Versions[0].Id, ct);
        Version = articles.Version;
        Articles = articles.Articles;
        Body = articles.Body;
        var tocJson = await db.LawVersions.Where(v => v.Id == Version.Id).Select(v => v.TocJson).FirstAsync(ct);
        Toc = JsonSerializer.Deserialize<List<TocItem>>(tocJson, JsonSerializerOptions.Web) ?? [];
        return Page();
    }

    public string VersionLabel(LawVersionDto v) => v.Date is { } d ? $"{d:yyyy年M月d日}" : "未注明日期";
}
