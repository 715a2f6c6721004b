using Farun.Common.Privacy;
using Farun.Common.Validation;
using Farun.Data;
using Farun.Features.Persons;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Persons;

/// <summary>
/// Finds and registers persons: one record per person across channels. Exact matches go through the blind index
/// (nothing is decrypted to search); a known ID number returns the existing person; the same name and phone warn.
/// </summary>
public sealed class PersonRegistry(FarunDbContext db, IServiceProvider services, TimeProvider time)
{
    public sealed record Result(Person Person, bool Existing, IReadOnlyList<DuplicateWarning> Warnings);

    public PersonalDataProtector Protector => services.GetRequiredService<PersonalDataProtector>();

    public BlindIndex Index => services.GetRequiredService<BlindIndex>();

    /// <summary>Registers the person, or returns the one already holding that document. The input must be validated.
    /// Adds to the unit of work; the caller saves.</summary>
    public async Task<Result> RegisterAsync(PersonInput input, Guid? byUserId, Guid? servicePointId, CancellationToken ct, bool isDemo = false)
    {
        var warnings = new List<DuplicateWarning>();
        IdDocumentCheck? document = null;
        string? idIndex = null;
        if (!string.IsNullOrWhiteSpace(input.IdNumber))
        {
            document = IdDocument.Validate(input.DocumentType ?? IdDocumentType.ResidentIdCard, input.IdNumber);
            idIndex = Index.Compute(BlindIndexKind.IdNumber, document.Number);
        }

        PhoneNumber? phone = null;
        if (!string.IsNullOrWhiteSpace(input.Phone) && PhoneNumber.TryNormalize(input.Phone, out var p, out _))
            phone = p;
        var phoneIndex = phone is null ? null : Index.Compute(BlindIndexKind.Phone, phone.Canonical);
        var nameKey = PersonNames.Key(input.Name);

        // One query for both checks: the person with this ID number (reused) and persons of the same name and phone (warned).
        var existing = idIndex is null ? null : db.Persons.Local.FirstOrDefault(x => x.IdNumberIndex == idIndex);
        List<Person> matches = [];
        if (existing is null && (idIndex is not null || phoneIndex is not null))
        {
            matches = await db.Persons
                .Where(x => (idIndex != null && x.IdNumberIndex == idIndex) || (phoneIndex != null && x.PhoneIndex == phoneIndex && x.NameKey == nameKey))
                .OrderBy(x => idIndex != null && x.IdNumberIndex == idIndex ? 0 : 1).ThenBy(x => x.RegisteredAt)
                .Take(6).ToListAsync(ct);
            existing = idIndex is null ? null : matches.FirstOrDefault(x => x.IdNumberIndex == idIndex);
        }

        if (existing is not null)
        {
            // Fill in what the record lacks; never overwrite what was registered before.
            if (existing.PhoneIndex is null && phone is not null)
                existing.SetPhone(phone, Protector, Index);
            existing.Groups |= PersonMapping.Combine(input.Groups);
            if (existing.Address is null && !string.IsNullOrWhiteSpace(input.Address))
                existing.Address = input.Address.Trim();
            warnings.Add(Warning("SameIdNumber", existing, existing.NameKey == nameKey
                ? "该证件号码已登记，已使用已有的人员信息。"
                : $"该证件号码已登记为“{existing.Name}”，与填写的姓名不一致，请核对。"));
            return new Result(existing, true, warnings);
        }

        warnings.AddRange(matches.Take(5).Select(x => Warning("SameNameAndPhone", x, "已有同名且电话相同的人员，可能是同一人，请核对后选择已有人员。")));

        var person = new Person(input.Name!, time.GetUtcNow(), byUserId, servicePointId, isDemo)
        {
            Address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim(),
            Groups = PersonMapping.Combine(input.Groups),
        };
        if (document is { IsValid: true })
            person.SetIdDocument(document, Protector, Index);
        if (phone is not null)
            person.SetPhone(phone, Protector, Index);
        person.SetBirthAndGender(input.BirthDate, input.Gender);
        db.Persons.Add(person);
        return new Result(person, false, warnings);
    }

    /// <summary>Exact lookups through the blind index; the name is matched exactly after normalisation.</summary>
    public async Task<IReadOnlyList<Person>> FindAsync(string? idNumber, string? phone, string? name, CancellationToken ct)
    {
        var q = db.Persons.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(idNumber))
        {
            var idx = Index.Compute(BlindIndexKind.IdNumber, idNumber);
            q = q.Where(x => x.IdNumberIndex == idx);
        }

        if (!string.IsNullOrWhiteSpace(phone))
        {
            var idx = Index.Compute(BlindIndexKind.Phone, phone);
            q = q.Where(x => x.PhoneIndex == idx);
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            var key = PersonNames.Key(name);
            q = q.Where(x => x.NameKey == key);
        }

        return await q.OrderByDescending(x => x.RegisteredAt).Take(20).ToListAsync(ct);
    }

    private static DuplicateWarning Warning(string kind, Person p, string message) =>
        new(kind, p.Id, p.Name, p.IdNumberMasked, p.PhoneMasked, message);
}
