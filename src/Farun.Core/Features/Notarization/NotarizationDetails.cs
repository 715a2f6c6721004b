namespace Farun.Features.Notarization;

/// <summary>What is recorded when a notarization is applied for.</summary>
public sealed record NotarizationIntake(NotaryMatter Matter, string Purpose, int Copies, string? MaterialsSubmitted, bool LegalAidEligible);

/// <summary>A notarization case's own data (公证), one row per notarization case.</summary>
public sealed class NotarizationDetails
{
    public const int MaxTextLength = 2000;

    private NotarizationDetails()
    {
    }

    internal NotarizationDetails(Guid caseId, NotarizationIntake i)
    {
        CaseId = caseId;
        MatterCode = i.Matter.Code;
        MatterName = i.Matter.Name;
        Purpose = i.Purpose.Trim();
        Copies = i.Copies;
        MaterialsSubmitted = string.IsNullOrWhiteSpace(i.MaterialsSubmitted) ? null : i.MaterialsSubmitted.Trim();
        LegalAidEligible = i.LegalAidEligible;
        OneVisitMatter = i.Matter.OneVisit;
    }

    public Guid CaseId { get; private set; }

    public string MatterCode { get; private set; } = "";

    public string MatterName { get; private set; } = "";

    /// <summary>用途, e.g. 出国留学.</summary>
    public string Purpose { get; private set; } = "";

    public int Copies { get; private set; }

    public string? MaterialsSubmitted { get; private set; }

    /// <summary>The applicant qualifies for legal aid: the fee is reduced or waived (第三十四条第二款).</summary>
    public bool LegalAidEligible { get; private set; }

    /// <summary>The catalogue says this matter can be done in one visit.</summary>
    public bool OneVisitMatter { get; private set; }

    public DateTimeOffset? PreReviewedAt { get; internal set; }

    public string? PreReviewNote { get; internal set; }

    public string? MaterialsRequested { get; internal set; }

    public DateOnly? AcceptedOn { get; internal set; }

    /// <summary>Working days of the 15 still to run when the period was suspended.</summary>
    public int? RemainingWorkingDays { get; internal set; }

    public SuspensionReason? SuspensionReason { get; internal set; }

    public string? SuspensionNote { get; internal set; }

    /// <summary>Working days not counted (第三十条 但书), in total.</summary>
    public int SuspendedWorkingDays { get; internal set; }

    public DateOnly? SuspendedOn { get; internal set; }

    public string? CertificateNumber { get; internal set; }

    public DateOnly? IssuedOn { get; internal set; }

    public decimal? Fee { get; internal set; }

    public string? FeeBasis { get; internal set; }

    public CertificateDelivery? Delivery { get; internal set; }

    public string? RefusalGround { get; internal set; }

    /// <summary>How many times the applicant came in person; 最多跑一次 means at most one.</summary>
    public int VisitCount { get; internal set; }
}

/// <summary>A bookable appointment slot of a notary office (a service point with a notary window), a home visit or an on-site event.</summary>
public sealed class NotarySlot
{
    private NotarySlot()
    {
    }

    public NotarySlot(Guid servicePointId, DateTimeOffset startsAt, DateTimeOffset endsAt, SlotKind kind, DateTimeOffset createdAt)
    {
        if (endsAt <= startsAt)
            throw new ArgumentException("A slot ends after it starts.", nameof(endsAt));
        Id = Guid.CreateVersion7(createdAt);
        ServicePointId = servicePointId;
        StartsAt = startsAt.ToUniversalTime();
        EndsAt = endsAt.ToUniversalTime();
        Kind = kind;
    }

    public Guid Id { get; private set; }

    public Guid ServicePointId { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public SlotKind Kind { get; private set; }
}

/// <summary>A booking of a slot. The slot id is the primary key, so two bookings of one slot cannot both commit, on either
/// database and however many nodes take bookings at once.</summary>
public sealed class NotaryBooking
{
    private NotaryBooking()
    {
    }

    public NotaryBooking(NotarySlot slot, Guid caseId, string? address, string? note, DateTimeOffset bookedAt)
    {
        ArgumentNullException.ThrowIfNull(slot);
        if (slot.Kind is SlotKind.HomeVisit or SlotKind.OnSite && string.IsNullOrWhiteSpace(address))
            throw new Cases.CaseFieldException("address", "上门办证和现场监督须填写地点。");
        SlotId = slot.Id;
        CaseId = caseId;
        Kind = slot.Kind;
        StartsAt = slot.StartsAt;
        Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        BookedAt = bookedAt;
    }

    public Guid SlotId { get; private set; }

    public Guid CaseId { get; private set; }

    public SlotKind Kind { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public string? Address { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset BookedAt { get; private set; }
}
