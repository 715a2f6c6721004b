using Farun.Features.Assistant;
using Farun.Law.Search;
using Farun.Web.Common;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Farun.Web.Features.Assistant;

/// <summary>Registration of the legal assistant: chat page, kiosk, JSON API and the staff review queue.</summary>
public static class AssistantModule
{
    public static IServiceCollection AddAssistant(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AssistantOptions>(configuration.GetSection(AssistantOptions.Section));
        services.AddSingleton(new AnswerComposer(AssistantKnowledge.Default));
        services.AddSingleton(sp => new AssistantPipeline(sp.GetRequiredService<AnswerComposer>(), AssistantService.UrlOf));
        services.TryAddSingleton<ILlmAnswerer, OpenAiLlmAnswerer>();
        // The procedure guides register their own finder (AddGuides runs first); this is the fallback without them.
        services.TryAddSingleton<IGuideFinder, NoGuideFinder>();
        services.AddSingleton<DefaultNextStepProvider>();
        services.TryAddSingleton<INextStepProvider>(sp => sp.GetRequiredService<DefaultNextStepProvider>());
        services.AddSingleton<ILabelledQuestionSource, ConfirmedQuestionSource>();
        services.AddSingleton<KioskSlips>();
        services.AddScoped<AssistantService>();
        services.AddScoped<AssistantCases>();
        services.AddScoped<AssistantRateLimit>();
        services.AddScoped<AskAssistant.Handler>();
        services.AddScoped<ListReviewItems.Handler>();
        services.AddScoped<ReviewTurn.Handler>();
        return services;
    }

    public static IEndpointRouteBuilder MapAssistant(this IEndpointRouteBuilder app)
    {
        // Citizens ask without signing in; the conversation id is the capability to read a conversation.
        var api = app.MapGroup("/api").WithTags("智能法律助手").AllowAnonymous();
        AskAssistant.Map(api);
        GetConversation.Map(api);
        RateAnswer.Map(api);
        HandOff.Map(api);
        var staff = app.MapGroup("/api").WithTags("智能法律助手复核").RequireAuthorization(Policies.CaseWork);
        ListReviewItems.Map(staff);
        ReviewTurn.Map(staff);
        return app;
    }
}
