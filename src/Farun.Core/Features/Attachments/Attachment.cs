using Farun.Features.Audit;

namespace Farun.Features.Attachments;

/// <summary>
/// A stored file owned by something else (a case, an application): who owns it is <see cref="OwnerType"/> +
/// <see cref="OwnerId"/>, and the owner's feature decides who may read it. The bytes are in the data folder under
/// <see cref="StorageKey"/> (never the uploader's file name); <see cref="ContentType"/> comes from the content, not the client.
/// </summary>
public sealed class Attachment
{
    private Attachment()
    {
    }

    public Attachment(Guid id, string ownerType, string ownerId, string originalName, AttachmentType type, string contentType, long size,
        string sha256, string storageKey, ActorKind uploadedByKind, Guid? uploadedById, string uploadedByName, DateTimeOffset uploadedAt)
    {
        Id = id;
        OwnerType = ownerType;
        OwnerId = ownerId;
        OriginalName = originalName;
        Type = type;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        StorageKey = storageKey;
        UploadedByKind = uploadedByKind;
        UploadedById = uploadedById;
        UploadedByName = uploadedByName;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>E.g. "Case", "LegalAidApplication".</summary>
    public string OwnerType { get; private set; } = "";

    public string OwnerId { get; private set; } = "";

    /// <summary>The sanitised file name, offered again on download.</summary>
    public string OriginalName { get; private set; } = "";

    public AttachmentType Type { get; private set; }

    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public string Sha256 { get; private set; } = "";

    /// <summary>Path under the uploads folder: yyyy/MM/{id:N}.</summary>
    public string StorageKey { get; private set; } = "";

    public ActorKind UploadedByKind { get; private set; }

    public Guid? UploadedById { get; private set; }

    public string UploadedByName { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }
}
