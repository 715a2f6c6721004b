using Microsoft.AspNetCore.Http.HttpResults;

namespace Farun.Web.Features.Guides;

/// <summary>GET /api/guides — the guides citizens can use (each id's active version).</summary>
public static class ListGuides
{
    public sealed class Handler(GuideCatalog catalog)
    {
        public async Task<IReadOnlyList<GuideSummaryDto>> HandleAsync(CancellationToken ct) =>
            [.. (await catalog.ListAsync(ct)).Select(GuideViews.Summary)];
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder app) =>
        app.MapGet("/guides", async Task<Ok<IReadOnlyList<GuideSummaryDto>>> (Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithName("ListGuides")
            .WithSummary("程序引导问卷列表");
}
