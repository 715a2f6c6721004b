using System.Security.Claims;
using System.Text.Json;
using Farun.Data;
using Farun.Features.Audit;

namespace Farun.Web.Features.Audit;

/// <summary>
/// Records audit entries for the current caller. <see cref="Record"/> adds an entry to the unit of work, so it
/// commits with the change it describes; <see cref="RecordNowAsync"/> saves at once (reads of personal data, sign-ins).
/// </summary>
public sealed class AuditLog(FarunDbContext db, IHttpContextAccessor http, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public AuditEntry Record(string action, string? entityType = null, object? entityId = null, object? details = null)
    {
        var user = http.HttpContext?.User;
        var (kind, id, name) = Actor(user);
        var entry = new AuditEntry(time.GetUtcNow(), kind, id, name, action, entityType, entityId?.ToString(),
            details is null ? null : JsonSerializer.Serialize(details, Json), http.HttpContext?.Connection.RemoteIpAddress?.ToString());
        db.AppendAudit(entry);
        return entry;
    }

    /// <summary>Records for an explicit actor (e.g. a failed sign-in, where nobody is signed in yet).</summary>
    public AuditEntry RecordAs(ActorKind kind, Guid? actorId, string actorName, string action, string? entityType = null, object? entityId = null, object? details = null)
    {
        var entry = new AuditEntry(time.GetUtcNow(), kind, actorId, actorName, action, entityType, entityId?.ToString(),
            details is null ? null : JsonSerializer.Serialize(details, Json), http.HttpContext?.Connection.RemoteIpAddress?.ToString());
        db.AppendAudit(entry);
        return entry;
    }

    public async Task RecordNowAsync(string action, string? entityType = null, object? entityId = null, object? details = null, CancellationToken ct = default)
    {
        Record(action, entityType, entityId, details);
        await db.SaveChangesAsync(ct);
    }

    public static (ActorKind Kind, Guid? Id, string Name) Actor(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
            return (ActorKind.Anonymous, null, "匿名");
        var kind = user.FindFirstValue(FarunClaims.ActorKind) switch
        {
            nameof(ActorKind.Citizen) => ActorKind.Citizen,
            nameof(ActorKind.Partner) => ActorKind.Partner,
            _ => ActorKind.Staff,
        };
        var id = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var g) ? g : (Guid?)null;
        return (kind, id, user.Identity.Name ?? "");
    }
}

/// <summary>Claim types Farun adds beside the standard ones.</summary>
public static class FarunClaims
{
    /// <summary>Staff (default), Citizen or Partner.</summary>
    public const string ActorKind = "farun:actor";

    /// <summary>The staff member's service point.</summary>
    public const string ServicePoint = "farun:sp";
}
