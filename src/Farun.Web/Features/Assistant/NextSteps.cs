using Farun.Features.Consultations;
using Farun.Features.ServicePoints;

namespace Farun.Web.Features.Assistant;

/// <summary>One thing the citizen can do next.</summary>
/// <param name="Kind">guide, service-point, hotline.</param>
/// <param name="Title">Short title.</param>
/// <param name="Detail">Plain-language detail.</param>
/// <param name="Url">A link, when there is one.</param>
/// <param name="Phone">A number to call, when there is one.</param>
public sealed record NextStep(string Kind, string Title, string Detail, string? Url, string? Phone);

/// <summary>What the next steps are chosen from.</summary>
/// <param name="Domain">The detected legal domain.</param>
/// <param name="Question">The question as typed (kept in memory only: a street named in it picks the service point).</param>
/// <param name="ServicePointId">The street or community the citizen chose (or the kiosk's own service point).</param>
public sealed record NextStepQuery(LegalDomain Domain, string Question, Guid? ServicePointId);

/// <summary>"What to do next" of an answer: the matching procedure guide, the nearest service point, 12348.</summary>
public interface INextStepProvider
{
    Task<IReadOnlyList<NextStep>> GetAsync(NextStepQuery query, CancellationToken ct);
}

/// <summary>A procedure guide that matches a question (issue 7).</summary>
public sealed record GuideLink(string Title, string Url);

/// <summary>
/// Finds the procedure guide for a question. The guides feature registers its finder; without it none is found.
/// </summary>
public interface IGuideFinder
{
    Task<GuideLink?> FindAsync(LegalDomain domain, string question, CancellationToken ct);
}

public sealed class NoGuideFinder : IGuideFinder
{
    public Task<GuideLink?> FindAsync(LegalDomain domain, string question, CancellationToken ct) => Task.FromResult<GuideLink?>(null);
}

/// <summary>
/// The default next steps. The nearest service point is chosen honestly from what is known, since coordinates are not
/// stored: the street or community the citizen chose (or the kiosk's own), else a service point whose place name the
/// question mentions (东城, 人民路 …), else the district centre with a note that choosing a street finds a closer one.
/// Service points come from the node's <see cref="Farun.Web.Features.Cases.ServicePointDirectory"/>.
/// </summary>
public sealed class DefaultNextStepProvider(Farun.Web.Features.Cases.ServicePointDirectory directory, IGuideFinder guides) : INextStepProvider
{
    private static readonly string[] NameSuffixes = ["公共法律服务工作站", "公共法律服务中心", "公共法律服务室", "法律之家", "街道", "镇", "乡", "社区", "村"];

    /// <summary>A service point as shown to citizens.</summary>
    public sealed record ServicePointInfo(Guid Id, string Name, ServicePointKind Kind, Guid? ParentId, string? Address, string? Phone, string? OpeningHours, string Place);

    public async Task<IReadOnlyList<NextStep>> GetAsync(NextStepQuery query, CancellationToken ct)
    {
        var steps = new List<NextStep>();
        if (await guides.FindAsync(query.Domain, query.Question, ct) is { } guide)
            steps.Add(new NextStep("guide", "办事指南：" + guide.Title, "按指南一步一步准备材料、办理手续。", guide.Url, null));
        var points = await PointsAsync(ct);
        var (point, why) = Choose(points, query);
        if (point is not null)
        {
            var detail = string.Join("；", new[] { point.Address, point.OpeningHours is null ? null : "开放时间：" + point.OpeningHours }.Where(s => !string.IsNullOrWhiteSpace(s)));
            steps.Add(new NextStep("service-point", "到" + point.Name + "当面咨询", (detail.Length > 0 ? detail + "。" : "") + why, null, point.Phone));
        }

        steps.Add(new NextStep("hotline", "拨打12348公共法律服务热线", "免费咨询法律问题，工作人员会耐心解答。", null, "12348"));
        return steps;
    }

    /// <summary>The service point to suggest, and a plain sentence saying how it was chosen.</summary>
    public static (ServicePointInfo? Point, string Why) Choose(IReadOnlyList<ServicePointInfo> points, NextStepQuery query)
    {
        if (query.ServicePointId is { } id && points.FirstOrDefault(p => p.Id == id) is { } chosen)
            return (chosen, "这是按您选择的街道（社区）推荐的服务点。");
        var named = points.Where(p => p.Place.Length >= 2 && query.Question.Contains(p.Place, StringComparison.Ordinal))
            .OrderBy(p => p.Kind == ServicePointKind.StreetWorkstation ? 0 : 1).ThenByDescending(p => p.Place.Length).FirstOrDefault();
        if (named is not null)
            return (named, $"您的问题里提到了“{named.Place}”，这是那里的服务点。");
        var centre = points.Where(p => p.Kind == ServicePointKind.DistrictCentre).OrderBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault();
        return (centre, "系统不知道您住在哪里；选择所在街道，可以找到离您更近的服务点。");
    }

    /// <summary>The place name of a service point: its name without the tier suffix (东城街道公共法律服务工作站 → 东城).</summary>
    public static string PlaceOf(string name)
    {
        // A trailing note in brackets (（演示）) is not part of the name.
        var place = name.Trim();
        var bracket = place.IndexOfAny(['（', '(']);
        if (bracket > 0 && (place.EndsWith('）') || place.EndsWith(')')))
            place = place[..bracket].TrimEnd();
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var suffix in NameSuffixes)
            {
                if (place.EndsWith(suffix, StringComparison.Ordinal) && place.Length > suffix.Length)
                {
                    place = place[..^suffix.Length];
                    changed = true;
                }
            }
        }

        // 东城第1社区 → 东城第1: drop a trailing ordinal.
        var di = place.LastIndexOf('第');
        if (di > 0 && place[(di + 1)..].All(char.IsAsciiDigit))
            place = place[..di];
        return place;
    }


    /// <summary>The service points as shown to citizens, from the node's service-point directory.</summary>
    public async Task<IReadOnlyList<ServicePointInfo>> PointsAsync(CancellationToken ct) =>
        [.. (await directory.GetAsync(ct)).ById.Values.OrderBy(p => p.Code, StringComparer.Ordinal)
            .Select(p => new ServicePointInfo(p.Id, p.Name, p.Kind, p.ParentId, p.Address, p.Phone, p.OpeningHours, PlaceOf(p.Name)))];
}
