using Farun.Common.Privacy;
using Farun.Common.Validation;

namespace Farun.Features.Persons;

/// <summary>Groups that the law or local policy treats specially (priority, exemption from the means test).</summary>
[Flags]
public enum SpecialGroups
{
    None = 0,

    /// <summary>农民工.</summary>
    MigrantWorker = 1,

    /// <summary>残疾人.</summary>
    Disabled = 2,

    /// <summary>老年人.</summary>
    Elderly = 4,

    /// <summary>未成年人.</summary>
    Minor = 8,

    /// <summary>妇女.</summary>
    Women = 16,

    /// <summary>军人军属.</summary>
    MilitaryFamily = 32,

    /// <summary>低保/特困人员 (社会救助对象).</summary>
    SocialAssistance = 64,
}

public static class SpecialGroupNames
{
    public static readonly IReadOnlyList<SpecialGroups> All =
    [
        SpecialGroups.MigrantWorker, SpecialGroups.Disabled, SpecialGroups.Elderly, SpecialGroups.Minor,
        SpecialGroups.Women, SpecialGroups.MilitaryFamily, SpecialGroups.SocialAssistance,
    ];

    public static string DisplayName(this SpecialGroups group) => group switch
    {
        SpecialGroups.MigrantWorker => "农民工",
        SpecialGroups.Disabled => "残疾人",
        SpecialGroups.Elderly => "老年人",
        SpecialGroups.Minor => "未成年人",
        SpecialGroups.Women => "妇女",
        SpecialGroups.MilitaryFamily => "军人军属",
        SpecialGroups.SocialAssistance => "低保/特困",
        SpecialGroups.None => "无",
        _ => string.Join("、", Split(group).Select(g => g.DisplayName())),
    };

    public static IReadOnlyList<SpecialGroups> Split(SpecialGroups groups) => [.. All.Where(g => groups.HasFlag(g))];
}

/// <summary>
/// A natural person known to the service network: one record however many channels they come through. The ID number
/// and phone are stored encrypted (<see cref="PersonalDataProtector"/>) with a keyed hash for exact lookups
/// (<see cref="BlindIndex"/>) and a masked copy for lists, so lists and searches never decrypt. The name stays in clear:
/// staff search and conflict checks need it, and it identifies no one on its own.
/// </summary>
public sealed class Person
{
    private Person()
    {
    }

    public Person(string name, DateTimeOffset registeredAt, Guid? registeredById, Guid? servicePointId, bool isDemo = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = Guid.CreateVersion7(registeredAt);
        SetName(name);
        RegisteredAt = registeredAt;
        RegisteredById = registeredById;
        ServicePointId = servicePointId;
        IsDemo = isDemo;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The name normalised for exact comparison (<see cref="PersonNames.Key"/>).</summary>
    public string NameKey { get; private set; } = "";

    public IdDocumentType? DocumentType { get; private set; }

    /// <summary>Ciphertext of the normalised document number.</summary>
    public string? IdNumberCipher { get; private set; }

    /// <summary>Blind index of the document number, unique: one person per document.</summary>
    public string? IdNumberIndex { get; private set; }

    public string? IdNumberMasked { get; private set; }

    public string? PhoneCipher { get; private set; }

    /// <summary>Blind index of the canonical phone; a citizen signed in by phone finds their cases through it.</summary>
    public string? PhoneIndex { get; private set; }

    public string? PhoneMasked { get; private set; }

    public string? Address { get; set; }

    public Gender? Gender { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    public SpecialGroups Groups { get; set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public Guid? RegisteredById { get; private set; }

    /// <summary>The service point where the person was first registered.</summary>
    public Guid? ServicePointId { get; private set; }

    /// <summary>Seeded or generated demonstration data, never real.</summary>
    public bool IsDemo { get; private set; }

    public void SetName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        NameKey = PersonNames.Key(Name);
    }

    /// <summary>Sets a validated document; birth date and gender encoded in the number win over typed ones.</summary>
    public void SetIdDocument(IdDocumentCheck check, PersonalDataProtector protector, BlindIndex index)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (!check.IsValid)
            throw new ArgumentException("Only a valid document can be stored.", nameof(check));
        DocumentType = check.Type;
        IdNumberCipher = protector.Encrypt(check.Number);
        IdNumberIndex = index.Compute(BlindIndexKind.IdNumber, check.Number);
        IdNumberMasked = Mask.Document(check.Type, check.Number);
        if (check.BirthDate is { } birth)
            BirthDate = birth;
        if (check.Gender is { } gender)
            Gender = gender;
    }

    public void SetPhone(PhoneNumber phone, PersonalDataProtector protector, BlindIndex index)
    {
        ArgumentNullException.ThrowIfNull(phone);
        PhoneCipher = protector.Encrypt(phone.Canonical);
        PhoneIndex = index.Compute(BlindIndexKind.Phone, phone.Canonical);
        PhoneMasked = Mask.Phone(phone.Canonical);
    }

    public void SetBirthAndGender(DateOnly? birthDate, Gender? gender)
    {
        // A resident card's number carries both; typed values only fill what the document does not say.
        if (DocumentType is not (IdDocumentType.ResidentIdCard or IdDocumentType.HongKongMacaoResidencePermit or IdDocumentType.TaiwanResidencePermit))
        {
            BirthDate = birthDate ?? BirthDate;
            Gender = gender ?? Gender;
        }
    }

    /// <summary>Age in whole years on <paramref name="today"/>, when the birth date is known.</summary>
    public int? AgeOn(DateOnly today)
    {
        if (BirthDate is not { } b)
            return null;
        var age = today.Year - b.Year;
        if (today < b.AddYears(age))
            age--;
        return age;
    }
}

/// <summary>Normalisation of personal names for exact matching.</summary>
public static class PersonNames
{
    /// <summary><see cref="BlindIndex.Normalize"/> for names; spaces typed inside a Chinese name (陈 静) are dropped,
    /// spaces between the words of a Latin name are kept.</summary>
    public static string Key(string? name)
    {
        var key = BlindIndex.Normalize(BlindIndexKind.Name, name);
        return key.Any(c => c is >= '\u3400' and <= '\u9FFF') ? key.Replace(" ", "", StringComparison.Ordinal) : key;
    }
}

/// <summary>An organisation that is a party: a company, an association, a public body.</summary>
public sealed class Organisation
{
    private Organisation()
    {
    }

    /// <param name="name">Registered name.</param>
    /// <param name="creditCode">A validated unified social credit code (GB 32100), or null when unknown.</param>
    /// <param name="createdAt">When registered.</param>
    /// <param name="isDemo">Demonstration data.</param>
    public Organisation(string name, UnifiedSocialCreditCode? creditCode, DateTimeOffset createdAt, bool isDemo = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = Guid.CreateVersion7(createdAt);
        Name = name.Trim();
        NameKey = OrganisationNames.Key(Name);
        // Credit codes are public (国家企业信用信息公示系统), so they are stored in clear and matched exactly.
        CreditCode = creditCode?.Code;
        CreatedAt = createdAt;
        IsDemo = isDemo;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The name without legal-form words and punctuation, for fuzzy matching (<see cref="OrganisationNames"/>).</summary>
    public string NameKey { get; private set; } = "";

    public string? CreditCode { get; private set; }

    public string? Address { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsDemo { get; private set; }
}

/// <summary>Normalisation of organisation names for matching: 成都某某科技有限公司 ≈ 成都某某科技（有限公司）.</summary>
public static class OrganisationNames
{
    private static readonly string[] LegalForms =
    [
        "股份有限公司", "有限责任公司", "有限公司", "集团公司", "分公司", "公司", "合伙企业", "个人独资企业", "个体工商户", "律师事务所",
    ];

    public static string Key(string? name)
    {
        var s = BlindIndex.Normalize(BlindIndexKind.Name, name);
        s = string.Concat(s.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c)));
        foreach (var form in LegalForms)
        {
            if (s.Length > form.Length + 1 && s.EndsWith(form, StringComparison.Ordinal))
            {
                s = s[..^form.Length];
                break;
            }
        }

        return s;
    }
}
