using System.Net;
using Farun.Data;
using Farun.Features.Cases;
using Farun.IntegrationTests.Infrastructure;
using Farun.Web.Features.Cases.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Cases;

public sealed class DataGenerateTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Generate_FewHundredCases_CountsMatchAndCasesReadableThroughApi(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var result = await app.App.Services.GetRequiredService<CaseGenerator>()
            .GenerateAsync(300, 7, DateTimeOffset.UtcNow, null, CancellationToken.None);
        Assert.Equal(300, result.Cases);

        Guid staffCase;
        string staffCaseNumber, staffCaseState;
        int openForStaff;
        await using (var scope = app.Scope())
        {
            var db = scope.Get<FarunDbContext>();
            Assert.Equal(300, await db.Cases.CountAsync(c => c.IsDemo));
            Assert.Equal(result.Persons, await db.Persons.CountAsync(p => p.IsDemo));
            Assert.Equal(result.Events, await db.CaseEvents.CountAsync());
            Assert.InRange(result.Persons, 200, 300);

            // Every case has one applicant and its type's own data; conversions are linked; numbers are unique per type.
            Assert.Equal(300, await db.Cases.CountAsync(c => c.Parties.Count(p => p.Role == PartyRole.Applicant) == 1));
            Assert.Equal(await db.Cases.CountAsync(c => c.Type == CaseType.Consultation), await db.ConsultationDetails.CountAsync());
            Assert.Equal(await db.Cases.CountAsync(c => c.Type == CaseType.LegalAid), await db.LegalAidDetails.CountAsync());
            Assert.Equal(await db.Cases.CountAsync(c => c.State == CaseState.Converted), await db.CaseLinks.CountAsync());
            Assert.Equal(300, (await db.CaseNumberCounters.ToListAsync()).Sum(c => (int)c.Last));
            Assert.True(await db.Cases.Select(c => c.State).Distinct().CountAsync() >= 4, "cases in several states");
            Assert.True(await db.Cases.AnyAsync(c => c.State == CaseState.Closed && c.Type == CaseType.LegalAid), "some legal-aid cases went all the way");
            Assert.True(await db.Persons.AnyAsync(p => p.IdNumberCipher != null && p.PhoneIndex != null));

            var staffPoint = await db.Users.Where(u => u.UserName == "staff").Select(u => u.ServicePointId).SingleAsync();
            var staffId = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync();
            var atStaffPoint = await db.Cases.Where(c => c.ServicePointId == staffPoint).OrderBy(c => c.Number).FirstAsync();
            (staffCase, staffCaseNumber, staffCaseState) = (atStaffPoint.Id, atStaffPoint.Number, atStaffPoint.State.ToString());
            openForStaff = await db.Cases.CountAsync(c => c.AssigneeId == staffId && c.IsOpen);
        }

        var manager = await app.StaffAsync("manager");
        var counts = await Api.ReadAsync(await manager.GetAsync("/api/cases/counts"), HttpStatusCode.OK);
        Assert.Equal(300, counts["total"]!.GetValue<int>());

        var staff = await app.StaffAsync("staff");
        var read = await Api.GetCaseAsync(staff, staffCase.ToString());
        Assert.Equal(staffCaseNumber, read["number"]!.GetValue<string>());
        Assert.Equal(staffCaseState, read["state"]!.GetValue<string>());
        var mine = await Api.ReadAsync(await staff.GetAsync("/api/cases?mine=true"), HttpStatusCode.OK);
        Assert.Equal(openForStaff, mine["total"]!.GetValue<int>());

        // Numbers allocated by the app continue after the generated ones.
        var hotline = await app.StaffAsync("hotline");
        var created = await Api.CreateAsync(hotline, Api.Consultation());
        var number = created["number"]!.GetValue<string>();
        await using (var scope = app.Scope())
            Assert.Equal(1, await scope.Get<FarunDbContext>().Cases.CountAsync(c => c.Number == number));
    }
}
