using Farun.Common.Privacy;
using Farun.Common.Validation;
using Farun.Data;
using Farun.Features.Consultations;
using Farun.Features.Identity;
using Farun.Features.Lawyers;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Farun.Web.Features.Identity;
using Farun.Web.Features.Lawyers;
using Farun.Web.Features.Persons;
using Farun.Web.Features.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Farun.Web.Features.Cases;

/// <summary>Authorization policies of the case features.</summary>
public static class CasePolicies
{
    /// <summary>The case API: case-work staff (staff cookie or bearer token), and citizens signed in by phone and code
    /// (the citizen cookie) for their own cases; the administrators are refused (三员分立). Staff pages use
    /// <see cref="Policies.CaseWork"/> instead, which citizens never pass.</summary>
    public const string CaseAccess = nameof(CaseAccess);

    /// <summary>Showing a full ID number or phone: front-line staff and managers, not lawyers or administrators.</summary>
    public const string RevealPersonalData = nameof(RevealPersonalData);

    /// <summary>Maintaining the lawyer registry: legal-aid officers and managers.</summary>
    public const string ManageRegistry = nameof(ManageRegistry);

    public static readonly string[] RevealRoles = [Roles.Manager, Roles.Staff, Roles.HotlineAgent, Roles.LegalAidOfficer, Roles.Mediator, Roles.Notary];

    public static void Add(AuthorizationOptions o)
    {
        o.AddPolicy(CaseAccess, p => p.AddAuthenticationSchemes(Citizens.StaffOrCitizenHandler.SchemeName).RequireAuthenticatedUser().RequireAssertion(ctx =>
            ctx.User.FindFirst(FarunClaims.ActorKind)?.Value == "Citizen"
            || Policies.CaseWorkRoles.Any(ctx.User.IsInRole)));
        o.AddPolicy(RevealPersonalData, p => p.RequireRole(RevealRoles));
        o.AddPolicy(ManageRegistry, p => p.RequireRole(Roles.Manager, Roles.LegalAidOfficer));
    }
}

/// <summary>Registration of the case spine, consultation, legal aid, persons and lawyers: one AddCases, one MapCases.</summary>
public static class CasesModule
{
    public static IServiceCollection AddCases(this IServiceCollection services, IConfiguration configuration)
    {
        AddPersonalData(services, configuration);
        services.Configure<CaseOptions>(configuration.GetSection(CaseOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CaseOptions>>().Value.ToRules());
        services.Configure<AuthorizationOptions>(CasePolicies.Add);
        services.AddSingleton<ServicePointDirectory>();
        services.AddSingleton<OverdueAlerts>();
        services.AddPeriodicJob<OverdueAlertsJob>();
        services.AddReencryptable<Farun.Features.Persons.Person>("Person.IdNumber", nameof(Farun.Features.Persons.Person.IdNumberCipher));
        services.AddReencryptable<Farun.Features.Persons.Person>("Person.Phone", nameof(Farun.Features.Persons.Person.PhoneCipher));
        services.AddScoped<CaseAccess>();
        services.AddScoped<CaseReader>();
        services.AddScoped<CaseNumberAllocator>();
        services.AddSingleton<CaseNumberBlocks>();
        services.AddScoped<CitationLinker>();
        services.AddScoped<CaseAssigner>();
        services.AddScoped<CaseActionService>();
        services.AddScoped<CaseActionForms>();
        services.AddScoped<CaseDocuments>();
        services.AddScoped<CreateCase.Handler>();
        services.AddSingleton<CaseCreationBatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<CaseCreationBatcher>());
        services.AddScoped<ListCases.Handler>();
        services.AddScoped<PersonRegistry>();
        services.AddScoped<RegisterPerson.Handler>();
        services.AddScoped<SearchPersons.Handler>();
        services.AddScoped<RevealPersonalData.Handler>();
        services.AddScoped<RegisterOrganisation.Handler>();
        services.AddScoped<LawyerConflicts>();
        services.AddScoped<LawyerEndpoints.Handler>();
        services.AddSingleton<DemoData.CaseGenerator>();
        services.AddHostedService<CasesDemoSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api").WithTags("服务事项").RequireAuthorization(CasePolicies.CaseAccess);
        CreateCase.Map(cases);
        ListCases.Map(cases);
        GetCase.Map(cases);
        PerformAction.Map(cases);
        CaseDocuments.Map(cases);

        var registry = app.MapGroup("/api").WithTags("人员与律师").RequireAuthorization(Policies.CaseWork);
        RegisterPerson.Map(registry);
        SearchPersons.Map(registry);
        RevealPersonalData.Map(registry);
        RegisterOrganisation.Map(registry);
        LawyerEndpoints.Map(registry);
        return app;
    }

    /// <summary>Personal-data protection is wired at start-up by the platform; registered here only when a host
    /// (a tool, a test) composes the case features without it.</summary>
    private static void AddPersonalData(IServiceCollection services, IConfiguration configuration)
    {
        if (!services.Any(d => d.ServiceType == typeof(PersonalDataProtector)))
            services.AddPersonalDataProtection(configuration);
    }
}

/// <summary>Demo law firms and lawyers (Development or SeedDemoData only), the demo lawyer account linked to one of them.</summary>
internal sealed class CasesDemoSeeder(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Seeding.DemoDataEnabled(configuration, environment))
            return;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
        if (await db.LawFirms.AnyAsync(f => f.IsDemo, cancellationToken))
            return;
        await SeedAsync(db, time.GetUtcNow(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static readonly (string Name, string Org)[] DemoFirms =
    [
        ("示范区正衡律师事务所（演示）", "MD0000001"),
        ("示范区明理律师事务所（演示）", "MD0000002"),
        ("示范区公益法律服务律师事务所（演示）", "MD0000003"),
    ];

    public static async Task SeedAsync(FarunDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var firms = DemoFirms.Select(f =>
        {
            var first17 = "31510000" + f.Org;
            return new LawFirm(f.Name, UnifiedSocialCreditCode.Parse(first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17)), now, isDemo: true);
        }).ToList();
        db.LawFirms.AddRange(firms);
        var lawyerUser = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == "LAWYER" && u.IsDemo, ct);
        (string Name, int Firm, int Since, LegalDomain[] Domains)[] lawyers =
        [
            ("演示律师", 0, 2012, [LegalDomain.Labour, LegalDomain.Criminal]),
            ("赵明远（演示）", 0, 2008, [LegalDomain.Criminal, LegalDomain.Administrative]),
            ("钱晓雯（演示）", 1, 2016, [LegalDomain.MarriageFamily, LegalDomain.Inheritance]),
            ("孙立新（演示）", 1, 2019, [LegalDomain.TrafficAccident, LegalDomain.Tort]),
            ("李春华（演示）", 2, 2014, [LegalDomain.Labour, LegalDomain.LoanContract]),
            ("周正（演示）", 2, 2024, [LegalDomain.Consumer, LegalDomain.RealEstate]),
        ];
        for (var i = 0; i < lawyers.Length; i++)
        {
            var (name, firm, since, domains) = lawyers[i];
            var lawyer = new Lawyer(name, $"151012{since:0000}1{i:000000}", firms[firm], since, domains, now, isDemo: true);
            if (i == 0 && lawyerUser is not null)
                lawyer.UserId = lawyerUser.Id;
            db.Lawyers.Add(lawyer);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node seeded at the same time; anything else is a real error.
            db.ChangeTracker.Clear();
            if (!await db.LawFirms.AsNoTracking().AnyAsync(f => f.IsDemo, ct))
                throw;
        }
    }
}
