using Farun.Common.Validation;
using Farun.Features.Consultations;
using Farun.Features.Persons;

namespace Farun.Features.Lawyers;

/// <summary>A law firm (律师事务所) in the registry.</summary>
public sealed class LawFirm
{
    private LawFirm()
    {
    }

    public LawFirm(string name, UnifiedSocialCreditCode creditCode, DateTimeOffset createdAt, bool isDemo = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(creditCode);
        Id = Guid.CreateVersion7(createdAt);
        Name = name.Trim();
        NameKey = OrganisationNames.Key(Name);
        CreditCode = creditCode.Code;
        CreatedAt = createdAt;
        IsDemo = isDemo;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string NameKey { get; private set; } = "";

    /// <summary>Unified social credit code (a law firm's starts with 31, 司法行政机关登记的律师事务所).</summary>
    public string CreditCode { get; private set; } = "";

    public string? Address { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsDemo { get; private set; }
}

/// <summary>A lawyer who takes legal-aid cases: licence, firm, specialties; the load is counted from the cases.</summary>
public sealed class Lawyer
{
    private Lawyer()
    {
    }

    public Lawyer(string name, string licenceNumber, LawFirm firm, int practisingSince, IEnumerable<LegalDomain> specialties, DateTimeOffset createdAt, bool isDemo = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(firm);
        if (!LicenceNumbers.IsValid(licenceNumber))
            throw new ArgumentException(LicenceNumbers.Error, nameof(licenceNumber));
        Id = Guid.CreateVersion7(createdAt);
        Name = name.Trim();
        NameKey = Farun.Common.Privacy.BlindIndex.Normalize(Farun.Common.Privacy.BlindIndexKind.Name, Name);
        LicenceNumber = licenceNumber.Trim();
        FirmId = firm.Id;
        PractisingSince = practisingSince;
        SetSpecialties(specialties);
        IsActive = true;
        CreatedAt = createdAt;
        IsDemo = isDemo;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string NameKey { get; private set; } = "";

    /// <summary>执业证号: 17 digits.</summary>
    public string LicenceNumber { get; private set; } = "";

    public Guid FirmId { get; private set; }

    /// <summary>First year of practice; defence in life or death-sentence cases needs three years (《法律援助法》第二十六条).</summary>
    public int PractisingSince { get; private set; }

    /// <summary>Specialties as a comma-separated list of <see cref="LegalDomain"/> names.</summary>
    public string Specialties { get; private set; } = "";

    /// <summary>The staff account (role Lawyer) through which the lawyer works the cases, if any.</summary>
    public Guid? UserId { get; set; }

    public bool IsActive { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsDemo { get; private set; }

    public IReadOnlyList<LegalDomain> SpecialtyList =>
        Farun.Common.EnumList.Parse(Specialties, LegalDomain.Other);

    public void SetSpecialties(IEnumerable<LegalDomain> specialties) =>
        Specialties = Farun.Common.EnumList.Format(specialties);

    public int YearsOfPractice(DateOnly today) => Math.Max(0, today.Year - PractisingSince);
}

/// <summary>执业证号 of a lawyer: 17 digits (issuing authority code, year, category, gender, sequence).</summary>
public static class LicenceNumbers
{
    public const string Error = "律师执业证号应为17位数字。";

    public static bool IsValid(string? value) =>
        value is not null && value.Trim().Length == 17 && value.Trim().All(char.IsAsciiDigit);
}
