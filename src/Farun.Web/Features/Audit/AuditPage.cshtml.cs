using Farun.Data;
using Farun.Features.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.Audit;

public sealed class AuditPageModel(ListAudit.Handler handler, FarunDbContext db, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public ListAudit.Response Result { get; private set; } = null!;

    public AuditChainReport Chain { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var action = Filter(Action);
        var entity = Filter(EntityId);
        Result = await handler.HandleAsync(new ListAudit.Request(null, null, action, null, entity, null, Math.Clamp(PageNumber ?? 1, 1, 100_000), 50), ct);
        Chain = await AuditCommands.VerifyAsync(db, ct);
        await audit.RecordNowAsync("audit.read", details: new { action, entityId = entity, page = Result.Page }, ct: ct);
    }

    /// <summary>A filter as the form's fields allow it: at most 64 characters, without control characters (no action or
    /// ID contains one, and PostgreSQL refuses a NUL in a query).</summary>
    private static string? Filter(string? value)
    {
        var text = new string([.. (value ?? "").Where(c => !char.IsControl(c))]).Trim();
        return text.Length == 0 ? null : text[..Math.Min(64, text.Length)];
    }
}
