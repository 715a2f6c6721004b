using System.Security.Claims;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Farun.Common.Calendar;
using Farun.Common.Privacy;
using Farun.Data;
using Farun.Features.Cases;
using Farun.Features.Mediation;
using Farun.Features.Persons;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Farun.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Mediation;

/// <summary>A party as printed on the agreement (当事人的基本情况, 《人民调解法》第二十九条第一款第一项).</summary>
public sealed record DocumentParty(string Role, string Name, string Particulars);

/// <summary>A heading and its paragraphs.</summary>
public sealed record DocumentSection(string Heading, IReadOnlyList<string> Paragraphs);

/// <summary>
/// The written mediation agreement (人民调解协议书) as one model, rendered both as the print view and as DOCX, so both
/// carry the same contents: the parties' particulars, the facts, matters in dispute and responsibilities, the agreed
/// terms with how and by when they are performed (第二十九条第一款), when it takes effect and the copies (第二十九条第二款),
/// and the judicial-confirmation option (第三十三条).
/// </summary>
public sealed record AgreementDocument(
    string Title, string Number, string Committee, IReadOnlyList<DocumentParty> Parties, IReadOnlyList<DocumentSection> Sections,
    string Mediator, DateOnly SignedOn, bool FullIdentity)
{
    public string SignedOnText => $"{SignedOn:yyyy年M月d日}";
}

/// <summary>Builds agreement documents; GET /api/cases/{id}/mediation/agreement.docx serves the DOCX.</summary>
public sealed class AgreementDocuments(FarunDbContext db, CaseAccess access, CaseReader reader, AuditLog audit, IServiceProvider services)
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The agreement of a case the caller can see; ID numbers in full for callers with the reveal permission
    /// (the signed original needs them), which is audited, otherwise masked.</summary>
    public async Task<AgreementDocument> BuildAsync(Guid caseId, ClaimsPrincipal user, string format, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(user, ct);
        var c = await reader.LoadForUpdateAsync(caseId, scope, ct);
        var d = c.Mediation;
        if (d is not { Outcome: MediationOutcome.WrittenAgreement, AgreementEffectiveOn: { } signedOn })
            throw new ConflictException("该事项尚未达成书面调解协议，不能生成调解协议书。", []);
        var full = CasePolicies.RevealRoles.Any(user.IsInRole);
        var personIds = c.Parties.Where(p => p.PersonId != null).Select(p => p.PersonId!.Value).ToList();
        var persons = await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var orgIds = c.Parties.Where(p => p.OrganisationId != null).Select(p => p.OrganisationId!.Value).ToList();
        var orgs = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var protector = full ? services.GetRequiredService<PersonalDataProtector>() : null;
        var parties = c.Parties
            .Where(p => p.Role is PartyRole.Applicant or PartyRole.OpposingParty or PartyRole.ThirdParty or PartyRole.Agent or PartyRole.Guardian)
            .OrderBy(p => p.Role).ThenBy(p => p.Id)
            .Select(p => new DocumentParty(RoleName(p.Role), p.Name, p.PersonId is { } pid ? PersonParticulars(persons[pid], protector) : OrgParticulars(orgs[p.OrganisationId!.Value])))
            .ToList();
        var sections = new List<DocumentSection>
        {
            new("纠纷的主要事实、争议事项以及各方当事人的责任", Paragraphs(d.AgreementFacts)),
            new("经调解，当事人自愿达成如下协议", Paragraphs(d.AgreementTerms)),
            new("履行方式、时限", [.. Paragraphs(d.PerformanceMethod), .. d.PerformanceDueOn is { } due ? [$"履行期限：{due:yyyy年M月d日}前履行完毕。"] : Array.Empty<string>()]),
            new("协议的效力", [
                "本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效；本协议由当事人各执一份，人民调解委员会留存一份（《中华人民共和国人民调解法》第二十九条第二款）。",
                "经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行（第三十一条第一款）。",
                $"双方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认（第三十三条第一款）；本协议于{signedOn:yyyy年M月d日}生效的，应于{MediationRules.ConfirmationWindow(WorkingDayCalendar.China, signedOn).Due:yyyy年M月d日}前提出。",
            ]),
        };
        await audit.RecordNowAsync("mediation.agreement", "Case", c.Id, new { c.Number, format, fullIdentity = full }, ct);
        return new AgreementDocument("人民调解协议书", $"编号：{c.Number}", d.CommitteeName, parties, sections, d.MediatorName ?? "", signedOn, full);
    }

    private static string RoleName(PartyRole role) => role switch
    {
        PartyRole.Applicant => "申请人",
        PartyRole.OpposingParty => "被申请人",
        _ => role.DisplayName(),
    };

    private static string PersonParticulars(Person p, PersonalDataProtector? protector)
    {
        var parts = new List<string>();
        if (p.Gender is { } g)
            parts.Add(g == Farun.Common.Validation.Gender.Male ? "男" : "女");
        if (p.BirthDate is { } b)
            parts.Add($"{b:yyyy年M月d日}出生");
        if (p.IdNumberCipher is not null)
            parts.Add("身份证件号码：" + (protector is null ? p.IdNumberMasked : protector.Decrypt(p.IdNumberCipher)));
        if (!string.IsNullOrWhiteSpace(p.Address))
            parts.Add("住址：" + p.Address);
        if (p.PhoneMasked is not null)
            parts.Add("联系电话：" + (protector is null || p.PhoneCipher is null ? p.PhoneMasked : protector.Decrypt(p.PhoneCipher)));
        return string.Join("，", parts);
    }

    private static string OrgParticulars(Organisation o)
    {
        var parts = new List<string>();
        if (o.CreditCode is not null)
            parts.Add("统一社会信用代码：" + o.CreditCode);
        if (!string.IsNullOrWhiteSpace(o.Address))
            parts.Add("住所：" + o.Address);
        return string.Join("，", parts);
    }

    private static List<string> Paragraphs(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The document as DOCX (Office Open XML), A4, 宋体, headings in 黑体.</summary>
    public static byte[] ToDocx(AgreementDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new Body();
            body.Append(Para(doc.Title, bold: true, size: 36, center: true, font: "黑体"));
            body.Append(Para(doc.Number, size: 24, right: true));
            foreach (var p in doc.Parties)
                body.Append(Para($"{p.Role}：{p.Name}{(string.IsNullOrEmpty(p.Particulars) ? "" : "，" + p.Particulars)}。"));
            foreach (var s in doc.Sections)
            {
                body.Append(Para(s.Heading + "：", bold: true, font: "黑体"));
                foreach (var text in s.Paragraphs)
                    body.Append(Para(text, indent: true));
            }

            body.Append(Para(""));
            foreach (var p in doc.Parties.Where(p => p.Role is "申请人" or "被申请人" or "第三人"))
                body.Append(Para($"{p.Role}（签名、盖章或按指印）：{new string('＿', 8)}"));
            body.Append(Para($"人民调解员（签名）：{doc.Mediator}"));
            body.Append(Para($"{doc.Committee}（印章）", right: true));
            body.Append(Para(doc.SignedOnText, right: true));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1701U, Right = 1701U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Para(string text, bool bold = false, int size = 28, bool center = false, bool right = false, bool indent = false, string font = "宋体")
    {
        var runProps = new RunProperties(
            new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font },
            new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
            runProps.Append(new Bold());
        var paraProps = new ParagraphProperties();
        if (center || right)
            paraProps.Append(new Justification { Val = center ? JustificationValues.Center : JustificationValues.Right });
        if (indent)
            paraProps.Append(new Indentation { FirstLineChars = 200 });
        return new Paragraph(paraProps, new Run(runProps, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/cases/{id:guid}/mediation/agreement.docx", async Task<Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult> (Guid id, AgreementDocuments docs, HttpContext http, CancellationToken ct) =>
            {
                var doc = await docs.BuildAsync(id, http.User, "docx", ct);
                return TypedResults.File(ToDocx(doc), DocxContentType, $"调解协议书-{id:N}.docx");
            })
            .WithName("MediationAgreementDocx")
            .WithSummary("人民调解协议书（DOCX）：载明《人民调解法》第二十九条规定的事项")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
