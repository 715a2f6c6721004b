using System.Net;
using System.Text.Json.Nodes;
using Farun.Data;
using Farun.Features.Cases;
using Farun.Features.Identity;
using Farun.IntegrationTests.Infrastructure;
using Farun.Web.Features.Cases;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Cases;

public sealed class CaseApiTests
{
    private static readonly string[] WomenDisabled = ["Women", "Disabled"];
    private static readonly string[] MigrantWorker = ["MigrantWorker"];

    [SkippableFact]
    public async Task Action_NotAllowedInState_409WithCallersAllowedActions()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        var hotline = await app.StaffAsync("hotline");
        var id = Id(await Api.CreateAsync(hotline, Api.Consultation()));
        var problem = await Api.ActAsync(hotline, id, "answer", new { answerSummary = "再答一次" }, HttpStatusCode.Conflict);
        Assert.Equal(["convert", "note"], Api.Strings(problem["allowedActions"]));
        Assert.Contains("已解答", problem["detail"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Action_PermittedInStateButNotForCaller_403()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        var officer = await app.StaffAsync("legalaid");
        var hotline = await app.StaffAsync("hotline");
        var id = Id(await Api.CreateAsync(officer, Api.LegalAid()));
        await Api.ActAsync(hotline, id, "grant", new { }, HttpStatusCode.Forbidden);
        var seen = await Api.GetCaseAsync(hotline, id);
        Assert.Equal(["note"], Api.Strings(seen["allowedActions"]));
    }

    [SkippableFact]
    public async Task Action_WrongFields_400WithChineseFieldErrors()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        var officer = await app.StaffAsync("legalaid");
        var id = Id(await Api.CreateAsync(officer, Api.LegalAid()));

        var missing = await Api.ActAsync(officer, id, "refuse", new { reasons = " " }, HttpStatusCode.BadRequest);
        Assert.Contains("第四十三条", Api.Strings(missing["errors"]!["reasons"]).Single());

        var unknown = await Api.ActAsync(officer, id, "approve-everything", new { }, HttpStatusCode.BadRequest);
        Assert.Contains("未知的操作", Api.Strings(unknown["errors"]!["action"]).Single());

        var badEnum = await Api.ReadAsync(await Api.PostAsync(officer, $"/api/cases/{id}/actions/object", new { receivedOn = "2026-13-45", text = "x" }), HttpStatusCode.BadRequest);
        Assert.NotNull(badEnum["errors"]!["receivedOn"]);

        var control = await Api.ActAsync(officer, id, "note", new { text = "含有\u0007控制字符" }, HttpStatusCode.BadRequest);
        Assert.Contains("控制字符", Api.Strings(control["errors"]!["text"]).Single());
    }

    [SkippableFact]
    public async Task Create_InvalidIdNumberPhoneAndDates_400WithFieldMessages()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        var staff = await app.StaffAsync("staff");
        var good = Api.NewIdNumber();
        var badCheck = good[..17] + (good[17] == '0' ? '1' : '0');
        var response = await Api.PostAsync(staff, "/api/cases", new
        {
            type = "Consultation",
            channel = "WalkIn",
            applicant = new { person = new { name = "张三", idNumber = badCheck, phone = "1381234567", birthDate = "2999-01-01" } },
            consultation = new { question = "问题", domain = "Labour" },
        });
        var problem = await Api.ReadAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!;
        Assert.Contains("校验码", Api.Strings(errors["applicant.person.idNumber"]).Single());
        Assert.NotEmpty(Api.Strings(errors["applicant.person.phone"]));
        Assert.Contains("出生日期", Api.Strings(errors["applicant.person.birthDate"]).Single());
    }

    [SkippableFact]
    public async Task Create_UnknownEnumValues_400()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        var staff = await app.StaffAsync("staff");
        var asText = await Api.PostAsync(staff, "/api/cases", new { type = "Divorce", channel = "WalkIn" });
        Assert.Equal(HttpStatusCode.BadRequest, asText.StatusCode);
        var asNumber = await Api.ReadAsync(await Api.PostAsync(staff, "/api/cases", new { type = 42, channel = 77, applicant = new { personId = Guid.NewGuid() } }), HttpStatusCode.BadRequest);
        Assert.Contains("未知的服务事项类型", Api.Strings(asNumber["errors"]!["type"]).Single());
        Assert.Contains("未知的来源渠道", Api.Strings(asNumber["errors"]!["channel"]).Single());
        var noDetails = await Api.ReadAsync(await Api.PostAsync(staff, "/api/cases", new { type = "Mediation", channel = "WalkIn", applicant = new { personId = Guid.NewGuid() } }), HttpStatusCode.BadRequest);
        Assert.Contains("请填写调解登记内容", Api.Strings(noDetails["errors"]!["mediation"]).Single());
        var list = await staff.GetAsync("/api/cases?state=Sleeping");
        Assert.Equal(HttpStatusCode.BadRequest, list.StatusCode);
    }

    [SkippableFact]
    public async Task Create_ScriptInText_StoredAndReturnedAsText()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        var hotline = await app.StaffAsync("hotline");
        const string script = "<script>alert('x')</script>邻居噪音扰民怎么办？";
        var created = await Api.CreateAsync(hotline, Api.Consultation(question: script, answer: null));
        var read = await Api.GetCaseAsync(hotline, Id(created));
        Assert.Equal(script, read["consultation"]!["question"]!.GetValue<string>());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_Concurrently_UniqueSequentialNumbers(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var hotline = await app.StaffAsync("hotline");
        var numbers = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
            (await Api.CreateAsync(hotline, Api.Consultation()))["number"]!.GetValue<string>()));
        Assert.Equal(16, numbers.Distinct().Count());
        var year = Farun.Common.Calendar.ChinaTime.Today().Year;
        Assert.Equal(Enumerable.Range(1, 16).Select(i => $"ZX-{year}-{i:000000}"), numbers.Order());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_RoundRobinConcurrently_SpreadsEvenlyAcrossEligibleStaff(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var officer = await app.StaffAsync("legalaid");
        Guid servicePoint;
        await using (var scope = app.Scope())
        {
            var users = scope.Get<UserManager<StaffUser>>();
            servicePoint = (await users.FindByNameAsync("legalaid"))!.ServicePointId!.Value;
            foreach (var name in new[] { "legalaid2", "legalaid3" })
            {
                var user = new StaffUser { UserName = name, FullName = name, ServicePointId = servicePoint };
                Assert.True((await users.CreateAsync(user, StaffClient.DemoPassword)).Succeeded);
                await users.AddToRoleAsync(user, Roles.LegalAidOfficer);
            }
        }

        // 24 creations at once (more than the connection pool serves at a time): every eligible officer gets 8, none 9.
        var created = await Task.WhenAll(Enumerable.Range(0, 24).Select(async _ =>
        {
            var body = System.Text.Json.JsonSerializer.SerializeToNode(Api.LegalAid(), CaseTestApp.Json)!.AsObject();
            body["assignment"] = "RoundRobin";
            return await Api.CreateAsync(officer, body);
        }));
        var perOfficer = created.GroupBy(c => c["assignee"]!["id"]!.GetValue<string>()).Select(g => g.Count()).ToList();
        Assert.Equal([8, 8, 8], perOfficer);

        await using var check = app.Scope();
        var cursor = await check.Get<FarunDbContext>().AssignmentCursors.AsNoTracking().SingleAsync(c => c.ServicePointId == servicePoint && c.Type == CaseType.LegalAid);
        Assert.Equal(24, cursor.Turns);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Persons_DuplicatesSearchAndAuditedReveal(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var staff = await app.StaffAsync("staff");
        var id = Api.NewIdNumber();
        var first = await Api.ReadAsync(await Api.PostAsync(staff, "/api/persons", new { name = "陈静", idNumber = id, phone = "13812345678", groups = WomenDisabled }), HttpStatusCode.Created);
        var personId = first["person"]!["id"]!.GetValue<string>();
        Assert.Equal(id[..4] + "**********" + id[^4..], first["person"]!["idNumberMasked"]!.GetValue<string>());
        Assert.Equal("138****5678", first["person"]!["phoneMasked"]!.GetValue<string>());

        // Same ID typed differently: the existing person, with a warning.
        var again = await Api.ReadAsync(await Api.PostAsync(staff, "/api/persons", new { name = "陈静", idNumber = " " + id.ToLowerInvariant() + " " }), HttpStatusCode.OK);
        Assert.True(again["existing"]!.GetValue<bool>());
        Assert.Equal(personId, again["person"]!["id"]!.GetValue<string>());
        Assert.Equal("SameIdNumber", again["warnings"]![0]!["kind"]!.GetValue<string>());

        // Same name and phone without an ID: registered, with a warning naming the likely duplicate.
        var similar = await Api.ReadAsync(await Api.PostAsync(staff, "/api/persons", new { name = "陈 静", phone = "+86 138 1234 5678" }), HttpStatusCode.Created);
        Assert.Equal("SameNameAndPhone", similar["warnings"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal(personId, similar["warnings"]![0]!["personId"]!.GetValue<string>());

        var byId = await Api.ReadAsync(await staff.GetAsync("/api/persons?idNumber=" + id), HttpStatusCode.OK);
        Assert.Equal(personId, byId.AsArray().Single()!["id"]!.GetValue<string>());
        var byPhone = await Api.ReadAsync(await staff.GetAsync("/api/persons?phone=" + Uri.EscapeDataString("138-1234-5678")), HttpStatusCode.OK);
        Assert.Equal(2, byPhone.AsArray().Count);

        var revealed = await Api.ReadAsync(await Api.PostAsync(staff, $"/api/persons/{personId}/reveal", new { field = "IdNumber", reason = "核对身份" }), HttpStatusCode.OK);
        Assert.Equal(id, revealed["value"]!.GetValue<string>());
        var noReason = await Api.PostAsync(staff, $"/api/persons/{personId}/reveal", new { field = "IdNumber" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        await using var scope = app.Scope();
        var db = scope.Get<FarunDbContext>();
        var reveal = await db.AuditEntries.SingleAsync(a => a.Action == "person.reveal");
        Assert.Equal(personId, reveal.EntityId);
        Assert.Contains("核对身份", reveal.Details);
        Assert.DoesNotContain(id, reveal.Details!, StringComparison.OrdinalIgnoreCase);
        var stored = await db.Persons.AsNoTracking().SingleAsync(p => p.Id == Guid.Parse(personId));
        Assert.DoesNotContain(id, stored.IdNumberCipher!, StringComparison.Ordinal);
        Assert.StartsWith("pd1:test1:", stored.IdNumberCipher, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OverdueAlerts_RunTwiceConcurrently_RaisedOncePerDeadline(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var officer = await app.StaffAsync("legalaid");
        var today = Farun.Common.Calendar.ChinaTime.Today();
        var late = Id(await Api.CreateAsync(officer, WithReceivedOn(today.AddDays(-20))));
        var onTime = Id(await Api.CreateAsync(officer, WithReceivedOn(today)));
        var list = await Api.ReadAsync(await officer.GetAsync("/api/cases?overdue=true"), HttpStatusCode.OK);
        Assert.Equal([late], list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        Assert.True(list["items"]![0]!["overdue"]!.GetValue<bool>());

        var alerts = app.App.Services.GetRequiredService<OverdueAlerts>();
        var now = DateTimeOffset.UtcNow;
        var raised = await Task.WhenAll(alerts.RaiseOverdueAlertsAsync(now), alerts.RaiseOverdueAlertsAsync(now), alerts.RaiseOverdueAlertsAsync(now));
        Assert.Equal(1, raised.Sum());
        Assert.Equal(0, await alerts.RaiseOverdueAlertsAsync(now.AddMinutes(5)));

        await using var scope = app.Scope();
        var db = scope.Get<FarunDbContext>();
        var alert = await db.CaseAlerts.SingleAsync();
        Assert.Equal(Guid.Parse(late), alert.CaseId);
        Assert.Equal(1, await db.CaseEvents.CountAsync(e => e.CaseId == Guid.Parse(late) && e.Kind == CaseEventKind.Alert));

        // The review clock ten days later is a new deadline (after materials were supplemented): alerted once more.
        await Api.ActAsync(officer, onTime, "request-materials", new { missing = "收入证明" });
        Assert.Equal(1, await alerts.RaiseOverdueAlertsAsync(now.AddDays(40)));
        Assert.Equal(0, await alerts.RaiseOverdueAlertsAsync(now.AddDays(41)));
    }

    [SkippableFact]
    public async Task Assign_RoundRobinAndLeastLoaded_AmongEligibleOfficers()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        var officer = await app.StaffAsync("legalaid");
        Guid second;
        await using (var scope = app.Scope())
        {
            var users = scope.Get<UserManager<StaffUser>>();
            var first = await users.FindByNameAsync("legalaid");
            var user = new StaffUser { UserName = "legalaid2", FullName = "第二法援人员", ServicePointId = first!.ServicePointId };
            Assert.True((await users.CreateAsync(user, StaffClient.DemoPassword)).Succeeded);
            await users.AddToRoleAsync(user, Roles.LegalAidOfficer);
            second = user.Id;
        }

        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
            ids.Add(Id(await Api.CreateAsync(officer, Api.LegalAid())));
        var names = new List<string>();
        foreach (var id in ids.Take(2))
            names.Add((await Api.ActAsync(officer, id, "assign", new { strategy = "RoundRobin" }))["assignee"]!["name"]!.GetValue<string>());
        Assert.Equal(2, names.Distinct().Count());

        // Give the second officer one more open case; least-loaded then picks the first officer.
        await Api.ActAsync(officer, ids[2], "assign", new { assigneeId = second });
        var least = await Api.ActAsync(officer, ids[3], "assign", new { strategy = "LeastLoaded" });
        Assert.Equal("演示法援人员", least["assignee"]!["name"]!.GetValue<string>());

        var reassigned = await Api.ActAsync(officer, ids[3], "reassign", new { assigneeId = second, reason = "休假" });
        Assert.Equal("第二法援人员", reassigned["assignee"]!["name"]!.GetValue<string>());
        var mine = names[0] == "演示法援人员" ? ids[0] : ids[1];
        var unknown = await Api.ActAsync(officer, mine, "reassign", new { assigneeId = Guid.NewGuid(), reason = "交接" }, HttpStatusCode.BadRequest);
        Assert.Contains("未找到", Api.Strings(unknown["errors"]!["assigneeId"]).Single());
        Guid hotlineUser;
        await using (var scope = app.Scope())
            hotlineUser = (await scope.Get<UserManager<StaffUser>>().FindByNameAsync("hotline"))!.Id;
        var notHandler = await Api.ActAsync(officer, mine, "reassign", new { assigneeId = hotlineUser, reason = "交接" }, HttpStatusCode.BadRequest);
        Assert.Contains("不办理", Api.Strings(notHandler["errors"]!["assigneeId"]).Single());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AssignLawyer_OpposingPartyWasLawyersClient_Blocked(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var officer = await app.StaffAsync("legalaid");
        var formerClientId = Api.NewIdNumber();
        var a = Id(await Api.CreateAsync(officer, Api.LegalAid(new { person = new { name = "周八", idNumber = formerClientId, phone = Api.NewMobile() } })));
        var lawyers = await Api.ReadAsync(await officer.GetAsync("/api/lawyers"), HttpStatusCode.OK);
        var lawyerId = lawyers.AsArray().First(l => l!["name"]!.GetValue<string>() == "演示律师")!["id"]!.GetValue<string>();
        await Api.ActAsync(officer, a, "grant", new { });
        await Api.ActAsync(officer, a, "assign-lawyer", new { lawyerId });

        // The former client is now the opposing party of another applicant.
        var formerClient = (await Api.GetCaseAsync(officer, a))["parties"]![0]!["personId"]!.GetValue<string>();
        var b = Id(await Api.CreateAsync(officer, Api.LegalAid(parties: [new { role = "OpposingParty", personId = formerClient }])));
        await Api.ActAsync(officer, b, "grant", new { });
        var candidates = await Api.ReadAsync(await officer.GetAsync($"/api/cases/{b}/lawyer-candidates"), HttpStatusCode.OK);
        var blocked = candidates.AsArray().Single(c => c!["lawyer"]!["id"]!.GetValue<string>() == lawyerId)!;
        Assert.True(blocked["blocked"]!.GetValue<bool>());
        Assert.Equal("Definite", blocked["conflicts"]![0]!["strength"]!.GetValue<string>());
        Assert.Equal(lawyerId, candidates.AsArray().Last()!["lawyer"]!["id"]!.GetValue<string>());

        var refused = await Api.ActAsync(officer, b, "assign-lawyer", new { lawyerId }, HttpStatusCode.BadRequest);
        Assert.Contains("利益冲突", Api.Strings(refused["errors"]!["lawyerId"]).Single());

        // Lawyer load counts the open case.
        var after = await Api.ReadAsync(await officer.GetAsync("/api/lawyers"), HttpStatusCode.OK);
        Assert.Equal(1, after.AsArray().Single(l => l!["id"]!.GetValue<string>() == lawyerId)!["openCases"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Citizen_AppliesOnlineFollowsAndWithdraws_SeesOnlyOwnCases()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        var phone = Api.NewMobile();
        var citizen = await app.SignedInCitizenAsync(phone);
        var mismatch = await Api.PostAsync(citizen, "/api/cases", Api.LegalAid(new { person = new { name = "孙九", phone = Api.NewMobile(), idNumber = Api.NewIdNumber() } }, channel: "OnlinePortal"));
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        var consultation = await Api.PostAsync(citizen, "/api/cases", Api.Consultation(channel: "OnlinePortal"));
        Assert.Equal(HttpStatusCode.BadRequest, consultation.StatusCode);
        var atWindow = await Api.PostAsync(citizen, "/api/cases", Api.Consultation(channel: "WalkIn"));
        Assert.Equal(HttpStatusCode.Forbidden, atWindow.StatusCode);

        var own = await Api.CreateAsync(citizen, Api.LegalAid(new { person = new { name = "孙九", phone, idNumber = Api.NewIdNumber() } }, channel: "OnlinePortal"));
        Assert.Equal("OnlinePortal", own["channel"]!.GetValue<string>());
        Assert.Equal(["withdraw"], Api.Strings(own["allowedActions"]));

        // Staff add an internal note and a case for someone else; the citizen sees neither.
        var officer = await app.StaffAsync("legalaid");
        await Api.ActAsync(officer, Id(own), "note", new { text = "内部备注：核实收入" });
        await Api.CreateAsync(officer, Api.LegalAid());
        var list = await Api.ReadAsync(await citizen.GetAsync("/api/cases"), HttpStatusCode.OK);
        Assert.Equal([Id(own)], list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        var read = await Api.GetCaseAsync(citizen, Id(own));
        Assert.DoesNotContain(read["timeline"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "Note");

        // A case registered at a window with the citizen's phone is theirs too.
        var walkIn = await Api.CreateAsync(officer, Api.LegalAid(new { person = new { name = "孙九", phone, idNumber = Api.NewIdNumber() } }));
        Assert.Equal(200, (int)(await citizen.GetAsync($"/api/cases/{Id(walkIn)}")).StatusCode);

        var withdrawn = await Api.ActAsync(citizen, Id(own), "withdraw", new { reason = "已和解" });
        Assert.Equal("Withdrawn", withdrawn["state"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task ListAndCounts_MineQueueSortedByPriorityThenDeadline()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        var officer = await app.StaffAsync("legalaid");
        var today = Farun.Common.Calendar.ChinaTime.Today();
        var older = Id(await Api.CreateAsync(officer, WithReceivedOn(today.AddDays(-3))));
        var newer = Id(await Api.CreateAsync(officer, WithReceivedOn(today)));
        var green = Id(await Api.CreateAsync(officer, Api.LegalAid(new { person = new { name = "钱十", idNumber = Api.NewIdNumber(), groups = MigrantWorker } }, matter: "LabourRemuneration")));
        var queue = await Api.ReadAsync(await officer.GetAsync("/api/cases?queue=true"), HttpStatusCode.OK);
        Assert.Equal([green, older, newer], queue["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        Assert.Equal("High", queue["items"]![0]!["priority"]!.GetValue<string>());

        await Api.ActAsync(officer, newer, "claim");
        var mine = await Api.ReadAsync(await officer.GetAsync("/api/cases?mine=true"), HttpStatusCode.OK);
        Assert.Equal([newer], mine["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));

        var counts = await Api.ReadAsync(await officer.GetAsync("/api/cases/counts?type=LegalAid"), HttpStatusCode.OK);
        Assert.Equal(3, counts["total"]!.GetValue<int>());
        Assert.Equal("Submitted", counts["groups"]!.AsArray().Single()!["state"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task KeyRotation_Reencrypt_ThenOldKeyRemoved_StillReadable()
    {
        var database = await TestDatabase.CreateAsync("Sqlite");
        var settings = CaseTestApp.KeySettings();
        string personId;
        var id = Api.NewIdNumber();
        await using (var factory = new FarunFactory(database, settings))
        {
            var staff = await StaffClient.SignedInAsync(factory, "staff");
            var created = await Api.ReadAsync(await Api.PostAsync(staff, "/api/persons", new { name = "吴一", idNumber = id }), HttpStatusCode.Created);
            personId = created["person"]!["id"]!.GetValue<string>();
        }

        var rotated = new Dictionary<string, string?>(settings)
        {
            ["Farun:PersonalData:ActiveKeyId"] = "test2",
            ["Farun:PersonalData:Keys:test2"] = Farun.Common.Privacy.PersonalDataKeyGenerator.NewKey(),
        };
        await using (var factory = new FarunFactory(database, rotated))
        {
            var report = await Farun.Web.Features.Platform.Reencryption.RunAsync(factory.Services, "test", CancellationToken.None);
            Assert.Contains(("Person.IdNumber", 1), report);
        }

        var onlyNew = rotated.Where(kv => kv.Key != "Farun:PersonalData:Keys:test1").ToDictionary();
        await using (var factory = new FarunFactory(database, onlyNew))
        {
            var staff = await StaffClient.SignedInAsync(factory, "staff");
            var revealed = await Api.ReadAsync(await Api.PostAsync(staff, $"/api/persons/{personId}/reveal", new { field = "IdNumber", reason = "核对" }), HttpStatusCode.OK);
            Assert.Equal(id, revealed["value"]!.GetValue<string>());
            var found = await Api.ReadAsync(await staff.GetAsync("/api/persons?idNumber=" + id), HttpStatusCode.OK);
            Assert.Single(found.AsArray());
        }

        await database.DisposeAsync();
    }

    private static object WithReceivedOn(DateOnly receivedOn) => new
    {
        type = "LegalAid",
        channel = "WalkIn",
        applicant = new { person = new { name = "郑十一", idNumber = Api.NewIdNumber() } },
        legalAid = new { matter = "Maintenance", description = "请求支付赡养费。", hardshipCommitment = true, receivedOn = receivedOn.ToString("yyyy-MM-dd") },
    };

    private static string Id(JsonNode c) => c["id"]!.GetValue<string>();
}
