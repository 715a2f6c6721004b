namespace Farun.Features.Guides;

/// <summary>
/// A procedure guide uploaded by an administrator: the YAML of one version, kept for ever (versions are never changed,
/// only activated or deactivated). Guides shipped in the repository are not stored; an uploaded version of the same
/// id replaces the shipped one while it is active and not older.
/// </summary>
public sealed class GuideVersion
{
    private GuideVersion()
    {
    }

    public GuideVersion(string guideId, int version, string title, string yaml, string sha256, Guid? uploadedById, string uploadedBy, DateTimeOffset uploadedAt, string? note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guideId);
        ArgumentException.ThrowIfNullOrWhiteSpace(yaml);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Id = Guid.NewGuid();
        GuideId = guideId;
        Version = version;
        Title = title;
        Yaml = yaml;
        Sha256 = sha256;
        UploadedById = uploadedById;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
        Note = note;
    }

    public Guid Id { get; private set; }

    /// <summary>The guide's id from its YAML, e.g. legal-aid.</summary>
    public string GuideId { get; private set; } = "";

    public int Version { get; private set; }

    public string Title { get; private set; } = "";

    public string Yaml { get; private set; } = "";

    /// <summary>SHA-256 of the YAML (hex), to cache parsed guides safely across nodes.</summary>
    public string Sha256 { get; private set; } = "";

    public Guid? UploadedById { get; private set; }

    public string UploadedBy { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>What changed, in the administrator's words.</summary>
    public string? Note { get; private set; }

    /// <summary>At most one version of a guide is active.</summary>
    public bool IsActive { get; set; }
}

/// <summary>
/// A citizen's answers to a guide, kept on the server under a short resume code so that any node can continue the
/// interview and the citizen can resume on another device. Holds no name or ID number: the guide asks none.
/// </summary>
public sealed class GuideSession
{
    public const int CodeLength = 8;

    /// <summary>Characters of resume codes: digits and capitals without 0, 1, I and O, which are easily confused.</summary>
    public const string CodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private GuideSession()
    {
    }

    public GuideSession(string code, string guideId, int guideVersion, DateTimeOffset now)
    {
        Code = code;
        GuideId = guideId;
        GuideVersion = guideVersion;
        CreatedAt = now;
        Touch(now);
    }

    public string Code { get; private set; } = "";

    public string GuideId { get; private set; } = "";

    /// <summary>The version the interview runs on; a newer version takes over only if this one is gone.</summary>
    public int GuideVersion { get; set; }

    /// <summary>Answers as a JSON object of question id to the answer's text form.</summary>
    public string AnswersJson { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>30 days after the last change.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>The reference of the application submitted from this interview (once only).</summary>
    public string? ApplicationReference { get; set; }

    public string? ApplicationUrl { get; set; }

    public DateTimeOffset? AppliedAt { get; set; }

    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        ExpiresAt = now + Lifetime;
    }
}
