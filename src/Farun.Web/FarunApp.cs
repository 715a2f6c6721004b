using System.Text.Json.Serialization;
using Farun.Data;
using Farun.Web.Common;
using Farun.Web.Features.Assistant;
using Farun.Web.Features.Cases;
using Farun.Web.Features.Guides;
using Farun.Web.Features.Identity;
using Farun.Web.Features.Laws;
using Farun.Web.Features.Platform;
using Farun.Web.Features.Search;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.HttpLogging;
using Scalar.AspNetCore;

namespace Farun.Web;

/// <summary>Composition of the web application: services, middleware and endpoints of every feature.</summary>
public static class FarunApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));
        AddServices(builder);
        var app = builder.Build();
        Configure(app);
        return app;
    }

    /// <summary>Services shared by the web app and the command-line verbs.</summary>
    public static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        if (!builder.Environment.IsDevelopment())
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);

        services.Configure<FarunOptions>(configuration.GetSection(FarunOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddFarunDatabase(configuration);
        services.AddHostedService<DatabaseInitializer>();

        // Keys live in the database so every node behind a load balancer can read every other node's cookies; they are
        // encrypted with the personal-data keys, or a database backup would be enough to forge staff cookies.
        services.AddDataProtection().SetApplicationName("Farun").PersistKeysToDbContext<FarunDbContext>()
            .ProtectKeysWithPersonalDataKeys();

        services.AddFarunIdentity();
        builder.AddPlatform();
        services.AddAuthorization(o =>
        {
            // Deny by default: every endpoint must either be public on purpose or name its policy.
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            Policies.Add(o);
        });
        services.AddHttpContextAccessor();
        services.AddScoped<Farun.Web.Features.Audit.AuditLog>();
        services.AddScoped<Farun.Web.Features.Audit.ListAudit.Handler>();
        services.AddScoped<Farun.Web.Features.Staff.StaffAccounts.Handler>();
        services.AddAntiforgery();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier));
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
        // Validators hold no state and are costly to build (every rule compiles its accessors): one instance each per process.
        services.AddValidatorsFromAssemblyContaining<DatabaseInitializer>(ServiceLifetime.Singleton, includeInternalTypes: true);
        // Rules without their own message (e.g. MaximumLength on a named field) speak Chinese too, whatever the server's
        // culture: FluentValidation's defaults would otherwise answer "The length of '姓名' must be 50 characters or fewer."
        ValidatorOptions.Global.LanguageManager.Culture = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");

        services.AddHttpLogging(o =>
        {
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        services.AddHealthChecks().AddDbContextCheck<FarunDbContext>("database");
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "法润 Farun API";
            doc.Info.Description = "公共法律服务平台开放接口";
            return Task.CompletedTask;
        }));
        services.AddLaws();
        services.AddGuides();
        services.AddCases(configuration);
        services.AddSearch(configuration);
        Farun.Web.Features.Mediation.ServicesModule.AddServiceFeatures(services, configuration);
        services.AddAssistant(configuration);
        services.AddRazorPages(o => o.RootDirectory = "/Features");
        // Emit Chinese as characters, not &#x...; entities: smaller pages and readable source. Escaping of markup is unchanged.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

    }

    public static void Configure(WebApplication app)
    {
        app.UsePlatform();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHttpLogging();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api-docs", o => o.WithTitle("法润 Farun API")).AllowAnonymous();
        app.MapRazorPages();
        app.MapAccount();
        app.MapLaws();
        app.MapGuides();
        app.MapPlatform();
        app.MapCases();
        Farun.Web.Features.Mediation.ServicesModule.MapServiceFeatures(app);
        Farun.Web.Features.Audit.ListAudit.Map(app);
        Farun.Web.Features.Staff.StaffAccounts.MapStaffAccounts(app);
        app.MapSearch();
        app.MapAssistant();
    }
}

/// <summary>Applies migrations and seeding before the server accepts requests.</summary>
internal sealed class DatabaseInitializer(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Database.MigrateAsync(services, cancellationToken);
        await Seeding.SeedAsync(services, Seeding.DemoDataEnabled(configuration, environment), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
