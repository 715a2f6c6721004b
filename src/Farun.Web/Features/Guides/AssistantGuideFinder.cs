using Farun.Features.Consultations;
using Farun.Web.Features.Assistant;

namespace Farun.Web.Features.Guides;

/// <summary>
/// The procedure guide the legal assistant offers under "what to do next": chosen from the detected legal domain and
/// plain words of the question by <see cref="Match"/>, titled by the guide's active version (an uploaded one replaces
/// the shipped one).
/// </summary>
public sealed class AssistantGuideFinder(IServiceScopeFactory scopes) : IGuideFinder
{
    private sealed record Rule(string GuideId, LegalDomain? Domain, string[] Words);

    // Order matters: the first rule that holds wins. A rule with words needs one of them in the question; a rule
    // with a domain needs that domain. Requests for a service itself (legal aid, mediation, notarization) come first.
    private static readonly Rule[] Rules =
    [
        new("legal-aid", null, ["法律援助", "请不起律师", "没钱请律师", "免费律师", "援助律师"]),
        new("notarization", null, ["公证"]),
        new("wage-arrears", LegalDomain.Labour, ["欠薪", "讨薪", "工资", "包工头", "农民工", "工钱", "血汗钱"]),
        new("labour-arbitration", LegalDomain.Labour, []),
        new("divorce", LegalDomain.MarriageFamily, ["离婚", "分居", "离了", "抚养权"]),
        new("traffic-accident", LegalDomain.TrafficAccident, []),
        new("mediation", null, ["调解", "邻居", "邻里", "物业", "楼上", "楼下"]),
        new("mediation", LegalDomain.MarriageFamily, []),
        new("mediation", LegalDomain.Inheritance, []),
    ];

    /// <summary>The id of the guide for a question, or null when no guide fits.</summary>
    public static string? Match(LegalDomain domain, string question) =>
        Rules.FirstOrDefault(r => (r.Domain is null || r.Domain == domain)
            && (r.Words.Length == 0 || r.Words.Any(w => question.Contains(w, StringComparison.Ordinal))))?.GuideId;

    public async Task<GuideLink?> FindAsync(LegalDomain domain, string question, CancellationToken ct)
    {
        if (Match(domain, question) is not { } id)
            return null;
        await using var scope = scopes.CreateAsyncScope();
        var guide = await scope.ServiceProvider.GetRequiredService<GuideCatalog>().GetActiveAsync(id, ct);
        return guide is null ? null : new GuideLink(guide.Definition.Title, "/guides/" + id);
    }
}
