namespace Farun.Features.Mediation;

/// <summary>A people's mediation committee (人民调解委员会, 《人民调解法》第七条、第八条), attached to a service point.</summary>
public sealed class MediationCommittee
{
    private MediationCommittee()
    {
    }

    public MediationCommittee(string name, CommitteeKind kind, Guid servicePointId, DateTimeOffset createdAt, bool isDemo = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = Guid.CreateVersion7(createdAt);
        Name = name.Trim();
        Kind = kind;
        ServicePointId = servicePointId;
        IsActive = true;
        CreatedAt = createdAt;
        IsDemo = isDemo;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public CommitteeKind Kind { get; private set; }

    /// <summary>The service point whose staff see the committee's cases.</summary>
    public Guid ServicePointId { get; private set; }

    public bool IsActive { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsDemo { get; private set; }
}

/// <summary>
/// A people's mediator (人民调解员, 《人民调解法》第十三条、第十四条) in the registry: committee, whether a lawyer stationed at
/// a police station (公调对接驻所律师), the police station, specialties. Assignment picks from here (第十九条).
/// </summary>
public sealed class Mediator
{
    private Mediator()
    {
    }

    public Mediator(string name, MediationCommittee committee, bool isStationedLawyer, string? policeStation, IEnumerable<DisputeType> specialties, DateTimeOffset createdAt, bool isDemo = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(committee);
        if (isStationedLawyer && string.IsNullOrWhiteSpace(policeStation))
            throw new ArgumentException("A stationed lawyer is stationed at a police station.", nameof(policeStation));
        Id = Guid.CreateVersion7(createdAt);
        Name = name.Trim();
        CommitteeId = committee.Id;
        IsStationedLawyer = isStationedLawyer;
        PoliceStation = string.IsNullOrWhiteSpace(policeStation) ? null : policeStation.Trim();
        SetSpecialties(specialties);
        IsActive = true;
        CreatedAt = createdAt;
        IsDemo = isDemo;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public Guid CommitteeId { get; private set; }

    /// <summary>A lawyer stationed at a police station to mediate its referrals (公调对接).</summary>
    public bool IsStationedLawyer { get; private set; }

    /// <summary>The police station where a stationed lawyer works.</summary>
    public string? PoliceStation { get; private set; }

    /// <summary>Comma-separated <see cref="DisputeType"/> names.</summary>
    public string Specialties { get; private set; } = "";

    /// <summary>The staff account (role Mediator, or Lawyer for a stationed lawyer) that works the cases.</summary>
    public Guid? UserId { get; set; }

    /// <summary>A stationed lawyer's entry in the lawyer registry.</summary>
    public Guid? LawyerId { get; set; }

    public bool IsActive { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsDemo { get; private set; }

    public IReadOnlyList<DisputeType> SpecialtyList =>
        Farun.Common.EnumList.Parse(Specialties, DisputeType.Other);

    public void SetSpecialties(IEnumerable<DisputeType> specialties) =>
        Specialties = Farun.Common.EnumList.Format(specialties);
}
