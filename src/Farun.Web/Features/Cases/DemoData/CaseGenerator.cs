using System.Diagnostics;
using Farun.Common.Calendar;
using Farun.Common.Privacy;
using Farun.Common.Validation;
using Farun.Data;
using Farun.Features.Cases;
using Farun.Features.Consultations;
using Farun.Features.Identity;
using Farun.Features.Lawyers;
using Farun.Features.LegalAid;
using Farun.Features.Persons;
using Farun.Features.ServicePoints;
using Farun.Web.Features.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Cases.DemoData;

/// <summary>
/// Generates realistic cases for benchmarks and demonstrations (<c>data generate --cases n</c>): persons with encrypted ID
/// numbers and phones (some coming back with a second matter), consultations and legal-aid cases spread over the demo
/// service points and their handlers, driven through the real state machines at their historical dates (so states,
/// deadlines, timelines and links are what the app would have recorded), then bulk-written in batches.
/// Everything generated is marked as demo data. The same seed gives the same cases.
/// </summary>
public sealed class CaseGenerator(IServiceProvider services, ILogger<CaseGenerator> logger)
{
    public const int BatchSize = 20_000;

    /// <summary>Cases are spread over this many days before now (never before the holiday calendar's first year).</summary>
    public const int SpanDays = 700;

    public sealed record Result(int Cases, int Persons, int Events, int Handlers, TimeSpan Elapsed);

    private sealed record Handler(Guid Id, string Name, Guid ServicePointId, string Role)
    {
        public CaseActor Actor { get; } = CaseActor.Staff(Id, Name, ServicePointId, Role);
    }

    public async Task<Result> GenerateAsync(int count, int seed, DateTimeOffset now, IProgress<(int Done, int Total, string? Item)>? progress, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var watch = Stopwatch.StartNew();
        var (points, handlers, lawyers, counters, personOffset) = await PrepareAsync(now, ct);
        var protector = services.GetRequiredService<PersonalDataProtector>();
        var blind = services.GetRequiredService<BlindIndex>();
        var rules = services.GetRequiredService<CaseRules>();
        var run = new Run(new Random(seed), now, points, handlers, lawyers, counters, protector, blind, rules, personOffset);

        int persons = 0, events = 0;
        for (var done = 0; done < count;)
        {
            var batch = new Batch();
            var target = Math.Min(count, done + BatchSize);
            while (done < target)
                done += run.Next(batch, done, count, target - done);
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
                await new BulkWriter(db).WriteAsync(batch.Tables, ct);
            }

            persons += batch.Count<Person>();
            events += batch.Count<CaseEvent>();
            progress?.Report((done, count, null));
        }

        await SaveCountersAsync(run.Counters, ct);
        await AnalyzeAsync(ct);
        logger.LogInformation("Generated {Cases} cases, {Persons} persons, {Events} events in {Elapsed}", count, persons, events, watch.Elapsed);
        return new Result(count, persons, events, handlers.Count, watch.Elapsed);
    }

    private async Task<(List<ServicePoint>, List<Handler>, List<(Lawyer, LawFirm)>, Dictionary<(CaseType, int), long>, long)> PrepareAsync(DateTimeOffset now, CancellationToken ct)
    {
        // Roles, and the demo accounts where demo data is enabled (the app seeds them at start-up; a verb may come first).
        await Seeding.SeedAsync(services, Seeding.DemoDataEnabled(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>()), ct);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<FarunDbContext>();
        await Seeding.SeedDemoServicePointsAsync(db, ct);
        if (!await db.LawFirms.AnyAsync(f => f.IsDemo, ct))
            await CasesDemoSeeder.SeedAsync(db, now, ct);
        var points = await db.ServicePoints.AsNoTracking().Where(p => p.IsDemo).OrderBy(p => p.Code).ToListAsync(ct);
        var handlers = await EnsureHandlersAsync(db, sp.GetRequiredService<UserManager<StaffUser>>(), points, ct);
        var lawyers = await db.Lawyers.AsNoTracking().Where(l => l.IsActive)
            .Join(db.LawFirms.AsNoTracking(), l => l.FirmId, f => f.Id, (l, f) => new { l, f })
            .OrderBy(x => x.l.LicenceNumber).ToListAsync(ct);
        var counters = await db.CaseNumberCounters.AsNoTracking().ToDictionaryAsync(c => (c.Type, c.Year), c => c.Last, ct);
        var personOffset = await db.Persons.LongCountAsync(ct);
        return (points, handlers, [.. lawyers.Select(x => (x.l, x.f))], counters, personOffset);
    }

    /// <summary>Handlers: the demo front-line accounts where they exist, and three generated accounts per service point
    /// (without a password: they cannot sign in) so the work is spread as in a real district.</summary>
    private static async Task<List<Handler>> EnsureHandlersAsync(FarunDbContext db, UserManager<StaffUser> users, List<ServicePoint> points, CancellationToken ct)
    {
        foreach (var point in points)
        {
            for (var k = 1; k <= 3; k++)
            {
                var userName = $"gen-{point.Code.ToLowerInvariant()}-{k}";
                if (await users.FindByNameAsync(userName) is not null)
                    continue;
                var role = point.Kind == ServicePointKind.DistrictCentre ? (k == 1 ? Roles.HotlineAgent : Roles.LegalAidOfficer) : Roles.Staff;
                var user = new StaffUser { UserName = userName, FullName = $"{Surnames[(k * 7 + point.Code.Length) % Surnames.Length]}{GivenNames[(k * 13 + points.IndexOf(point)) % GivenNames.Length]}（生成）", ServicePointId = point.Id, IsDemo = true };
                var created = await users.CreateAsync(user);
                if (!created.Succeeded)
                    throw new InvalidOperationException($"Could not create {userName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
                await users.AddToRoleAsync(user, role);
            }
        }

        string[] frontLine = [Roles.Staff, Roles.HotlineAgent, Roles.LegalAidOfficer];
        var rows = await (from u in db.Users.AsNoTracking()
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where u.IsDemo && u.ServicePointId != null && frontLine.Contains(r.Name!)
                          orderby u.UserName
                          select new { u.Id, u.FullName, u.UserName, ServicePointId = u.ServicePointId!.Value, Role = r.Name! }).ToListAsync(ct);
        return [.. rows.Select(r => new Handler(r.Id, string.IsNullOrEmpty(r.FullName) ? r.UserName! : r.FullName, r.ServicePointId, r.Role))];
    }

    private async Task SaveCountersAsync(Dictionary<(CaseType, int), long> counters, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
        foreach (var ((type, year), last) in counters)
        {
            // Raise the counter to the last generated number, so numbers allocated later by the app continue after it.
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "CaseNumberCounters" ("Type", "Year", "Last") VALUES ({type.ToString()}, {year}, {last})
                ON CONFLICT ("Type", "Year") DO UPDATE SET "Last" = CASE WHEN "CaseNumberCounters"."Last" > {last} THEN "CaseNumberCounters"."Last" ELSE {last} END
                """, ct);
        }
    }

    /// <summary>Refreshes the planner's statistics after a bulk load (and, on PostgreSQL, the visibility map that lets
    /// counts be answered from the index alone).</summary>
    private async Task AnalyzeAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        else
            await db.Database.ExecuteSqlRawAsync("""VACUUM (ANALYZE) "Persons", "Cases", "CaseParties", "CaseEvents", "CaseClocks", "CaseLinks", "ConsultationDetails", "LegalAidDetails" """, ct);
    }

    /// <summary>The rows of one batch, by table, in foreign-key order.</summary>
    private sealed class Batch
    {
        private readonly Dictionary<Type, List<object>> _tables = new()
        {
            [typeof(Person)] = [],
            [typeof(Case)] = [],
            [typeof(ConsultationDetails)] = [],
            [typeof(LegalAidDetails)] = [],
            [typeof(CaseParty)] = [],
            [typeof(CaseEvent)] = [],
            [typeof(CaseClock)] = [],
            [typeof(CaseLink)] = [],
        };

        public IReadOnlyList<(Type, IReadOnlyCollection<object>)> Tables => [.. _tables.Select(t => (t.Key, (IReadOnlyCollection<object>)t.Value))];

        public int Count<T>() => _tables[typeof(T)].Count;

        public void Add(Person p) => _tables[typeof(Person)].Add(p);

        public void Add(Case c)
        {
            _tables[typeof(Case)].Add(c);
            if (c.Consultation is { } consultation)
                _tables[typeof(ConsultationDetails)].Add(consultation);
            if (c.LegalAid is { } legalAid)
                _tables[typeof(LegalAidDetails)].Add(legalAid);
            _tables[typeof(CaseParty)].AddRange(c.Parties);
            _tables[typeof(CaseEvent)].AddRange(c.Events);
            _tables[typeof(CaseClock)].AddRange(c.Clocks);
            _tables[typeof(CaseLink)].AddRange(c.LinksFrom);
        }
    }

    /// <summary>The generation state: random source, number counters and the persons who may come back.</summary>
    private sealed class Run(
        Random random, DateTimeOffset now, List<ServicePoint> points, List<Handler> handlers, List<(Lawyer Lawyer, LawFirm Firm)> lawyers,
        Dictionary<(CaseType, int), long> counters, PersonalDataProtector protector, BlindIndex blind, CaseRules rules, long personOffset)
    {
        private readonly Person?[] _recent = new Person?[5000];
        private readonly Dictionary<Guid, Handler[]> _byPoint = points.ToDictionary(p => p.Id, p => handlers.Where(h => h.ServicePointId == p.Id).ToArray());
        private readonly DateTimeOffset _start = Start(now);
        private long _persons;

        public Dictionary<(CaseType, int), long> Counters => counters;

        private static DateTimeOffset Start(DateTimeOffset now)
        {
            var earliest = new DateTimeOffset(2025, 1, 6, 1, 0, 0, TimeSpan.Zero);
            var start = now.AddDays(-SpanDays);
            return start < earliest ? earliest : start;
        }

        /// <summary>Generates the case(s) at position <paramref name="index"/> of <paramref name="total"/>; returns how many.</summary>
        public int Next(Batch batch, int index, int total, int room)
        {
            // Chronological order: identifiers (version 7) and numbers ascend with time, as in a real database.
            var span = (now - _start).Ticks;
            var at = _start + TimeSpan.FromTicks((long)(span * ((index + random.NextDouble() * 0.5) / total)));
            if (at > now)
                at = now;
            at = OfficeHours(at);
            var point = points[Pick(points.Count)];
            var channel = point.Kind == ServicePointKind.DistrictCentre
                ? (random.NextDouble() < 0.7 ? CaseChannel.Hotline12348 : Pick(CaseChannel.OnlinePortal, CaseChannel.WalkIn, CaseChannel.RobotHandoff))
                : (random.NextDouble() < 0.85 ? CaseChannel.WalkIn : Pick(CaseChannel.PoliceReferral, CaseChannel.CourtReferral, CaseChannel.PetitionReferral, CaseChannel.Transfer12345));
            var handler = HandlerAt(point);
            var applicant = ApplicantAt(batch, at, point, handler);
            var roll = random.NextDouble();
            if (roll < 0.70 || room < 2)
            {
                var c = Consultation(at, point, channel, handler, applicant, convert: false);
                batch.Add(c);
                return 1;
            }

            if (roll < 0.75)
            {
                // A consultation that became a legal-aid case: two linked cases, the person carried over.
                var consultation = Consultation(at, point, channel, handler, applicant, convert: true);
                var legalAid = LegalAid(at.AddMinutes(random.Next(5, 60)), point, channel, handler, null, consultation);
                batch.Add(consultation);
                batch.Add(legalAid);
                return 2;
            }

            batch.Add(LegalAid(at, point, channel, handler, applicant, null));
            return 1;
        }

        private Case Consultation(DateTimeOffset at, ServicePoint point, CaseChannel channel, Handler handler, Person applicant, bool convert)
        {
            var ctx = Ctx(handler, at);
            var domain = Domains[Pick(Domains.Length)];
            var (question, answer) = Questions[domain][Pick(Questions[domain].Length)];
            var answeredAtOnce = convert || random.NextDouble() < 0.85;
            var intake = new ConsultationIntake(question, domain,
                answeredAtOnce ? new ConsultationAnswer(answer, [], random.Next(3, 30)) : null);
            var c = Case.OpenConsultation(ctx, NextNumber(CaseType.Consultation, ctx.Today), channel, point.Id, intake,
                new CaseHandler(handler.Id, handler.Name, channel == CaseChannel.Hotline12348 ? "接听来电" : "窗口接待"));
            c.AddParty(PartyRole.Applicant, applicant);
            c.MarkDemo();
            if (!answeredAtOnce)
            {
                // Most open questions are answered within the reply period, a few late, a few closed or referred out.
                var later = at.AddHours(random.Next(4, 24 * 5));
                var fate = random.NextDouble();
                if (later <= now && fate < 0.9)
                    c.Answer(Ctx(handler, later), new ConsultationAnswer(answer, [], random.Next(5, 40)));
                else if (later <= now && fate < 0.95)
                    c.Close(Ctx(handler, later), "咨询人表示问题已自行解决，无需答复。");
                else if (later <= now && fate < 0.97)
                    c.ReferOut(Ctx(handler, later), ExternalBody.Hotline12345, "12345政务服务便民热线", $"GX{later:yyyyMMdd}{random.Next(1000, 9999)}", "属于其他部门职责。");
            }

            return c;
        }

        private Case LegalAid(DateTimeOffset at, ServicePoint point, CaseChannel channel, Handler handler, Person? applicant, Case? from)
        {
            var ctx = Ctx(handler, at);
            var matter = Matters[Pick(Matters.Length)];
            var groups = matter == LegalAidMatter.LabourRemuneration && random.NextDouble() < 0.6 ? SpecialGroups.MigrantWorker
                : random.NextDouble() < 0.15 ? SpecialGroups.Elderly : SpecialGroups.None;
            var limitation = random.NextDouble() < 0.05 ? ctx.Today.AddDays(random.Next(2, 6)) : (DateOnly?)null;
            var application = new LegalAidApplication(matter, Descriptions[matter], ctx.Today, HardshipCommitment: true, NoFixedIncome: false, limitation, null, groups);
            var c = Case.OpenLegalAid(ctx, NextNumber(CaseType.LegalAid, ctx.Today), channel, point.Id, application);
            c.MarkDemo();
            if (from is not null)
                from.ConvertInto(ctx, c);
            else
                c.AddParty(PartyRole.Applicant, applicant!);

            // Unassigned for a while in the service point's queue, then assigned to one of its handlers.
            var t = at.AddHours(random.Next(1, 30));
            if (t > now)
                return c;
            var officer = HandlerAt(point);
            c.Assign(Ctx(officer, t), officer.Id, officer.Name, random.NextDouble() < 0.5 ? "轮流分派" : "按在办数量分派");

            t = t.AddHours(random.Next(4, 24 * 6));
            if (t > now)
                return c;
            var decision = random.NextDouble();
            if (decision < 0.05)
            {
                c.RequestMaterials(Ctx(officer, t), "收入状况说明、劳动合同或工资欠条复印件。");
                t = t.AddDays(random.Next(1, 20));
                if (t > now)
                    return c;
                if (random.NextDouble() < 0.3)
                {
                    c.Withdraw(Ctx(officer, t), "申请人逾期未补充材料，视为撤回申请。");
                    return c;
                }

                c.Supplement(Ctx(officer, t), "已补齐");
                t = t.AddHours(random.Next(4, 24 * 5));
                if (t > now)
                    return c;
            }

            if (decision > 0.90)
            {
                c.Refuse(Ctx(officer, t), "经审查，申请人家庭人均收入高于本地法律援助经济困难标准。");
                t = t.AddDays(random.Next(1, 10));
                if (t > now || random.NextDouble() > 0.2)
                    return c;
                c.RaiseObjection(Ctx(officer, t), ChinaTime.DateOf(t), "申请人认为其家庭收入计算有误。");
                t = t.AddDays(random.Next(1, 5));
                if (t > now)
                    return c;
                if (random.NextDouble() < 0.7)
                {
                    c.UpholdRefusal(Ctx(officer, t), "经核实，原决定认定事实清楚。");
                    return c;
                }

                c.OrderCorrection(Ctx(officer, t), "申请人提交了新的收入证明，符合经济困难标准。");
            }
            else if (c.State == CaseState.Submitted)
            {
                c.Grant(Ctx(officer, t), null);
            }

            t = t.AddHours(random.Next(2, 60));
            if (t > now)
                return c;
            var (lawyer, firm) = lawyers[Pick(lawyers.Count)];
            c.AssignLawyer(Ctx(officer, t), new LawyerChoice(lawyer, firm, [], null));

            t = t.AddDays(random.Next(20, 200));
            if (t > now)
                return c;
            var outcome = Outcomes[Pick(Outcomes.Length)];
            c.SubmitClosure(Ctx(officer, t), outcome, LegalAidStage.FirstInstance, $"本案{outcome.DisplayName()}，卷宗材料已归档。");
            t = t.AddDays(random.Next(1, 15));
            if (t > now)
                return c;
            var scores = rules.Quality.Criteria.ToDictionary(k => k.Key, k => k.MaxPoints - random.Next(0, Math.Max(1, k.MaxPoints / 4)));
            c.ApproveClosure(Ctx(officer, t), scores, null);
            return c;
        }

        private Person ApplicantAt(Batch batch, DateTimeOffset at, ServicePoint point, Handler handler)
        {
            // One in eight comes back with another matter: one person, one history.
            var slot = Pick(_recent.Length);
            if (random.NextDouble() < 0.125 && _recent[slot] is { } known)
                return known;
            var n = personOffset + ++_persons;
            var surname = Surnames[Pick(Surnames.Length)];
            var name = surname + GivenNames[Pick(GivenNames.Length)] + (random.NextDouble() < 0.6 ? GivenNames[Pick(GivenNames.Length)] : "");
            var person = new Person(name, at, handler.Id, point.Id, isDemo: true);
            if (random.NextDouble() < 0.9)
                person.SetIdDocument(IdDocument.Validate(IdDocumentType.ResidentIdCard, IdNumber(n), ChinaTime.DateOf(at)), protector, blind);
            if (random.NextDouble() < 0.95 && PhoneNumber.TryNormalize(Mobile(n), out var phone, out _))
                person.SetPhone(phone, protector, blind);
            if (random.NextDouble() < 0.5)
                person.Address = $"示范区{Streets[Pick(Streets.Length)]}{random.Next(1, 300)}号";
            _recent[slot] = person;
            batch.Add(person);
            return person;
        }

        /// <summary>A valid resident ID number that no other generated person has (region 519900 is not a real county).</summary>
        private static string IdNumber(long n)
        {
            var birth = new DateOnly(1950, 1, 1).AddDays((int)(n % 20_000));
            var first17 = $"519900{birth:yyyyMMdd}{n / 20_000 % 1000:000}";
            return first17 + ChineseIdCard.ComputeCheckCharacter(first17);
        }

        private static string Mobile(long n) => "13" + (5 + (n % 5)).ToString(System.Globalization.CultureInfo.InvariantCulture)
            + ((n * 7_919 + 12_345_678) % 100_000_000).ToString("00000000", System.Globalization.CultureInfo.InvariantCulture);

        private Handler HandlerAt(ServicePoint point)
        {
            var local = _byPoint[point.Id];
            return local.Length > 0 ? local[Pick(local.Length)] : handlers[Pick(handlers.Count)];
        }

        private CaseContext Ctx(Handler handler, DateTimeOffset at) => new(handler.Actor, at, WorkingDayCalendar.China, rules);

        private string NextNumber(CaseType type, DateOnly today)
        {
            var key = (type, today.Year);
            var last = counters.GetValueOrDefault(key) + 1;
            counters[key] = last;
            return CaseNumbers.Format(type, today.Year, last);
        }

        /// <summary>Moves an instant into Beijing office hours on the same day (9:00–17:00).</summary>
        private DateTimeOffset OfficeHours(DateTimeOffset at)
        {
            var beijing = at.ToOffset(TimeSpan.FromHours(8));
            var day = new DateTimeOffset(beijing.Year, beijing.Month, beijing.Day, 9, 0, 0, TimeSpan.FromHours(8));
            var result = day.AddMinutes(random.Next(0, 8 * 60)).AddSeconds(random.Next(60)).ToUniversalTime();
            return result > now ? now : result;
        }

        private int Pick(int count) => random.Next(count);

        private T Pick<T>(params T[] values) => values[random.Next(values.Length)];
    }

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"];

    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "兰", "文", "辉", "建", "国", "红", "春", "海", "林", "燕", "晨", "宇", "欣", "浩", "婷"];

    private static readonly string[] Streets = ["东城街道人民路", "西城街道解放路", "南湖街道滨江路", "北苑街道中山路", "城南街道新华路", "高新街道金桥路"];

    private static readonly LegalAidMatter[] Matters =
    [
        LegalAidMatter.LabourRemuneration, LegalAidMatter.LabourRemuneration, LegalAidMatter.LabourRemuneration, LegalAidMatter.LabourRelation,
        LegalAidMatter.Maintenance, LegalAidMatter.WorkInjury, LegalAidMatter.AccidentInjury, LegalAidMatter.SocialInsuranceOrAssistance,
        LegalAidMatter.Pension, LegalAidMatter.OtherCivil,
    ];

    private static readonly Dictionary<LegalAidMatter, string> Descriptions = new()
    {
        [LegalAidMatter.LabourRemuneration] = "申请人在建筑工地务工，工程结束后包工头拖欠工资未付，多次催要无果，请求支付拖欠的劳动报酬。",
        [LegalAidMatter.LabourRelation] = "申请人在公司工作三年未签订书面劳动合同，被公司口头辞退，请求确认劳动关系并支付经济补偿。",
        [LegalAidMatter.Maintenance] = "申请人年满七十岁，子女均不履行赡养义务，请求支付赡养费。",
        [LegalAidMatter.WorkInjury] = "申请人在工作中受伤，已认定为工伤，用人单位拒绝支付工伤保险待遇。",
        [LegalAidMatter.AccidentInjury] = "申请人被电动车撞伤住院，对方拒绝赔偿医疗费和误工费。",
        [LegalAidMatter.SocialInsuranceOrAssistance] = "申请人申请最低生活保障被拒，请求依法给予社会救助。",
        [LegalAidMatter.Pension] = "申请人退休后社保机构少发养老金，请求补发。",
        [LegalAidMatter.OtherCivil] = "申请人借款给他人五万元，对方到期拒不归还。",
    };

    private static readonly ClosureOutcome[] Outcomes = [ClosureOutcome.Won, ClosureOutcome.Won, ClosureOutcome.Mediated, ClosureOutcome.Mediated, ClosureOutcome.Settled, ClosureOutcome.SuitWithdrawn];

    private static readonly Dictionary<LegalDomain, (string Question, string Answer)[]> Questions = new()
    {
        [LegalDomain.Labour] = [("公司拖欠三个月工资怎么办？", "可先与用人单位协商，协商不成可向劳动保障监察机构投诉或向劳动人事争议仲裁委员会申请仲裁。"), ("试用期被辞退有没有补偿？", "试用期内用人单位须证明不符合录用条件才能解除，违法解除的可以主张赔偿金。")],
        [LegalDomain.MarriageFamily] = [("离婚时孩子抚养权怎么确定？", "不满两周岁的子女以由母亲直接抚养为原则，已满八周岁的应尊重其真实意愿。"), ("婚前买的房子离婚时怎么分？", "一方婚前个人财产原则上归其个人所有，婚后共同还贷部分及增值可以请求分割。")],
        [LegalDomain.LoanContract] = [("朋友借钱不还只有微信记录能起诉吗？", "微信聊天记录、转账记录可以作为证据，建议保存原始载体后向人民法院起诉。")],
        [LegalDomain.TrafficAccident] = [("被车撞了对方不赔怎么办？", "可申请交警部门调解，也可以直接向人民法院起诉，保险公司在交强险范围内先行赔付。")],
        [LegalDomain.RealEstate] = [("物业不作为能不能不交物业费？", "物业服务不到位可以要求整改并协商减免，但不宜直接拒交，可通过业主委员会或诉讼解决。")],
        [LegalDomain.Consumer] = [("网购买到假货怎么索赔？", "可以要求退一赔三，赔偿金额不足五百元的按五百元计算，可向市场监管部门投诉。")],
        [LegalDomain.Tort] = [("邻居家漏水把我家泡了怎么赔？", "可以要求侵权人赔偿实际损失，协商不成可申请人民调解或起诉。")],
        [LegalDomain.Criminal] = [("家人被刑事拘留了怎么办？", "可以委托律师，符合条件的可以申请法律援助，律师可以会见并了解案情。")],
        [LegalDomain.Administrative] = [("对行政处罚不服怎么办？", "可以在知道处罚决定之日起六十日内申请行政复议，或在六个月内提起行政诉讼。")],
        [LegalDomain.Inheritance] = [("父母去世没有遗嘱房子怎么继承？", "没有遗嘱的按法定继承办理，第一顺序继承人为配偶、子女、父母，原则上均等分配。")],
        [LegalDomain.Other] = [("签合同时要注意什么？", "注意核实对方主体资格，明确标的、价款、履行期限和违约责任，保留书面证据。")],
    };

    // After Questions: static fields initialise in order.
    private static readonly LegalDomain[] Domains = [.. Questions.Keys];
}
