using Farun.Data;
using Farun.Features.Identity;
using Farun.Features.Mediation;
using Farun.Features.Services;
using Farun.Web.Common;
using Farun.Web.Features.Cases;
using Farun.Web.Features.Identity;
using Farun.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Farun.Web.Features.Mediation;

/// <summary>Local policy of mediation, notarization, complaints and follow-up (section <c>Farun:Services</c>); anything left
/// out keeps the example default of <see cref="ServiceRules.Default"/>, and every configured period names its source.</summary>
public sealed class ServiceOptions
{
    public const string Section = "Farun:Services";

    public CaseOptions.PeriodOptions? MediationPeriod { get; set; }

    public int? ConfirmationReminderDays { get; set; }

    public CaseOptions.PeriodOptions? ComplaintReply { get; set; }

    public CaseOptions.PeriodOptions? FollowUp { get; set; }

    public CaseOptions.PeriodOptions? Rectification { get; set; }

    public ServiceRules ToRules()
    {
        var d = ServiceRules.Default;
        var problems = new List<string>();
        var rules = d with
        {
            MediationPeriod = Period(MediationPeriod, d.MediationPeriod, nameof(MediationPeriod), problems),
            ConfirmationReminderDays = ConfirmationReminderDays ?? d.ConfirmationReminderDays,
            ComplaintReply = Period(ComplaintReply, d.ComplaintReply, nameof(ComplaintReply), problems),
            FollowUp = Period(FollowUp, d.FollowUp, nameof(FollowUp), problems),
            Rectification = Period(Rectification, d.Rectification, nameof(Rectification), problems),
        };
        if (rules.ConfirmationReminderDays is < 1 or > MediationRules.ConfirmationWindowDays)
            problems.Add($"{Section}:ConfirmationReminderDays 须在1到{MediationRules.ConfirmationWindowDays}之间。");
        if (problems.Count > 0)
            throw new InvalidOperationException("服务配置有误：" + string.Join("；", problems));
        return rules;
    }

    private static Farun.Features.Cases.ConfiguredPeriod Period(CaseOptions.PeriodOptions? o, Farun.Features.Cases.ConfiguredPeriod fallback, string name, List<string> problems)
    {
        if (o is null)
            return fallback;
        if (o.Days is < 1 or > 365)
            problems.Add($"{Section}:{name}:Days 须在1到365之间。");
        if (string.IsNullOrWhiteSpace(o.Source))
            problems.Add($"{Section}:{name}:Source 未填写：配置的期限须注明依据。");
        return new Farun.Features.Cases.ConfiguredPeriod(o.Kind, o.Days, o.Source ?? "");
    }
}

/// <summary>Registration of mediation, notarization, complaints and follow-up: one AddServiceFeatures, one MapServiceFeatures.</summary>
public static class ServicesModule
{
    public static IServiceCollection AddServiceFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ServiceOptions>(configuration.GetSection(ServiceOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ServiceOptions>>().Value.ToRules());
        services.AddScoped<MediationOpener>();
        services.AddScoped<Farun.Web.Features.Notarization.BookNotarySlot>();
        services.AddScoped<Farun.Web.Features.Notarization.OpenNotarySlots>();
        services.AddScoped<Farun.Web.Features.Complaints.ComplaintOpener>();
        services.AddScoped<Farun.Web.Features.Complaints.ComplaintDesk>();
        services.AddScoped<Farun.Web.Features.FollowUps.FollowUpScheduler>();
        services.AddScoped<Farun.Web.Features.FollowUps.FollowUpAccess>();
        services.AddScoped<Farun.Web.Features.FollowUps.FollowUpService>();
        services.AddScoped<Farun.Web.Features.FollowUps.QualityService>();
        services.AddScoped<IMediationSatisfactionSource, Farun.Web.Features.FollowUps.FollowUpSatisfactionSource>();
        services.AddScoped<Farun.Web.Features.FollowUps.SatisfactionReports>();
        services.AddScoped<MediatorRegistry.Handler>();
        services.AddScoped<AgreementDocuments>();
        services.AddScoped<MediationStats.Handler>();
        services.AddSingleton<ConfirmationReminders>();
        services.AddPeriodicJob<ConfirmationReminderJob>();
        services.AddHostedService<MediationDemoSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapServiceFeatures(this IEndpointRouteBuilder app)
    {
        var mediation = app.MapGroup("/api").WithTags("人民调解").RequireAuthorization(Policies.CaseWork);
        MediatorRegistry.Map(mediation);
        AgreementDocuments.Map(mediation);
        MediationStats.Map(app.MapGroup("/api").WithTags("人民调解").RequireAuthorization(Policies.Management));
        Farun.Web.Features.Notarization.NotaryEndpoints.Map(app);
        Farun.Web.Features.FollowUps.FollowUpEndpoints.Map(app);
        return app;
    }
}

/// <summary>Demo committees and mediators (Development or SeedDemoData only): the demo mediator account mediates at the
/// first street's committee; a lawyer is stationed at the 南湖 police station (公调对接).</summary>
internal sealed class MediationDemoSeeder(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, TimeProvider time) : IHostedService
{
    public const string StreetCommittee = "东城街道人民调解委员会（演示）";
    public const string StationedLawyer = "吴律师（演示，南湖派出所驻所）";
    public const string PoliceStation = "南湖派出所";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Seeding.DemoDataEnabled(configuration, environment))
            return;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
        if (await db.MediationCommittees.AnyAsync(c => c.IsDemo, cancellationToken))
            return;
        var street = await db.ServicePoints.FirstOrDefaultAsync(p => p.IsDemo && p.Code == "D00-S01", cancellationToken);
        var south = await db.ServicePoints.FirstOrDefaultAsync(p => p.IsDemo && p.Code == "D00-S03", cancellationToken);
        if (street is null || south is null)
            return;
        var now = time.GetUtcNow();
        var committee = new MediationCommittee(StreetCommittee, CommitteeKind.Street, street.Id, now, isDemo: true);
        var southCommittee = new MediationCommittee("南湖街道人民调解委员会（演示）", CommitteeKind.Street, south.Id, now, isDemo: true);
        var medical = new MediationCommittee("示范区医疗纠纷人民调解委员会（演示）", CommitteeKind.Professional, street.Id, now, isDemo: true);
        db.MediationCommittees.AddRange(committee, southCommittee, medical);
        var mediatorUser = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == "MEDIATOR" && u.IsDemo, cancellationToken);
        var demo = new Mediator("演示调解员", committee, false, null, [DisputeType.Neighbourhood, DisputeType.MarriageFamily, DisputeType.Damages], now, isDemo: true)
        {
            UserId = mediatorUser?.Id,
        };
        db.Mediators.AddRange(
            demo,
            new Mediator(StationedLawyer, committee, true, PoliceStation, [DisputeType.Damages, DisputeType.Neighbourhood, DisputeType.TrafficAccident], now, isDemo: true) { UserId = mediatorUser?.Id },
            new Mediator("郑桂兰（演示）", committee, false, null, [DisputeType.MarriageFamily, DisputeType.HousingHomestead], now, isDemo: true),
            new Mediator("冯建国（演示）", southCommittee, false, null, [DisputeType.PropertyManagement, DisputeType.Contract], now, isDemo: true),
            new Mediator("陈医调（演示）", medical, false, null, [DisputeType.Medical], now, isDemo: true));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.MediationCommittees.AsNoTracking().AnyAsync(c => c.IsDemo, cancellationToken))
                throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
