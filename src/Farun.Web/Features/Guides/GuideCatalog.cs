using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Farun.Data;
using Farun.Web.Features.Guides.Engine;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Guides;

public enum GuideOrigin
{
    /// <summary>Shipped in the repository (Features/Guides/Data).</summary>
    Shipped,

    /// <summary>Uploaded by an administrator and stored in the database.</summary>
    Uploaded,
}

/// <summary>A guide ready to run, with where it came from.</summary>
public sealed record LoadedGuide(GuideDefinition Definition, GuideOrigin Origin, string Sha256, DateTimeOffset? UploadedAt)
{
    public string Id => Definition.Id;

    public int Version => Definition.Version;
}

/// <summary>
/// Parsed guides kept in memory: the shipped ones (parsed once) and uploaded versions by content hash. Versions never
/// change once stored, so this cache is safe on every node; which version is active is always read from the database.
/// </summary>
public sealed class GuideCache(ILogger<GuideCache> logger)
{
    private readonly ConcurrentDictionary<string, GuideDefinition?> _bySha = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, LoadedGuide>? _shipped;

    public IReadOnlyDictionary<string, LoadedGuide> Shipped => _shipped ??= LoadShipped();

    public bool TryGet(string sha, out GuideDefinition? definition) => _bySha.TryGetValue(sha, out definition);

    public static string Sha256(string yaml) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml)));

    /// <summary>Parses YAML already validated on upload; a version that no longer reads (an engine change) is logged and skipped.</summary>
    public GuideDefinition? Parse(string sha, string yaml, string what) => _bySha.GetOrAdd(sha, _ =>
    {
        var read = GuideYamlReader.Read(yaml);
        var problems = read.Guide is null ? read.Diagnostics : [.. read.Diagnostics, .. GuideValidator.Validate(read.Guide, laws: null)];
        if (problems.Count == 0)
            return read.Guide;
        logger.LogError("Guide {What} cannot be used: {Problems}", what, string.Join("; ", problems));
        return null;
    });

    private Dictionary<string, LoadedGuide> LoadShipped()
    {
        var result = new Dictionary<string, LoadedGuide>(StringComparer.Ordinal);
        foreach (var source in ShippedGuides.Sources)
        {
            var sha = Sha256(source.Yaml);
            if (Parse(sha, source.Yaml, source.FileName) is { } guide)
                result[guide.Id] = new LoadedGuide(guide, GuideOrigin.Shipped, sha, null);
        }

        return result;
    }
}

/// <summary>
/// The guides citizens can use: each id's active version. An uploaded version that is active replaces the shipped
/// guide of the same id unless the shipped one is newer (a later release shipped a higher version).
/// </summary>
public sealed class GuideCatalog(FarunDbContext db, GuideCache cache)
{
    public async Task<IReadOnlyList<LoadedGuide>> ListAsync(CancellationToken ct)
    {
        var active = await db.GuideVersions.AsNoTracking().Where(v => v.IsActive)
            .Select(v => new { v.GuideId, v.Version }).ToListAsync(ct);
        var ids = cache.Shipped.Keys.Concat(active.Select(a => a.GuideId)).Distinct(StringComparer.Ordinal);
        var list = new List<LoadedGuide>();
        foreach (var id in ids)
        {
            if (await GetActiveAsync(id, ct) is { } g)
                list.Add(g);
        }

        return [.. list.OrderBy(g => g.Definition.Category ?? "", StringComparer.Ordinal).ThenBy(g => g.Id, StringComparer.Ordinal)];
    }

    public async Task<LoadedGuide?> GetActiveAsync(string id, CancellationToken ct)
    {
        var shipped = cache.Shipped.GetValueOrDefault(id);
        var uploaded = await db.GuideVersions.AsNoTracking().Where(v => v.GuideId == id && v.IsActive)
            .Select(v => new { v.Version, v.Sha256, v.UploadedAt }).FirstOrDefaultAsync(ct);
        if (uploaded is not null && (shipped is null || uploaded.Version >= shipped.Version))
            return await LoadAsync(id, uploaded.Version, uploaded.Sha256, uploaded.UploadedAt, ct) ?? shipped;
        return shipped;
    }

    /// <summary>A specific version (a resumed interview runs on the version it started with), or null.</summary>
    public async Task<LoadedGuide?> GetVersionAsync(string id, int version, CancellationToken ct)
    {
        if (cache.Shipped.GetValueOrDefault(id) is { } shipped && shipped.Version == version)
            return shipped;
        var row = await db.GuideVersions.AsNoTracking().Where(v => v.GuideId == id && v.Version == version)
            .Select(v => new { v.Sha256, v.UploadedAt }).FirstOrDefaultAsync(ct);
        return row is null ? null : await LoadAsync(id, version, row.Sha256, row.UploadedAt, ct);
    }

    private async Task<LoadedGuide?> LoadAsync(string id, int version, string sha, DateTimeOffset uploadedAt, CancellationToken ct)
    {
        if (!cache.TryGet(sha, out var definition))
        {
            var yaml = await db.GuideVersions.AsNoTracking().Where(v => v.GuideId == id && v.Version == version).Select(v => v.Yaml).FirstAsync(ct);
            definition = cache.Parse(sha, yaml, $"{id} v{version}");
        }

        return definition is null ? null : new LoadedGuide(definition, GuideOrigin.Uploaded, sha, uploadedAt);
    }
}
