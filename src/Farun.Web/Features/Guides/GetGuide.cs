using Farun.Web.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Farun.Web.Features.Guides;

/// <summary>GET /api/guides/{id} — a guide's questions, outcomes and parameter values (active version, or ?version=).</summary>
public static class GetGuide
{
    public sealed class Handler(GuideCatalog catalog, GuideParameters parameters)
    {
        public async Task<GuideDetailDto> HandleAsync(string id, int? version, CancellationToken ct)
        {
            var guide = (version is { } v ? await catalog.GetVersionAsync(id, v, ct) : await catalog.GetActiveAsync(id, ct))
                ?? throw new NotFoundException(version is null ? "没有这个问卷。" : "没有这个问卷或这个版本。");
            return GuideViews.Detail(guide, parameters.Environment(guide.Definition));
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder app) =>
        app.MapGet("/guides/{id}", async Task<Ok<GuideDetailDto>> (string id, int? version, Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, version, ct)))
            .WithName("GetGuide")
            .WithSummary("问卷的问题、结果和参数")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
